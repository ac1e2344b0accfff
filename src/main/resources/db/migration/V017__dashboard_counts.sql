-- Issue 10 (speed): the dashboard's activities per officer per day and per ISO week, kept by the activity feature in
-- the same transaction as every activity write (activity/ActivityCounts), instead of counting ~80 000 activities per
-- request: the weeks inside a period are read from the week rows, its partial weeks from the day rows.
-- zone_code '' holds every activity the officer took part in that day; a zone's row holds those naming at least one
-- firm whose preferred zone it is (an activity naming two firms of one zone counts once there). A company's zone
-- change moves its activities between zone rows in the company update's transaction (CompanyZoneChanged).
CREATE TABLE activity_day_count (
    zone_code VARCHAR(64) NOT NULL,
    day       DATE        NOT NULL,
    username  VARCHAR(64) NOT NULL,
    n         INT         NOT NULL,
    PRIMARY KEY (zone_code, day, username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- the backfill groups ~1 M rows at district size: its temporary tables stay in memory for this session (faster, and
-- safe from a shared /tmp: an on-disk one was once removed under MariaDB on the shared machine); reset at the end
SET SESSION max_heap_table_size = 268435456;
SET SESSION tmp_table_size = 268435456;

-- backfill from the detail rows (the same recount ActivityCountsTest compares the kept counts with)
INSERT INTO activity_day_count (zone_code, day, username, n)
SELECT '', DATE(a.occurred_at), ao.username, COUNT(*)
FROM activity a JOIN activity_officer ao ON ao.activity_id = a.id
GROUP BY DATE(a.occurred_at), ao.username;

INSERT INTO activity_day_count (zone_code, day, username, n)
SELECT c.preferred_zone, DATE(a.occurred_at), ao.username, COUNT(DISTINCT a.id)
FROM activity a JOIN activity_officer ao ON ao.activity_id = a.id
JOIN activity_company ac ON ac.activity_id = a.id JOIN company c ON c.id = ac.company_id
WHERE c.preferred_zone IS NOT NULL AND c.preferred_zone <> ''
GROUP BY c.preferred_zone, DATE(a.occurred_at), ao.username;

CREATE TABLE activity_week_count (
    zone_code VARCHAR(64) NOT NULL,
    week      DATE        NOT NULL,
    username  VARCHAR(64) NOT NULL,
    n         INT         NOT NULL,
    PRIMARY KEY (zone_code, week, username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- a week is keyed by its Monday (FROM_DAYS(TO_DAYS(d) - WEEKDAY(d)): the same on MySQL and MariaDB)
INSERT INTO activity_week_count (zone_code, week, username, n)
SELECT zone_code, FROM_DAYS(TO_DAYS(day) - WEEKDAY(day)), username, SUM(n)
FROM activity_day_count
GROUP BY zone_code, FROM_DAYS(TO_DAYS(day) - WEEKDAY(day)), username;

SET SESSION tmp_table_size = DEFAULT;
SET SESSION max_heap_table_size = DEFAULT;

-- the dashboard funnel (open pursuits by stage, days in stage, traffic lights; team and officer filters) reads this
-- index alone instead of every prospect row
CREATE INDEX ix_prospect_funnel ON prospect (status, stage, last_progress_at, stage_entered_at, team_code, owner, company_id);

-- the dashboard's upcoming landings and offers awaiting approval are the first rows of these orders (LIMIT 20 / 50)
-- instead of a sort of every open pursuit and every submitted offer
CREATE INDEX ix_prospect_landing ON prospect (status, expected_landing_date);
CREATE INDEX ix_offer_submitted ON offer (status, submitted_at);
