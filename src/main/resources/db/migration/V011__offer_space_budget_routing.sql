-- Offers that hold (issue 11): the space inventory (载体, plan 七(一)1), subsidy policies with yearly budgets
-- (plan 八(二)), tiered approval routing, return/recall, issue/expiry, delegation and escalation.

-- Buildings per zone of 六(二). Free area = vacant - held - committed; holds and commitments move only by
-- conditional UPDATEs (WHERE vacant - held - committed >= ?), so parallel offers cannot promise more than there is.
CREATE TABLE space_building (
    id                        BIGINT         NOT NULL AUTO_INCREMENT,
    version                   INT            NOT NULL DEFAULT 0,
    zone_code                 VARCHAR(64)    NOT NULL,
    name                      VARCHAR(255)   NOT NULL,
    address                   VARCHAR(500)   NULL,
    owner_type                VARCHAR(16)    NOT NULL,
    grade                     VARCHAR(16)    NULL,
    total_area_sqm            DECIMAL(12,2)  NOT NULL,
    vacant_area_sqm           DECIMAL(12,2)  NOT NULL,
    held_area_sqm             DECIMAL(12,2)  NOT NULL DEFAULT 0,
    committed_area_sqm        DECIMAL(12,2)  NOT NULL DEFAULT 0,
    floors                    INT            NULL,
    units                     INT            NULL,
    listed_rent_per_sqm_month DECIMAL(10,2)  NULL,
    industries                VARCHAR(1000)  NULL,
    created_at                DATETIME(6)    NOT NULL,
    updated_at                DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_space_building_zone_name (zone_code, name),
    CONSTRAINT ck_space_building_free CHECK (held_area_sqm >= 0 AND committed_area_sqm >= 0
        AND held_area_sqm + committed_area_sqm <= vacant_area_sqm AND vacant_area_sqm <= total_area_sqm)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A subsidy policy clause and its budget for one year; committed_cny rises by conditional UPDATE on final approval
CREATE TABLE subsidy_policy (
    id            BIGINT         NOT NULL AUTO_INCREMENT,
    version       INT            NOT NULL DEFAULT 0,
    code          VARCHAR(64)    NOT NULL,
    name          VARCHAR(255)   NOT NULL,
    clause        VARCHAR(1000)  NULL,
    budget_year   INT            NOT NULL,
    budget_cny    DECIMAL(15,2)  NOT NULL,
    committed_cny DECIMAL(15,2)  NOT NULL DEFAULT 0,
    created_at    DATETIME(6)    NOT NULL,
    updated_at    DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_subsidy_policy_code_year (code, budget_year),
    CONSTRAINT ck_subsidy_policy_budget CHECK (committed_cny >= 0 AND committed_cny <= budget_cny)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE offer
    ADD COLUMN building_id       BIGINT        NULL,
    ADD COLUMN unit_label        VARCHAR(64)   NULL,
    ADD COLUMN discount_pct      DECIMAL(5,2)  NULL,
    ADD COLUMN start_date        DATE          NULL,
    ADD COLUMN subsidy_kind      VARCHAR(16)   NULL,
    ADD COLUMN policy_id         BIGINT        NULL,
    ADD COLUMN instalments       INT           NULL,
    ADD COLUMN min_local_tax_cny DECIMAL(15,2) NULL,
    ADD COLUMN min_headcount     INT           NULL,
    ADD COLUMN stay_years        INT           NULL,
    ADD COLUMN clawback          VARCHAR(1000) NULL,
    ADD COLUMN group_key         BIGINT        NULL,
    ADD COLUMN space_state       VARCHAR(16)   NULL,
    ADD COLUMN charged_cny       DECIMAL(15,2) NULL,
    ADD COLUMN hold_expires_at   DATETIME(6)   NULL,
    ADD COLUMN round_no          INT           NOT NULL DEFAULT 0,
    ADD COLUMN submitted_terms   VARCHAR(4000) NULL,
    ADD COLUMN issued_at         DATETIME(6)   NULL,
    ADD COLUMN valid_until       DATE          NULL,
    ADD COLUMN follow_ups_made   BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD KEY ix_offer_group (group_key, kind, status, submitted_at),
    ADD KEY ix_offer_expiry (status, hold_expires_at),
    ADD CONSTRAINT fk_offer_building FOREIGN KEY (building_id) REFERENCES space_building (id),
    ADD CONSTRAINT fk_offer_policy FOREIGN KEY (policy_id) REFERENCES subsidy_policy (id);

-- Steps belong to a round of submission (a returned offer is resubmitted in a new round; earlier decisions stay)
ALTER TABLE offer_approval
    ADD COLUMN round_no         INT           NOT NULL DEFAULT 1,
    ADD COLUMN step_name        VARCHAR(32)   NULL,
    ADD COLUMN meeting_required BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN meeting_ref      VARCHAR(128)  NULL,
    ADD COLUMN on_behalf_of     VARCHAR(64)   NULL,
    ADD COLUMN arrived_at       DATETIME(6)   NULL,
    ADD COLUMN due_at           DATETIME(6)   NULL,
    ADD COLUMN escalated_at     DATETIME(6)   NULL,
    ADD UNIQUE KEY uk_offer_approval_round_step (offer_id, round_no, step_no),
    ADD KEY ix_offer_approval_due (decision, due_at, escalated_at);
UPDATE offer SET round_no = 1 WHERE submitted_at IS NOT NULL;
ALTER TABLE offer_approval DROP INDEX uk_offer_approval_step;

-- An approver's role lent to a colleague for a bounded time (while away); decisions name both people
CREATE TABLE approver_delegation (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    delegator   VARCHAR(64)  NOT NULL,
    delegate    VARCHAR(64)  NOT NULL,
    role        VARCHAR(32)  NOT NULL,
    starts_at   DATETIME(6)  NOT NULL,
    ends_at     DATETIME(6)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    revoked_at  DATETIME(6)  NULL,
    PRIMARY KEY (id),
    KEY ix_delegation_delegate (delegate, ends_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
