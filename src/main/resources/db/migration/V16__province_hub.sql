-- Since 1 July 2025 there is no district level: the hub is the province's (loaxa.mode=province).
-- Its tables take the province's name; every row stays as it was.
ALTER TABLE district_commune RENAME TO province_commune;
ALTER TABLE district_record RENAME TO province_record;
ALTER TABLE district_bundle RENAME TO province_bundle;
ALTER TABLE district_plan RENAME TO province_plan;
ALTER TABLE district_push_state RENAME TO province_push_state;

-- A commune is its key: a bundle signed by an enrolled key is that commune's whatever id it
-- carries; the id it carried is kept beside the refusal or receipt, for the hub's page.
ALTER TABLE province_bundle ADD COLUMN claimed_id VARCHAR(64);
CREATE INDEX province_commune_fingerprint_idx ON province_commune (fingerprint);
