-- Tiếp sóng in the reports (issue 26): a relay's records are read by their relay id and scheduled
-- start (broadcast.RelayRecords), a few entries, instead of every record of the period.
CREATE INDEX broadcast_record_relay_idx ON broadcast_record (relay_id, scheduled_start);

-- A plan target of relayed minutes (measure RELAY_MINUTES) may count one relay only: its id, else null.
ALTER TABLE plan_target ADD COLUMN relay VARCHAR(64);
