-- The mail outbox (issue 14): a reminder, an escalation or an offer's arrival mail is written here in the same
-- transaction as the change that causes it, and sent afterwards by whichever replica claims the row (a conditional
-- UPDATE with a lease). A crash before the commit leaves nothing to send; a crash after it leaves a row that the
-- next run sends. dedupe_key names what the mail is about, so the same reminder is never queued twice.
CREATE TABLE outbox_mail (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    dedupe_key    VARCHAR(191)  NOT NULL,
    recipient     VARCHAR(255)  NOT NULL,
    subject       VARCHAR(1000) NOT NULL,
    body          MEDIUMTEXT    NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    claimed_by    VARCHAR(64)   NULL,
    claimed_until DATETIME(6)   NULL,
    attempts      INT           NOT NULL DEFAULT 0,
    delivered_at  DATETIME(6)   NULL,
    last_error    VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY ux_outbox_mail_dedupe (dedupe_key),
    KEY ix_outbox_mail_pending (delivered_at, claimed_until)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
