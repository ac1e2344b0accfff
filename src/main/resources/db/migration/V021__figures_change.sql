-- Issue 10, speed: the managers' figures (dashboard, goal progress) are kept in memory under the version of the data
-- they were computed from, and that version is read from the database on every request, so a committed change shows
-- in the next request on every replica (figures are live) while unchanged figures are not recomputed.
--
-- The triggers below add one row per change that can move a figure, tagged with the topic it moves, in the same
-- transaction as the change, whichever feature writes it. Only inserts, never an update of a shared row: no writer
-- waits for another, and no lock order between writers can deadlock on this table. Each insert is a simple
-- INSERT … VALUES inside IF (never INSERT … SELECT): with innodb_autoinc_lock_mode 1 (MariaDB's default) an
-- INSERT … SELECT takes the table's AUTO-INC lock until the end of the statement that fired the trigger, so a long
-- multi-row UPDATE would hold every other writer, and two writers could deadlock on it and a row lock.
--   pipeline  the funnel, time in stage, traffic lights, upcoming landings (prospect, the firm's names, zone and
--             industries, users' teams)
--   activity  activities per officer and week (activity, its officers, its firms)
--   offer     offers awaiting approval
--   goals     goal progress (pursuits' stage, status, landing, departure, team, forecast; the firm's names, zone, group
--             and merge; ranking lists and entries; licences; managers' own targets)
-- A topic's version is (MAX(id), COUNT(*)) of its rows: a row committed late with a lower id still raises the count,
-- and FiguresVersions' pruning deletes old rows and adds a newer one per topic in one transaction, which raises MAX.
-- A bulk loader (the district data set) sets the session variable @investcrm_bulk_load and adds one row per topic
-- when it is done, instead of one per loaded row.
CREATE TABLE figures_change (
    id     BIGINT      NOT NULL AUTO_INCREMENT,
    topic  VARCHAR(16) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_figures_change_topic (topic, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO figures_change (topic) VALUES ('pipeline'), ('activity'), ('offer'), ('goals');

DELIMITER //

-- prospect: any change of what the funnel and the upcoming landings read moves the pipeline; a visit moves
-- last_progress_at (the traffic lights) but none of the goal columns
CREATE TRIGGER tr_figures_prospect_ins AFTER INSERT ON prospect FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('pipeline'), ('goals');
  END IF;
END//

CREATE TRIGGER tr_figures_prospect_del AFTER DELETE ON prospect FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('pipeline'), ('goals');
  END IF;
END//

CREATE TRIGGER tr_figures_prospect_upd AFTER UPDATE ON prospect FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    IF NOT (OLD.company_id <=> NEW.company_id AND OLD.status <=> NEW.status
        AND OLD.stage <=> NEW.stage AND OLD.stage_entered_at <=> NEW.stage_entered_at
        AND OLD.last_progress_at <=> NEW.last_progress_at AND OLD.team_code <=> NEW.team_code AND OLD.owner <=> NEW.owner
        AND OLD.expected_landing_date <=> NEW.expected_landing_date
        AND OLD.probability_override <=> NEW.probability_override) THEN
      INSERT INTO figures_change (topic) VALUES ('pipeline');
    END IF;
    IF NOT (OLD.company_id <=> NEW.company_id AND OLD.status <=> NEW.status AND OLD.stage <=> NEW.stage
        AND OLD.landing_verified_at <=> NEW.landing_verified_at AND OLD.departed_on <=> NEW.departed_on
        AND OLD.team_code <=> NEW.team_code AND OLD.expected_landing_date <=> NEW.expected_landing_date
        AND OLD.probability_override <=> NEW.probability_override) THEN
      INSERT INTO figures_change (topic) VALUES ('goals');
    END IF;
  END IF;
END//

-- company: a new firm matters to goals only as a member of a group (its group's ranking qualifies it); names, zone,
-- group and merge move every figure that shows or filters by them; other columns (search text, identifiers,
-- addresses) move none
CREATE TRIGGER tr_figures_company_ins AFTER INSERT ON company FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    IF NEW.group_id IS NOT NULL THEN
      INSERT INTO figures_change (topic) VALUES ('goals');
    END IF;
  END IF;
END//

CREATE TRIGGER tr_figures_company_del AFTER DELETE ON company FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('pipeline'), ('activity'), ('offer'), ('goals');
  END IF;
END//

CREATE TRIGGER tr_figures_company_upd AFTER UPDATE ON company FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    IF NOT (OLD.name_zh <=> NEW.name_zh AND OLD.name_en <=> NEW.name_en
        AND OLD.preferred_zone <=> NEW.preferred_zone AND OLD.group_id <=> NEW.group_id
        AND OLD.survivor_id <=> NEW.survivor_id) THEN
      INSERT INTO figures_change (topic) VALUES ('pipeline'), ('activity'), ('offer'), ('goals');
    END IF;
  END IF;
END//

-- a firm's industries filter the funnel, the activities and the offers
CREATE TRIGGER tr_figures_company_industry_ins AFTER INSERT ON company_industry FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('pipeline'), ('activity'), ('offer');
  END IF;
END//

CREATE TRIGGER tr_figures_company_industry_del AFTER DELETE ON company_industry FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('pipeline'), ('activity'), ('offer');
  END IF;
END//

CREATE TRIGGER tr_figures_company_industry_upd AFTER UPDATE ON company_industry FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('pipeline'), ('activity'), ('offer');
  END IF;
END//

-- a user's team filters activities and offers by team (last_seen_at and the like move nothing)
CREATE TRIGGER tr_figures_app_user_ins AFTER INSERT ON app_user FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('activity'), ('offer');
  END IF;
END//

CREATE TRIGGER tr_figures_app_user_del AFTER DELETE ON app_user FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('activity'), ('offer');
  END IF;
END//

CREATE TRIGGER tr_figures_app_user_upd AFTER UPDATE ON app_user FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    IF NOT (OLD.username <=> NEW.username AND OLD.team_code <=> NEW.team_code) THEN
      INSERT INTO figures_change (topic) VALUES ('activity'), ('offer');
    END IF;
  END IF;
END//

-- activities: logged, corrected, deleted (a correction of the officers or firms also raises the activity's version),
-- their officers and firms (merges move firm links)
CREATE TRIGGER tr_figures_activity_ins AFTER INSERT ON activity FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('activity');
  END IF;
END//

CREATE TRIGGER tr_figures_activity_del AFTER DELETE ON activity FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('activity');
  END IF;
END//

CREATE TRIGGER tr_figures_activity_upd AFTER UPDATE ON activity FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('activity');
  END IF;
END//

CREATE TRIGGER tr_figures_activity_officer_ins AFTER INSERT ON activity_officer FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('activity');
  END IF;
END//

CREATE TRIGGER tr_figures_activity_officer_del AFTER DELETE ON activity_officer FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('activity');
  END IF;
END//

CREATE TRIGGER tr_figures_activity_officer_upd AFTER UPDATE ON activity_officer FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('activity');
  END IF;
END//

CREATE TRIGGER tr_figures_activity_company_ins AFTER INSERT ON activity_company FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('activity');
  END IF;
END//

CREATE TRIGGER tr_figures_activity_company_del AFTER DELETE ON activity_company FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('activity');
  END IF;
END//

CREATE TRIGGER tr_figures_activity_company_upd AFTER UPDATE ON activity_company FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('activity');
  END IF;
END//

-- offers: every change (status, awaiting role, title, firm) may move the awaiting list
CREATE TRIGGER tr_figures_offer_ins AFTER INSERT ON offer FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('offer');
  END IF;
END//

CREATE TRIGGER tr_figures_offer_del AFTER DELETE ON offer FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('offer');
  END IF;
END//

CREATE TRIGGER tr_figures_offer_upd AFTER UPDATE ON offer FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('offer');
  END IF;
END//

-- goals: ranking lists and entries (a confirmed link qualifies a firm), licences, managers' own targets
CREATE TRIGGER tr_figures_ranking_list_ins AFTER INSERT ON ranking_list FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('goals');
  END IF;
END//

CREATE TRIGGER tr_figures_ranking_list_del AFTER DELETE ON ranking_list FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('goals');
  END IF;
END//

CREATE TRIGGER tr_figures_ranking_list_upd AFTER UPDATE ON ranking_list FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('goals');
  END IF;
END//

CREATE TRIGGER tr_figures_ranking_entry_ins AFTER INSERT ON ranking_entry FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('goals');
  END IF;
END//

CREATE TRIGGER tr_figures_ranking_entry_del AFTER DELETE ON ranking_entry FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('goals');
  END IF;
END//

CREATE TRIGGER tr_figures_ranking_entry_upd AFTER UPDATE ON ranking_entry FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('goals');
  END IF;
END//

CREATE TRIGGER tr_figures_goal_licence_ins AFTER INSERT ON goal_licence FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('goals');
  END IF;
END//

CREATE TRIGGER tr_figures_goal_licence_del AFTER DELETE ON goal_licence FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('goals');
  END IF;
END//

CREATE TRIGGER tr_figures_goal_licence_upd AFTER UPDATE ON goal_licence FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('goals');
  END IF;
END//

CREATE TRIGGER tr_figures_goal_target_ins AFTER INSERT ON goal_target FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('goals');
  END IF;
END//

CREATE TRIGGER tr_figures_goal_target_del AFTER DELETE ON goal_target FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('goals');
  END IF;
END//

CREATE TRIGGER tr_figures_goal_target_upd AFTER UPDATE ON goal_target FOR EACH ROW
BEGIN
  IF @investcrm_bulk_load IS NULL THEN
    INSERT INTO figures_change (topic) VALUES ('goals');
  END IF;
END//

DELIMITER ;
