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

-- A relay's broadcast record: the relay's id and the address that played (null on every other record).
-- Hashed after reason_code's place only when present (README, "The evidence recipe"), so every earlier
-- record keeps its hash.
ALTER TABLE broadcast_record ADD COLUMN relay_id VARCHAR(64);
ALTER TABLE broadcast_record ADD COLUMN relay_url VARCHAR(2000);
