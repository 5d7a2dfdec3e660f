-- Issue 25/28: Vietnam has no districts since 1/7/2025. The report's title block names, above the
-- commune's authority, an optional superior authority ("UBND TỈNH ĐIỆN BIÊN", "SỞ …") instead of a
-- district; the filed report (DOCX, Nghị định 30/2020) adds "Nơi nhận" and the signer's title and name.
ALTER TABLE commune_settings ADD COLUMN superior_authority VARCHAR(200) DEFAULT '' NOT NULL;
-- one recipient a line ("- Như trên;"), and the signer's title a line ("TM. ỦY BAN NHÂN DÂN")
ALTER TABLE commune_settings ADD COLUMN recipients VARCHAR(2000) DEFAULT '' NOT NULL;
ALTER TABLE commune_settings ADD COLUMN signer_title VARCHAR(2000) DEFAULT '' NOT NULL;
ALTER TABLE commune_settings ADD COLUMN signer_name VARCHAR(200) DEFAULT '' NOT NULL;

-- What the user typed as the district is kept as typed, as the superior line. Only V4's sample value,
-- never saved by anyone (updated_by still NULL), is left behind: the line is empty by default.
UPDATE commune_settings SET superior_authority = district
WHERE NOT (updated_by IS NULL AND district = 'Huyện Mường Chà');

ALTER TABLE commune_settings DROP COLUMN district;
