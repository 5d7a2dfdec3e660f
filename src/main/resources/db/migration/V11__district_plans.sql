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
