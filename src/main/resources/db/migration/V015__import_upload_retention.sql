-- Issue 13 (1): an upload is kept only until its import is confirmed and run, or abandoned. The file column may now be
-- empty; purged_at says when the file was dropped. Files of finished runs are dropped now, and the dry-run reports of
-- contact files written before reports were masked (they held clear names) go with their files.
ALTER TABLE import_job MODIFY file_data LONGBLOB NULL;
ALTER TABLE import_job ADD COLUMN purged_at DATETIME(6) NULL;

UPDATE import_job SET file_data = NULL, purged_at = CURRENT_TIMESTAMP(6) WHERE status IN ('DONE', 'FAILED');
UPDATE import_job SET report = NULL WHERE kind = 'CONTACT';
UPDATE import_job SET status = 'ABANDONED', file_data = NULL, purged_at = CURRENT_TIMESTAMP(6)
    WHERE kind = 'CONTACT' AND status = 'CHECKED';
CREATE INDEX ix_import_job_retention ON import_job (status, created_at);
