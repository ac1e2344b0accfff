-- Issue 12, scale: what the gap view, a company's own matches and a crashed rebuild need.

-- The score from which a company counts as fitting a priority in the gap view (investcrm.matching.gap-threshold;
-- MatchStore writes the configured value here at start and recounts when it changed). One row.
CREATE TABLE company_match_setting (
    id             TINYINT       NOT NULL,
    gap_threshold  DECIMAL(5, 2) NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO company_match_setting (id, gap_threshold) VALUES (1, 50);

-- The gap view's figures: how many stored scores at or above the threshold each zone and section has, per
-- visibility scope of the company (security/Visibility: pursued or not, the prospect's team, confidential, pooled
-- = no owner) and whether its pursuit is active. An officer's view sums the scopes visible to every member of the
-- team and adds, from the rows themselves, the few prospects they see as owner or leader only. A few thousand rows
-- instead of the ~400 000 stored scores; kept by the triggers below in the same transaction as the change of a
-- stored score or of a prospect, whichever feature writes it.
CREATE TABLE company_match_count (
    plan_version_id  BIGINT       NOT NULL,
    kind             CHAR(1)      NOT NULL,
    code             VARCHAR(64)  NOT NULL,
    pursued          BOOLEAN      NOT NULL,
    team_code        VARCHAR(32)  NOT NULL,  -- '' when none
    confidential     BOOLEAN      NOT NULL,
    pooled           BOOLEAN      NOT NULL,  -- pursued without an owner (the shared pool), or not pursued
    active           BOOLEAN      NOT NULL,  -- the pursuit's status is ACTIVE
    n                INT          NOT NULL,
    PRIMARY KEY (plan_version_id, kind, code, pursued, team_code, confidential, pooled, active)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A company's ranked matches of every kind (sections, zones, HQ kinds, targets) with their explanations, as gzipped
-- JSON (3.5 KB of bilingual text a company on average, 1 KB compressed), written with its scores: the
-- company's matches are one row read instead of a scoring.
CREATE TABLE company_match_result (
    plan_version_id  BIGINT       NOT NULL,
    company_id       BIGINT       NOT NULL,
    results          MEDIUMBLOB   NOT NULL,
    PRIMARY KEY (plan_version_id, company_id),
    KEY ix_company_match_result_company (company_id),
    CONSTRAINT fk_company_match_result_company FOREIGN KEY (company_id) REFERENCES company (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A rebuild is claimed by one instance (claimed_by) that proves it is alive (heartbeat_at, every batch) and records
-- the last company it scored (resume_after): another instance, or the same one after a restart, takes over a
-- rebuild whose heartbeat is stale with a conditional UPDATE and goes on from there.
ALTER TABLE company_match_state
    ADD COLUMN claimed_by   VARCHAR(64) NULL,
    ADD COLUMN heartbeat_at DATETIME(6) NULL,
    ADD COLUMN resume_after BIGINT      NOT NULL DEFAULT 0;

-- Counts of the scores already stored (none of them claimed: a V012 rebuild that never finished is resumed from 0).
INSERT INTO company_match_count (plan_version_id, kind, code, pursued, team_code, confidential, pooled, active, n)
SELECT m.plan_version_id, m.kind, m.code, p.id IS NOT NULL, COALESCE(p.team_code, ''), COALESCE(p.confidential, FALSE),
       p.owner IS NULL, COALESCE(p.status = 'ACTIVE', FALSE), COUNT(*)
FROM company_match m LEFT JOIN prospect p ON p.company_id = m.company_id
WHERE m.score >= 50
GROUP BY m.plan_version_id, m.kind, m.code, p.id IS NOT NULL, COALESCE(p.team_code, ''), COALESCE(p.confidential, FALSE),
         p.owner IS NULL, COALESCE(p.status = 'ACTIVE', FALSE);

-- The triggers are single statements (no delimiter games): each adds +1/-1 rows to the scope they concern.
CREATE TRIGGER tr_company_match_count_ins AFTER INSERT ON company_match FOR EACH ROW
INSERT INTO company_match_count (plan_version_id, kind, code, pursued, team_code, confidential, pooled, active, n)
SELECT NEW.plan_version_id, NEW.kind, NEW.code, p.id IS NOT NULL, COALESCE(p.team_code, ''),
       COALESCE(p.confidential, FALSE), p.owner IS NULL, COALESCE(p.status = 'ACTIVE', FALSE), 1
FROM company_match_setting s LEFT JOIN prospect p ON p.company_id = NEW.company_id
WHERE s.id = 1 AND NEW.score >= s.gap_threshold
ON DUPLICATE KEY UPDATE company_match_count.n = company_match_count.n + 1;

CREATE TRIGGER tr_company_match_count_del AFTER DELETE ON company_match FOR EACH ROW
INSERT INTO company_match_count (plan_version_id, kind, code, pursued, team_code, confidential, pooled, active, n)
SELECT OLD.plan_version_id, OLD.kind, OLD.code, p.id IS NOT NULL, COALESCE(p.team_code, ''),
       COALESCE(p.confidential, FALSE), p.owner IS NULL, COALESCE(p.status = 'ACTIVE', FALSE), -1
FROM company_match_setting s LEFT JOIN prospect p ON p.company_id = OLD.company_id
WHERE s.id = 1 AND OLD.score >= s.gap_threshold
ON DUPLICATE KEY UPDATE company_match_count.n = company_match_count.n - 1;

CREATE TRIGGER tr_company_match_count_upd AFTER UPDATE ON company_match FOR EACH ROW
INSERT INTO company_match_count (plan_version_id, kind, code, pursued, team_code, confidential, pooled, active, n)
SELECT d.plan_version_id, d.kind, d.code, p.id IS NOT NULL, COALESCE(p.team_code, ''),
       COALESCE(p.confidential, FALSE), p.owner IS NULL, COALESCE(p.status = 'ACTIVE', FALSE), d.delta
FROM company_match_setting s
JOIN (SELECT OLD.plan_version_id AS plan_version_id, OLD.kind AS kind, OLD.code AS code, OLD.company_id AS company_id,
             OLD.score AS score, -1 AS delta
      UNION ALL
      SELECT NEW.plan_version_id, NEW.kind, NEW.code, NEW.company_id, NEW.score, 1) d
LEFT JOIN prospect p ON p.company_id = d.company_id
WHERE s.id = 1 AND d.score >= s.gap_threshold
ON DUPLICATE KEY UPDATE company_match_count.n = company_match_count.n + VALUES(n);

-- A prospect started, changed or removed moves its company's counted scores from one scope to another.
CREATE TRIGGER tr_prospect_match_count_ins AFTER INSERT ON prospect FOR EACH ROW
INSERT INTO company_match_count (plan_version_id, kind, code, pursued, team_code, confidential, pooled, active, n)
SELECT m.plan_version_id, m.kind, m.code, b.pursued, b.team_code, b.confidential, b.pooled, b.active, b.delta
FROM company_match_setting s
JOIN company_match m ON m.company_id = NEW.company_id AND m.score >= s.gap_threshold
JOIN (SELECT FALSE AS pursued, '' AS team_code, FALSE AS confidential, TRUE AS pooled, FALSE AS active, -1 AS delta
      UNION ALL
      SELECT TRUE, COALESCE(NEW.team_code, ''), NEW.confidential, NEW.owner IS NULL, NEW.status = 'ACTIVE', 1) b
WHERE s.id = 1
ON DUPLICATE KEY UPDATE company_match_count.n = company_match_count.n + VALUES(n);

CREATE TRIGGER tr_prospect_match_count_del AFTER DELETE ON prospect FOR EACH ROW
INSERT INTO company_match_count (plan_version_id, kind, code, pursued, team_code, confidential, pooled, active, n)
SELECT m.plan_version_id, m.kind, m.code, b.pursued, b.team_code, b.confidential, b.pooled, b.active, b.delta
FROM company_match_setting s
JOIN company_match m ON m.company_id = OLD.company_id AND m.score >= s.gap_threshold
JOIN (SELECT FALSE AS pursued, '' AS team_code, FALSE AS confidential, TRUE AS pooled, FALSE AS active, 1 AS delta
      UNION ALL
      SELECT TRUE, COALESCE(OLD.team_code, ''), OLD.confidential, OLD.owner IS NULL, OLD.status = 'ACTIVE', -1) b
WHERE s.id = 1
ON DUPLICATE KEY UPDATE company_match_count.n = company_match_count.n + VALUES(n);

-- most prospect updates (last activity, probability, dates) leave the scope alone: the constant condition on
-- OLD/NEW makes them a no-op without reading company_match. A pursuit moved to another company (a merge) leaves the
-- old company unpursued and takes the new one out of the unpursued scope; for the same company those two cancel.
CREATE TRIGGER tr_prospect_match_count_upd AFTER UPDATE ON prospect FOR EACH ROW
INSERT INTO company_match_count (plan_version_id, kind, code, pursued, team_code, confidential, pooled, active, n)
SELECT m.plan_version_id, m.kind, m.code, b.pursued, b.team_code, b.confidential, b.pooled, b.active, b.delta
FROM company_match_setting s
JOIN (SELECT OLD.company_id AS company_id, TRUE AS pursued, COALESCE(OLD.team_code, '') AS team_code,
             OLD.confidential AS confidential, OLD.owner IS NULL AS pooled, OLD.status = 'ACTIVE' AS active, -1 AS delta
      UNION ALL
      SELECT OLD.company_id, FALSE, '', FALSE, TRUE, FALSE, 1
      UNION ALL
      SELECT NEW.company_id, FALSE, '', FALSE, TRUE, FALSE, -1
      UNION ALL
      SELECT NEW.company_id, TRUE, COALESCE(NEW.team_code, ''), NEW.confidential, NEW.owner IS NULL,
             NEW.status = 'ACTIVE', 1) b
JOIN company_match m ON m.company_id = b.company_id AND m.score >= s.gap_threshold
WHERE s.id = 1 AND NOT (OLD.company_id <=> NEW.company_id AND OLD.team_code <=> NEW.team_code
      AND OLD.confidential <=> NEW.confidential AND (OLD.owner IS NULL) <=> (NEW.owner IS NULL)
      AND OLD.status <=> NEW.status)
ON DUPLICATE KEY UPDATE company_match_count.n = company_match_count.n + VALUES(n);
