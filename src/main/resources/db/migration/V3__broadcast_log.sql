-- The broadcast log (nhật ký phát sóng): the evidence for the commune's reports.
-- Append-only: LoaXa has no UPDATE or DELETE of broadcast_record anywhere. A correction is a new
-- record naming the one it corrects. Each record carries the SHA-256 of its own content and the
-- previous record's hash, so any edit of a stored row breaks the chain at that row.
CREATE TABLE broadcast_record (
    id               BIGINT        NOT NULL PRIMARY KEY,
    zone_id          VARCHAR(64)   NOT NULL,
    slot_name        VARCHAR(200),
    clip_id          BIGINT,
    clip_sha256      VARCHAR(64),
    clip_title       VARCHAR(300),
    clip_kind        VARCHAR(20),
    clip_topic       VARCHAR(30),
    scheduled_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    actual_start     TIMESTAMP WITH TIME ZONE,
    actual_end       TIMESTAMP WITH TIME ZONE,
    played_ms        BIGINT        NOT NULL,
    clip_duration_ms BIGINT        NOT NULL,
    outcome          VARCHAR(20)   NOT NULL,
    reason           VARCHAR(1000),
    corrects_id      BIGINT,
    recorded_by      VARCHAR(64)   NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    previous_hash    VARCHAR(64)   NOT NULL,
    hash             VARCHAR(64)   NOT NULL
);

CREATE INDEX broadcast_record_scheduled_idx ON broadcast_record (scheduled_start);
CREATE INDEX broadcast_record_zone_idx ON broadcast_record (zone_id, scheduled_start);
CREATE INDEX broadcast_record_clip_idx ON broadcast_record (clip_id);

-- The head of the chain: one row, locked while a record is appended, so that two writers
-- (two app instances on one PostgreSQL) can never fork the chain.
CREATE TABLE broadcast_chain_head (
    id        INT         NOT NULL PRIMARY KEY,
    last_id   BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);

INSERT INTO broadcast_chain_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
