-- Every failure is a record (issue 11): a reason code beside the free-text reason, so reports can
-- count failures and misses by cause and show each cause in Vietnamese. Old records keep NULL.
ALTER TABLE broadcast_record ADD COLUMN reason_code VARCHAR(40);

-- A claimed slot occurrence names its zones and its end, so one that a crash cut before its
-- first clip still gets a record per zone at the next start.
ALTER TABLE slot_run ADD COLUMN slot_name VARCHAR(200);
ALTER TABLE slot_run ADD COLUMN zones VARCHAR(2000);
ALTER TABLE slot_run ADD COLUMN ends_at TIMESTAMP WITH TIME ZONE;

-- on_air keyed by clip start rather than by channel: a clip's row is removed only by the commit of
-- that clip's record, never by the next clip starting on the same channel.
CREATE TABLE on_air_clip (
    channel_id       VARCHAR(64)   NOT NULL,
    node             VARCHAR(200),
    slot_name        VARCHAR(200)  NOT NULL,
    zones            VARCHAR(2000) NOT NULL,
    clip_id          BIGINT        NOT NULL,
    clip_sha256      CHAR(64)      NOT NULL,
    clip_title       VARCHAR(300)  NOT NULL,
    kind             VARCHAR(20)   NOT NULL,
    topic            VARCHAR(30)   NOT NULL,
    scheduled_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    actual_start     TIMESTAMP WITH TIME ZONE NOT NULL,
    clip_duration_ms BIGINT        NOT NULL,
    played_ms        BIGINT        NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (channel_id, actual_start)
);
INSERT INTO on_air_clip SELECT channel_id, node, slot_name, zones, clip_id, clip_sha256, clip_title, kind, topic,
    scheduled_start, actual_start, clip_duration_ms, played_ms, updated_at FROM on_air;
DROP TABLE on_air;
ALTER TABLE on_air_clip RENAME TO on_air;

-- Records that waited in the durable journal (data/journal) and were appended later: the id of each
-- journal entry is stored in the same transaction, so a replay after a crash never appends it twice.
CREATE TABLE airing_journal_applied (
    entry_id   VARCHAR(36) NOT NULL PRIMARY KEY,
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL
);
