-- The administrative form of the PDF report: the document number ("Số: 12/BC-UBND") and the place of
-- the place-and-date line ("Na Lay, ngày 02 tháng 12 năm 2026"), kept with the commune's settings.
ALTER TABLE commune_settings ADD COLUMN document_number VARCHAR(200) DEFAULT '' NOT NULL;
ALTER TABLE commune_settings ADD COLUMN place VARCHAR(200) DEFAULT '' NOT NULL;

-- The plan a report is made against, as the PDF cites it: "Kế hoạch số 45/KH-UBND ngày 15/01/2026".
ALTER TABLE report_plan ADD COLUMN plan_number VARCHAR(100) DEFAULT '' NOT NULL;
ALTER TABLE report_plan ADD COLUMN plan_date DATE;
