-- The plan as data: each loaded plan file is a version; reports keep the version they were made with
CREATE TABLE plan_version (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    plan_code     VARCHAR(64)  NOT NULL,
    version_label VARCHAR(64)  NOT NULL,
    title_zh      VARCHAR(255) NOT NULL,
    title_en      VARCHAR(255) NOT NULL,
    source_sha256 CHAR(64)     NOT NULL,
    source_text   LONGTEXT     NOT NULL,
    active        BOOLEAN      NOT NULL DEFAULT FALSE,
    loaded_at     DATETIME(6)  NOT NULL,
    loaded_by     VARCHAR(64)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_plan_version (plan_code, version_label),
    KEY ix_plan_active (plan_code, active)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
