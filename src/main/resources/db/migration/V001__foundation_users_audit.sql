-- People who use InvestCRM (mirrors the identity provider's users; teams drive visibility, see issue 5)
CREATE TABLE team (
    code        VARCHAR(32)  NOT NULL,
    name_zh     VARCHAR(128) NOT NULL,
    name_en     VARCHAR(128) NOT NULL,
    leader      VARCHAR(64)  NULL,
    PRIMARY KEY (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE app_user (
    username     VARCHAR(64)  NOT NULL,
    display_name VARCHAR(128) NOT NULL,
    email        VARCHAR(255) NULL,
    team_code    VARCHAR(32)  NULL,
    active       BOOLEAN      NOT NULL DEFAULT TRUE,
    last_seen_at DATETIME(6)  NULL,
    version      INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (username),
    CONSTRAINT fk_app_user_team FOREIGN KEY (team_code) REFERENCES team (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One audit trail for every feature: who did what to which record, with field-level changes
CREATE TABLE audit_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    entity_type VARCHAR(32)  NOT NULL,
    entity_id   BIGINT       NOT NULL,
    action      VARCHAR(48)  NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    detail      TEXT         NULL,
    PRIMARY KEY (id),
    KEY ix_audit_entity (entity_type, entity_id, occurred_at),
    KEY ix_audit_actor (actor, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_field_change (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    audit_event_id BIGINT       NOT NULL,
    field          VARCHAR(64)  NOT NULL,
    old_value      TEXT         NULL,
    new_value      TEXT         NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_field_change_event FOREIGN KEY (audit_event_id) REFERENCES audit_event (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
