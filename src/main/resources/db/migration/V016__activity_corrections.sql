-- Issue 15: a logged activity can be corrected. Who changed it last and when; every change itself is in the audit
-- trail (entity_type 'activity'), and so is a deletion within the grace period.
ALTER TABLE activity
    ADD COLUMN updated_at DATETIME(6) NULL,
    ADD COLUMN updated_by VARCHAR(64) NULL;
