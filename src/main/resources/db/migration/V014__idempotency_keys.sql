-- Idempotency-Key on create endpoints (issue 14): a client that did not get the answer of a POST (a dropped connection,
-- a database that died) sends it again with the same key and is answered from the first one, never applied twice. The
-- row is claimed before the request runs, gets the answer (status, Location, body) once the create has answered, and is
-- deleted when the create is refused.
CREATE TABLE idempotency_key (
    username     VARCHAR(64)  NOT NULL,
    idem_key     VARCHAR(128) NOT NULL,
    request_path VARCHAR(255) NOT NULL,
    status       INT          NULL,
    location     VARCHAR(255) NULL,
    body         MEDIUMTEXT   NULL,
    created_at   DATETIME(6)  NOT NULL,
    answered_at  DATETIME(6)  NULL,
    PRIMARY KEY (username, idem_key),
    KEY ix_idempotency_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
