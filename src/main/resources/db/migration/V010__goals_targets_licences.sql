-- Goals (issue 10): the managers' own targets beside the plan's, per zone, team and year
CREATE TABLE goal_target (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    version          INT          NOT NULL DEFAULT 0,
    name             VARCHAR(255) NOT NULL,
    plan_target_code VARCHAR(64)  NULL,
    zone_code        VARCHAR(64)  NULL,
    team_code        VARCHAR(32)  NULL,
    target_year      INT          NOT NULL,
    target_count     INT          NOT NULL,
    created_by       VARCHAR(64)  NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_goal_target_year (target_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Licences and certificates of a company (专栏1 #10 licensed financial institutions, #11 national high-tech
-- enterprises): counted from these records, never from keywords. Keyed by company id: the company table stays its feature's.
CREATE TABLE goal_licence (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    version      INT          NOT NULL DEFAULT 0,
    company_id   BIGINT       NOT NULL,
    licence_type VARCHAR(32)  NOT NULL,
    licence_no   VARCHAR(64)  NOT NULL,
    issuer       VARCHAR(255) NULL,
    valid_from   DATE         NULL,
    valid_to     DATE         NULL,
    recorded_by  VARCHAR(64)  NOT NULL,
    recorded_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_goal_licence (licence_type, licence_no),
    KEY ix_goal_licence_company (company_id),
    CONSTRAINT fk_goal_licence_company FOREIGN KEY (company_id) REFERENCES company (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
