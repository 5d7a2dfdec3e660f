-- The database enforces what BroadcastLog promises (H2; PostgreSQL has its own V7 under
-- db/vendor/postgresql): no UPDATE or DELETE of broadcast_record, no DELETE of
-- broadcast_chain_head, and the head only moves forward (last_id grows with every append).
-- A tamperer must now drop these triggers first; the hash chain still names what was changed.
CREATE TRIGGER broadcast_record_append_only BEFORE UPDATE, DELETE ON broadcast_record
    FOR EACH ROW CALL 'vn.loaxa.broadcast.guard.AppendOnlyTrigger';

CREATE TRIGGER broadcast_chain_head_forward_only BEFORE UPDATE, DELETE ON broadcast_chain_head
    FOR EACH ROW CALL 'vn.loaxa.broadcast.guard.AppendOnlyTrigger';

-- H2 has no TRUNCATE trigger, but refuses to truncate a table that a foreign key references: a
-- correction names the record it corrects (always an existing one), and the head names itself.
ALTER TABLE broadcast_record ADD CONSTRAINT broadcast_record_corrects_fk
    FOREIGN KEY (corrects_id) REFERENCES broadcast_record (id);
ALTER TABLE broadcast_chain_head ADD CONSTRAINT broadcast_chain_head_self_fk
    FOREIGN KEY (id) REFERENCES broadcast_chain_head (id);
