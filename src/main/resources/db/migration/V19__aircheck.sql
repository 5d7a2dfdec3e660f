-- Air-checks (issue 26, step 4): what a channel wrote during a relay or a live announcement, kept as a
-- compressed file under <data-dir>/aircheck/ (path relative to the data dir) with its SHA-256.
-- Hashed after the relay's places only when present (README, "The evidence recipe"), so every earlier
-- record keeps its hash. Written once with the record: the append-only triggers of V7 still refuse
-- any UPDATE of these columns as of every other.
ALTER TABLE broadcast_record ADD COLUMN aircheck_file VARCHAR(500);
ALTER TABLE broadcast_record ADD COLUMN aircheck_sha256 VARCHAR(64);

-- An air-check file deleted when loaxa.aircheck.keep ran out (its records stay, and still carry its
-- hash): the API then answers 410 aircheck_deleted, the log page "Đã xoá theo thời hạn lưu".
CREATE TABLE broadcast_aircheck_deleted (
    file        VARCHAR(500) PRIMARY KEY,
    sha256      VARCHAR(64),
    bytes       BIGINT,
    deleted_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
