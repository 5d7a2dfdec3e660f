-- The district hub: each commune's plans and their targets as its newest verified bundle brought
-- them (plan.json, signed through head.json), so the district report counts each commune against
-- its own plan. Empty on a commune's PC.
CREATE TABLE district_plan (
    commune_id   VARCHAR(64)  NOT NULL,
    plan_year    INT          NOT NULL,
    plan_json    TEXT         NOT NULL,
    exported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (commune_id, plan_year)
);

-- The district report leaves out a record that a correction replaced: the corrections are read as a
-- range of this index (corrects_id IS NOT NULL), a handful of entries, instead of every record's
-- entry in V8's (commune_id, corrects_id) index, which PostgreSQL hashed whole (4.5 M entries).
CREATE INDEX district_record_corrections_idx ON district_record (corrects_id, commune_id);
DROP INDEX district_record_corrects_idx;
