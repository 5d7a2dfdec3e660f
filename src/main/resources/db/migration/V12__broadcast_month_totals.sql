-- A report's PLAYED figures of whole months, summed once (MonthTotals) so that a report reads a
-- month's groups instead of each of its records: a year of a 1.5 million record log is 500,000
-- records, and H2 read them cold in 2-3 s. The totals are derived, never evidence: they count the
-- records up to broadcast_month_total_mark.last_record_id, the records after it are counted from
-- the log itself, and verify-report counts from the log alone.
CREATE TABLE broadcast_month_total (
    month_index INT          NOT NULL,   -- year * 12 + month - 1, the month in the mark's time zone
    zone_id     VARCHAR(64)  NOT NULL,
    clip_key    VARCHAR(70)  NOT NULL,   -- 'id:7', 'sha:…' for a clip known only by its SHA-256, '' for none
    clip_id     BIGINT,
    clip_sha256 VARCHAR(64),             -- only when clip_id is null, as the counts group it
    clip_kind   VARCHAR(20)  NOT NULL,   -- '' for none
    clip_topic  VARCHAR(30)  NOT NULL,   -- '' for none
    airings     BIGINT       NOT NULL,
    played_ms   BIGINT       NOT NULL,
    on_time     BIGINT       NOT NULL,
    PRIMARY KEY (month_index, zone_id, clip_key, clip_kind, clip_topic)
);

-- Every column a report reads, so the months' groups are read from this index alone, not each
-- row looked up from the key (H2: 24,000 groups a quarter in the 1.5 M record benchmark).
CREATE INDEX broadcast_month_total_read_idx ON broadcast_month_total
    (month_index, zone_id, clip_key, clip_kind, clip_topic, clip_id, clip_sha256, airings, played_ms, on_time);

-- One row: the totals count the records with id <= last_record_id, months taken in time_zone
-- (another zone setting makes them be summed anew).
CREATE TABLE broadcast_month_total_mark (
    id             INT          NOT NULL PRIMARY KEY,
    last_record_id BIGINT       NOT NULL,
    time_zone      VARCHAR(64)  NOT NULL
);

INSERT INTO broadcast_month_total_mark (id, last_record_id, time_zone) VALUES (1, 0, '');
