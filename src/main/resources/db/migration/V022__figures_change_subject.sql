-- Issue 14: the managers' figures under a load of writes. Every change of a pursuit made the figures compute again,
-- although most concern nothing a figure shows: goal progress counts only the firms on a ranking list, holding a
-- licence or (for managers' own targets) pursued, and a stage move of another firm moves none of its numbers. The
-- change rows now name what they concern where that is one thing (FiguresVersions.Changes):
--   goals     a pursuit's update: its firm (company id); NULL when it moved to another firm (a merge)
--   pipeline  a pursuit's insert, update or delete: the pursuit (prospect id)
-- Every other change row keeps subject NULL: it may concern any figure, and figures computed before it are computed
-- again. A pursuit's insert or delete keeps NULL for goals (a managers' target counts every pursued firm).
ALTER TABLE figures_change ADD COLUMN subject BIGINT NULL;

DELIMITER //

DROP TRIGGER tr_figures_prospect_ins//

CREATE TRIGGER tr_figures_prospect_ins AFTER INSERT ON prospect FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic, subject) VALUES ('pipeline', NEW.id), ('goals', NULL);
  END IF;
END//

DROP TRIGGER tr_figures_prospect_del//

CREATE TRIGGER tr_figures_prospect_del AFTER DELETE ON prospect FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic, subject) VALUES ('pipeline', OLD.id), ('goals', NULL);
  END IF;
END//

DROP TRIGGER tr_figures_prospect_upd//

CREATE TRIGGER tr_figures_prospect_upd AFTER UPDATE ON prospect FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    IF NOT (OLD.company_id <=> NEW.company_id AND OLD.status <=> NEW.status
        AND OLD.stage <=> NEW.stage AND OLD.stage_entered_at <=> NEW.stage_entered_at
        AND OLD.last_progress_at <=> NEW.last_progress_at AND OLD.team_code <=> NEW.team_code AND OLD.owner <=> NEW.owner
        AND OLD.expected_landing_date <=> NEW.expected_landing_date
        AND OLD.probability_override <=> NEW.probability_override) THEN
      INSERT INTO figures_change (topic, subject) VALUES ('pipeline', NEW.id);
    END IF;
    IF NOT (OLD.company_id <=> NEW.company_id AND OLD.status <=> NEW.status AND OLD.stage <=> NEW.stage
        AND OLD.landing_verified_at <=> NEW.landing_verified_at AND OLD.departed_on <=> NEW.departed_on
        AND OLD.team_code <=> NEW.team_code AND OLD.expected_landing_date <=> NEW.expected_landing_date
        AND OLD.probability_override <=> NEW.probability_override) THEN
      INSERT INTO figures_change (topic, subject)
        VALUES ('goals', IF(OLD.company_id <=> NEW.company_id, NEW.company_id, NULL));
    END IF;
  END IF;
END//

DELIMITER ;
