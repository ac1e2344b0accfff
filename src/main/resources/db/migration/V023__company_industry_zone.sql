-- Issue 14: an officer's company list filtered by industry and zone counted its matches (capped at 1 001) by walking
-- every firm of the zone (~4 200 in the district data set) and looking up each one's industries and pursuit: the
-- largest statement of the mixed load (p50 74 ms under it). Each industry row now carries its firm's preferred zone,
-- so the count walks only the zone's firms of that industry (~1 000) in the index below (CompanySearchSql).
-- The column is kept by the database, whatever writes the rows: the firm's zone on insert, and again when the firm's
-- zone changes. The application never writes it (Company maps company_industry as (company_id, industry_code)).
ALTER TABLE company_industry ADD COLUMN zone_code VARCHAR(64) NULL;

UPDATE company_industry ci JOIN company c ON c.id = ci.company_id SET ci.zone_code = c.preferred_zone;

CREATE INDEX ix_company_industry_zone ON company_industry (zone_code, industry_code, company_id);

DELIMITER //

CREATE TRIGGER tr_company_industry_zone_ins BEFORE INSERT ON company_industry FOR EACH ROW
BEGIN
  SET NEW.zone_code = (SELECT c.preferred_zone FROM company c WHERE c.id = NEW.company_id);
END//

CREATE TRIGGER tr_company_industry_zone_upd BEFORE UPDATE ON company_industry FOR EACH ROW
BEGIN
  IF NOT (OLD.company_id <=> NEW.company_id) THEN
    SET NEW.zone_code = (SELECT c.preferred_zone FROM company c WHERE c.id = NEW.company_id);
  END IF;
END//

CREATE TRIGGER tr_company_zone_industries AFTER UPDATE ON company FOR EACH ROW
BEGIN
  IF NOT (OLD.preferred_zone <=> NEW.preferred_zone) THEN
    UPDATE company_industry SET zone_code = NEW.preferred_zone WHERE company_id = NEW.id;
  END IF;
END//

DELIMITER ;
