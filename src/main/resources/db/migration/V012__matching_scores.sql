-- Issue 12: the zone and section scores of every company, kept per plan version so that the reverse views
-- (candidates of a zone or section, the gap view) read an index instead of scoring the register per request.
-- Rows are written by matching/MatchStore: rebuilt in the background when a plan version becomes active, and
-- caught up from company.updated_at (the change log every company write already keeps) before each read.
CREATE TABLE company_match (
    plan_version_id  BIGINT        NOT NULL,
    kind             CHAR(1)       NOT NULL,  -- Z: a zone of 六(二), S: a section of 五 (or a box)
    code             VARCHAR(64)   NOT NULL,  -- the zone code or the section ref
    company_id       BIGINT        NOT NULL,
    score            DECIMAL(5, 2) NOT NULL,
    PRIMARY KEY (plan_version_id, company_id, kind, code),
    KEY ix_company_match_rank (plan_version_id, kind, code, score, company_id),
    CONSTRAINT fk_company_match_company FOREIGN KEY (company_id) REFERENCES company (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per plan version: where its rebuild stands (visible progress) and up to which company change it has
-- caught up.
CREATE TABLE company_match_state (
    plan_version_id  BIGINT        NOT NULL,
    state            VARCHAR(16)   NOT NULL,  -- REBUILDING, READY
    total            INT           NOT NULL,
    done             INT           NOT NULL,
    swept_to         DATETIME(6)   NOT NULL,
    started_at       DATETIME(6)   NOT NULL,
    finished_at      DATETIME(6)   NULL,
    PRIMARY KEY (plan_version_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
