-- Tiếp sóng (issue 26, step 1): relay sources of the plan and a slot's relay.
-- A relay is stream addresses (urls, a JSON list) or a sound card input, never both (the plan checker's rule).
CREATE TABLE schedule_relay (
    id       VARCHAR(64)   PRIMARY KEY,
    name     VARCHAR(200)  NOT NULL,
    urls     VARCHAR(8000),
    input    VARCHAR(500),
    position INT           NOT NULL
);

-- The relay a slot airs instead of clips from the queue; null for a slot of clips.
ALTER TABLE schedule_slot ADD COLUMN relay VARCHAR(64);
