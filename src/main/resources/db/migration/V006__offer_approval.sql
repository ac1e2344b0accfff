-- Offers of office space and subsidies to prospect companies, with their approval workflow (offers issue)
CREATE TABLE offer (
    id                   BIGINT         NOT NULL AUTO_INCREMENT,
    version              INT            NOT NULL DEFAULT 0,
    company_id           BIGINT         NOT NULL,
    prospect_id          BIGINT         NULL,
    kind                 VARCHAR(16)    NOT NULL,
    title                VARCHAR(255)   NOT NULL,
    status               VARCHAR(16)    NOT NULL,
    -- SPACE: where, how much and at what rent
    zone_code            VARCHAR(64)    NULL,
    building             VARCHAR(255)   NULL,
    floor_area_sqm       DECIMAL(10,2)  NULL,
    rent_per_sqm_month   DECIMAL(10,2)  NULL,
    rent_free_months     INT            NULL,
    -- SUBSIDY: how much and on which policy
    subsidy_amount_cny   DECIMAL(15,2)  NULL,
    policy_basis         VARCHAR(1000)  NULL,
    term_months          INT            NOT NULL,
    conditions           VARCHAR(4000)  NULL,
    -- the role the pending approval step needs; NULL unless SUBMITTED
    awaiting_role        VARCHAR(32)    NULL,
    closing_note         VARCHAR(1000)  NULL,
    owner                VARCHAR(64)    NOT NULL,
    created_by           VARCHAR(64)    NOT NULL,
    created_at           DATETIME(6)    NOT NULL,
    updated_at           DATETIME(6)    NOT NULL,
    submitted_by         VARCHAR(64)    NULL,
    submitted_at         DATETIME(6)    NULL,
    decided_at           DATETIME(6)    NULL,
    outcome_at           DATETIME(6)    NULL,
    PRIMARY KEY (id),
    KEY ix_offer_company (company_id, status),
    KEY ix_offer_awaiting (status, awaiting_role),
    KEY ix_offer_owner (owner, status),
    CONSTRAINT fk_offer_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT fk_offer_prospect FOREIGN KEY (prospect_id) REFERENCES prospect (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The approval steps of an offer, laid out when it is submitted (one, or two above the thresholds)
CREATE TABLE offer_approval (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    offer_id      BIGINT        NOT NULL,
    step_no       INT           NOT NULL,
    required_role VARCHAR(32)   NOT NULL,
    decided_by    VARCHAR(64)   NULL,
    decision      VARCHAR(16)   NULL,
    reason        VARCHAR(1000) NULL,
    decided_at    DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_offer_approval_step (offer_id, step_no),
    KEY ix_offer_approval_decider (decided_by),
    CONSTRAINT fk_offer_approval_offer FOREIGN KEY (offer_id) REFERENCES offer (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
