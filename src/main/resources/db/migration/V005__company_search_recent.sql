-- Company search at 100 000 firms (issue 4: p95 <= 50 ms).
-- Each name term row carries its company's updated_at, so that a name search walks the rows of its rarest term
-- newest change first and stops at the end of the page instead of sorting every match. The terms themselves
-- change too (Chinese characters on their own, Latin trigrams as well as bigrams): V005_1 rebuilds them in Java,
-- with the code the application writes them with.
-- The walk is the clustered index itself. (gram, company_id) is no longer declared unique: the application writes a
-- company's terms afresh (delete, then insert the distinct set) whenever its updated_at changes.
ALTER TABLE company_name_gram
    ADD COLUMN updated_at DATETIME(6) NOT NULL DEFAULT '2000-01-01 00:00:00',
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (gram, updated_at, company_id);

-- a zone filter walks its live companies newest change first, and counts them from the index alone
ALTER TABLE company
    DROP KEY ix_company_zone,
    ADD KEY ix_company_zone_recent (preferred_zone, survivor_id, updated_at, id);
