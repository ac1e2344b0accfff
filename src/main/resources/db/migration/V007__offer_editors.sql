-- Everyone who changed an offer's terms while it was a draft: maker-checker keeps them from deciding it, as it keeps
-- its maker, owner and submitter (a manager who raised a subsidy must not approve it)
CREATE TABLE offer_editor (
    offer_id BIGINT      NOT NULL,
    username VARCHAR(64) NOT NULL,
    PRIMARY KEY (offer_id, username),
    KEY ix_offer_editor_user (username),
    CONSTRAINT fk_offer_editor_offer FOREIGN KEY (offer_id) REFERENCES offer (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
