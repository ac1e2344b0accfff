-- Prospect companies (issue 4): names in zh/en/Traditional, identifiers, group structure, what they seek
CREATE TABLE company (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    version            INT           NOT NULL DEFAULT 0,
    name_zh            VARCHAR(255)  NULL,
    name_en            VARCHAR(255)  NULL,
    name_tc            VARCHAR(255)  NULL,
    search_text        VARCHAR(2000) NOT NULL DEFAULT '',
    norm_name          VARCHAR(255)  NULL,
    credit_code        CHAR(18)      NULL,
    hk_company_no      VARCHAR(16)   NULL,
    lei                CHAR(20)      NULL,
    hq_country         CHAR(2)       NULL,
    hq_city            VARCHAR(128)  NULL,
    parent_id          BIGINT        NULL,
    group_id           BIGINT        NULL,
    entity_role        VARCHAR(24)   NOT NULL DEFAULT 'STANDALONE',
    presence_sought    VARCHAR(24)   NULL,
    business_activities VARCHAR(2000) NULL,
    revenue_cny_m      DECIMAL(18,2) NULL,
    headcount          INT           NULL,
    space_need_sqm     INT           NULL,
    preferred_zone     VARCHAR(64)   NULL,
    website            VARCHAR(255)  NULL,
    survivor_id        BIGINT        NULL,
    created_at         DATETIME(6)   NOT NULL,
    created_by         VARCHAR(64)   NOT NULL,
    updated_at         DATETIME(6)   NOT NULL,
    updated_by         VARCHAR(64)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_company_credit_code (credit_code),
    UNIQUE KEY uk_company_lei (lei),
    KEY ix_company_hk_no (hk_company_no),
    KEY ix_company_norm_name (norm_name),
    KEY ix_company_group (group_id),
    KEY ix_company_parent (parent_id),
    KEY ix_company_name_zh (name_zh),
    KEY ix_company_survivor (survivor_id),
    KEY ix_company_updated (updated_at, id),
    KEY ix_company_zone (preferred_zone),
    CONSTRAINT fk_company_parent FOREIGN KEY (parent_id) REFERENCES company (id),
    CONSTRAINT fk_company_group FOREIGN KEY (group_id) REFERENCES company (id),
    CONSTRAINT fk_company_survivor FOREIGN KEY (survivor_id) REFERENCES company (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Industries from the plan taxonomy (codes are stable across plan versions)
CREATE TABLE company_industry (
    company_id    BIGINT       NOT NULL,
    industry_code VARCHAR(128) NOT NULL,
    PRIMARY KEY (company_id, industry_code),
    KEY ix_company_industry_code (industry_code),
    CONSTRAINT fk_company_industry_company FOREIGN KEY (company_id) REFERENCES company (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Aliases, former names, Traditional Chinese names
CREATE TABLE company_alias (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    company_id BIGINT       NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    name       VARCHAR(255) NOT NULL,
    norm_name  VARCHAR(255) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    created_by VARCHAR(64)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_alias_company (company_id),
    KEY ix_alias_norm (norm_name),
    CONSTRAINT fk_alias_company FOREIGN KEY (company_id) REFERENCES company (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Character bigrams of every normalised name: Chinese substring search that works on MySQL and MariaDB alike
CREATE TABLE company_name_gram (
    gram       VARCHAR(8) NOT NULL,
    company_id BIGINT     NOT NULL,
    PRIMARY KEY (gram, company_id),
    KEY ix_gram_company (company_id),
    CONSTRAINT fk_gram_company FOREIGN KEY (company_id) REFERENCES company (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- People at the firm; personal data encrypted at rest (PIPL), masked copies for lists, blind indexes for lookup
CREATE TABLE contact (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    version       INT           NOT NULL DEFAULT 0,
    company_id    BIGINT        NOT NULL,
    name_enc      VARCHAR(1024) NULL,
    name_masked   VARCHAR(128)  NULL,
    title         VARCHAR(128)  NULL,
    phone_enc     VARCHAR(1024) NULL,
    phone_masked  VARCHAR(64)   NULL,
    phone_index   CHAR(64)      NULL,
    email_enc     VARCHAR(1024) NULL,
    email_masked  VARCHAR(255)  NULL,
    email_index   CHAR(64)      NULL,
    wechat_enc    VARCHAR(1024) NULL,
    wechat_masked VARCHAR(128)  NULL,
    source        VARCHAR(64)   NOT NULL,
    consent       VARCHAR(24)   NOT NULL,
    consent_at    DATETIME(6)   NULL,
    consent_note  VARCHAR(500)  NULL,
    erased_at     DATETIME(6)   NULL,
    erased_by     VARCHAR(64)   NULL,
    created_at    DATETIME(6)   NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    updated_by    VARCHAR(64)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_contact_company (company_id),
    KEY ix_contact_phone (phone_index),
    KEY ix_contact_email (email_index),
    CONSTRAINT fk_contact_company FOREIGN KEY (company_id) REFERENCES company (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Ranking lists (the target register): Fortune Global 500, China 500, league tables of professional firms
CREATE TABLE ranking_list (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    version    INT          NOT NULL DEFAULT 0,
    code       VARCHAR(64)  NOT NULL,
    list_year  INT          NOT NULL,
    name_zh    VARCHAR(255) NOT NULL,
    name_en    VARCHAR(255) NOT NULL,
    scope      VARCHAR(16)  NOT NULL,
    field_code VARCHAR(128) NULL,
    source     VARCHAR(255) NULL,
    created_at DATETIME(6)  NOT NULL,
    created_by VARCHAR(64)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_ranking_list (code, list_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ranking_entry (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    list_id     BIGINT       NOT NULL,
    rank_no     INT          NOT NULL,
    entry_name  VARCHAR(255) NOT NULL,
    entry_name_en VARCHAR(255) NULL,
    credit_code CHAR(18)     NULL,
    hk_company_no VARCHAR(16) NULL,
    lei         CHAR(20)     NULL,
    company_id  BIGINT       NULL,
    link_status VARCHAR(16)  NOT NULL,
    link_score  DECIMAL(5,3) NULL,
    link_reason VARCHAR(255) NULL,
    reviewed_by VARCHAR(64)  NULL,
    reviewed_at DATETIME(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_ranking_entry (list_id, rank_no, entry_name),
    KEY ix_entry_company (company_id, link_status),
    KEY ix_entry_list_status (list_id, link_status),
    CONSTRAINT fk_entry_list FOREIGN KEY (list_id) REFERENCES ranking_list (id) ON DELETE CASCADE,
    CONSTRAINT fk_entry_company FOREIGN KEY (company_id) REFERENCES company (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Imports of companies, contacts and ranking lists: the uploaded file, its dry-run report and the progress of the run
CREATE TABLE import_job (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    version         INT          NOT NULL DEFAULT 0,
    kind            VARCHAR(16)  NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    file_format     VARCHAR(8)   NOT NULL,
    file_data       LONGBLOB     NOT NULL,
    options         TEXT         NULL,
    status          VARCHAR(16)  NOT NULL,
    total_rows      INT          NOT NULL DEFAULT 0,
    processed_rows  INT          NOT NULL DEFAULT 0,
    error_rows      INT          NOT NULL DEFAULT 0,
    duplicate_rows  INT          NOT NULL DEFAULT 0,
    imported_rows   INT          NOT NULL DEFAULT 0,
    skipped_rows    TEXT         NULL,
    report          LONGTEXT     NULL,
    failure         VARCHAR(500) NULL,
    created_by      VARCHAR(64)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    finished_at     DATETIME(6)  NULL,
    PRIMARY KEY (id),
    KEY ix_import_job_user (created_by, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
