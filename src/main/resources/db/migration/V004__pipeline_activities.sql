-- The pipeline (issue 5): one pursuit per company, stage separate from status, gates and verification
CREATE TABLE prospect (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    version               INT           NOT NULL DEFAULT 0,
    company_id            BIGINT        NOT NULL,
    stage                 VARCHAR(16)   NOT NULL,
    status                VARCHAR(16)   NOT NULL,
    status_reason         VARCHAR(500)  NULL,
    lost_to               VARCHAR(255)  NULL,
    owner                 VARCHAR(64)   NULL,
    owner_since           DATETIME(6)   NULL,
    leader                VARCHAR(64)   NULL,
    team_code             VARCHAR(32)   NULL,
    confidential          BOOLEAN       NOT NULL DEFAULT FALSE,
    probability_override  INT           NULL,
    expected_landing_date DATE          NULL,
    stage_entered_at      DATETIME(6)   NOT NULL,
    last_activity_at      DATETIME(6)   NULL,
    last_progress_at      DATETIME(6)   NOT NULL,
    signed_on             DATE          NULL,
    agreement_ref         VARCHAR(128)  NULL,
    registered_on         DATE          NULL,
    local_credit_code     CHAR(18)      NULL,
    landing_evidence      VARCHAR(1000) NULL,
    landing_recorded_by   VARCHAR(64)   NULL,
    landing_verified_by   VARCHAR(64)   NULL,
    landing_verified_at   DATETIME(6)   NULL,
    departed_on           DATE          NULL,
    created_at            DATETIME(6)   NOT NULL,
    updated_at            DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_prospect_company (company_id),
    KEY ix_prospect_owner (owner, stage),
    KEY ix_prospect_team (team_code, stage),
    KEY ix_prospect_stage (stage, status),
    KEY ix_prospect_leader (leader),
    CONSTRAINT fk_prospect_company FOREIGN KEY (company_id) REFERENCES company (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Stage, status, ownership and verification history of a prospect
CREATE TABLE prospect_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    prospect_id BIGINT       NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    from_value  VARCHAR(64)  NULL,
    to_value    VARCHAR(64)  NULL,
    actor       VARCHAR(64)  NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    note        VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    KEY ix_prospect_event (prospect_id, occurred_at),
    CONSTRAINT fk_event_prospect FOREIGN KEY (prospect_id) REFERENCES prospect (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Contacts and visits
CREATE TABLE activity (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    version     INT           NOT NULL DEFAULT 0,
    kind        VARCHAR(16)   NOT NULL,
    occurred_at DATETIME(6)   NOT NULL,
    place       VARCHAR(255)  NULL,
    summary     VARCHAR(4000) NOT NULL,
    outcome     VARCHAR(2000) NULL,
    next_step   VARCHAR(1000) NULL,
    created_by  VARCHAR(64)   NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_activity_time (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE activity_company (
    activity_id BIGINT NOT NULL,
    company_id  BIGINT NOT NULL,
    PRIMARY KEY (activity_id, company_id),
    KEY ix_activity_company (company_id),
    CONSTRAINT fk_ac_activity FOREIGN KEY (activity_id) REFERENCES activity (id) ON DELETE CASCADE,
    CONSTRAINT fk_ac_company FOREIGN KEY (company_id) REFERENCES company (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE activity_contact (
    activity_id BIGINT NOT NULL,
    contact_id  BIGINT NOT NULL,
    PRIMARY KEY (activity_id, contact_id),
    CONSTRAINT fk_acn_activity FOREIGN KEY (activity_id) REFERENCES activity (id) ON DELETE CASCADE,
    CONSTRAINT fk_acn_contact FOREIGN KEY (contact_id) REFERENCES contact (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE activity_officer (
    activity_id BIGINT      NOT NULL,
    username    VARCHAR(64) NOT NULL,
    PRIMARY KEY (activity_id, username),
    CONSTRAINT fk_ao_activity FOREIGN KEY (activity_id) REFERENCES activity (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Follow-up tasks with reminders that escalate
CREATE TABLE follow_up (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    version      INT          NOT NULL DEFAULT 0,
    company_id   BIGINT       NULL,
    activity_id  BIGINT       NULL,
    title        VARCHAR(500) NOT NULL,
    assignee     VARCHAR(64)  NOT NULL,
    due_on       DATE         NOT NULL,
    done_at      DATETIME(6)  NULL,
    reminded_at  DATETIME(6)  NULL,
    escalated_at DATETIME(6)  NULL,
    created_by   VARCHAR(64)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_follow_up_assignee (assignee, done_at, due_on),
    KEY ix_follow_up_due (done_at, due_on),
    KEY ix_follow_up_company (company_id),
    CONSTRAINT fk_fu_company FOREIGN KEY (company_id) REFERENCES company (id),
    CONSTRAINT fk_fu_activity FOREIGN KEY (activity_id) REFERENCES activity (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- In-app notifications (reminders, escalations)
CREATE TABLE notification (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    recipient  VARCHAR(64)  NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    message_key VARCHAR(128) NOT NULL,
    args       VARCHAR(1000) NULL,
    link       VARCHAR(255) NULL,
    created_at DATETIME(6)  NOT NULL,
    read_at    DATETIME(6)  NULL,
    PRIMARY KEY (id),
    KEY ix_notification_recipient (recipient, read_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
