-- Issue 14: the lists' capped counts ("共 N 条", "more than 1000") were the database's largest statements under the
-- mixed load (the industry + zone list's count, the team prospects' count). They are now kept in memory under the
-- version of the rows they count (io.investcrm.core.ListCounts), read from figures_change (V021) with two new topics:
--   lists   what decides whether a firm or a pursuit is in a list: a firm's existence, merge (survivor), zone, credit
--           code, LEI and search text; its industries; its ranking-list entries; a pursuit's existence, firm, owner,
--           leader, team and confidentiality (the visibility rule of issue 5)
--   stages  a pursuit's stage and status (only lists filtered by them read these)
-- A visit moves a pursuit's last activity and progress, which no count reads: it raises neither topic, so the counts
-- stay kept under the mixed load's writes. The triggers follow V021's rules (one INSERT … VALUES per row, nothing when
-- @investcrm_bulk_load is set; the bulk loader adds one row per topic when it is done).

INSERT INTO figures_change (topic) VALUES ('lists'), ('stages');

DELIMITER //

CREATE TRIGGER tr_lists_company_ins AFTER INSERT ON company FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('lists');
  END IF;
END//

CREATE TRIGGER tr_lists_company_del AFTER DELETE ON company FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('lists');
  END IF;
END//

CREATE TRIGGER tr_lists_company_upd AFTER UPDATE ON company FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    IF NOT (OLD.survivor_id <=> NEW.survivor_id AND OLD.preferred_zone <=> NEW.preferred_zone
        AND OLD.credit_code <=> NEW.credit_code AND OLD.lei <=> NEW.lei AND OLD.search_text <=> NEW.search_text) THEN
      INSERT INTO figures_change (topic) VALUES ('lists');
    END IF;
  END IF;
END//

CREATE TRIGGER tr_lists_company_industry_ins AFTER INSERT ON company_industry FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('lists');
  END IF;
END//

CREATE TRIGGER tr_lists_company_industry_del AFTER DELETE ON company_industry FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('lists');
  END IF;
END//

CREATE TRIGGER tr_lists_company_industry_upd AFTER UPDATE ON company_industry FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('lists');
  END IF;
END//

CREATE TRIGGER tr_lists_ranking_entry_ins AFTER INSERT ON ranking_entry FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('lists');
  END IF;
END//

CREATE TRIGGER tr_lists_ranking_entry_del AFTER DELETE ON ranking_entry FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('lists');
  END IF;
END//

CREATE TRIGGER tr_lists_ranking_entry_upd AFTER UPDATE ON ranking_entry FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('lists');
  END IF;
END//

CREATE TRIGGER tr_lists_prospect_ins AFTER INSERT ON prospect FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('lists'), ('stages');
  END IF;
END//

CREATE TRIGGER tr_lists_prospect_del AFTER DELETE ON prospect FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('lists'), ('stages');
  END IF;
END//

CREATE TRIGGER tr_lists_prospect_upd AFTER UPDATE ON prospect FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    IF NOT (OLD.company_id <=> NEW.company_id AND OLD.owner <=> NEW.owner AND OLD.leader <=> NEW.leader
        AND OLD.team_code <=> NEW.team_code AND OLD.confidential <=> NEW.confidential) THEN
      INSERT INTO figures_change (topic) VALUES ('lists');
    END IF;
    IF NOT (OLD.stage <=> NEW.stage AND OLD.status <=> NEW.status) THEN
      INSERT INTO figures_change (topic) VALUES ('stages');
    END IF;
  END IF;
END//

DELIMITER ;
