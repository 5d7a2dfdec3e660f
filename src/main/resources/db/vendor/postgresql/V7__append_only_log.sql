-- The database enforces what BroadcastLog promises (PostgreSQL; H2 has its own V7 under
-- db/vendor/h2): no UPDATE, DELETE or TRUNCATE of broadcast_record, no DELETE or TRUNCATE of
-- broadcast_chain_head, and the head only moves forward (last_id grows with every append).
-- pg_dump puts triggers after the data, so pg_restore loads the rows first, then recreates these.
-- A tamperer must now drop or disable these triggers first; the hash chain still names what was changed.
CREATE FUNCTION broadcast_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'broadcast_record is append-only: TRUNCATE refused' USING ERRCODE = 'P0001';
    END IF;
    RAISE EXCEPTION 'broadcast_record is append-only: % of record % refused', TG_OP, OLD.id USING ERRCODE = 'P0001';
END
$$;

CREATE FUNCTION broadcast_chain_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.last_id > OLD.last_id THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'broadcast_chain_head only moves forward: last_id % -> % refused', OLD.last_id, NEW.last_id
            USING ERRCODE = 'P0001';
    END IF;
    RAISE EXCEPTION 'broadcast_chain_head is append-only: % refused', TG_OP USING ERRCODE = 'P0001';
END
$$;

CREATE TRIGGER broadcast_record_append_only BEFORE UPDATE OR DELETE ON broadcast_record
    FOR EACH ROW EXECUTE FUNCTION broadcast_record_append_only();
CREATE TRIGGER broadcast_record_no_truncate BEFORE TRUNCATE ON broadcast_record
    FOR EACH STATEMENT EXECUTE FUNCTION broadcast_record_append_only();

CREATE TRIGGER broadcast_chain_head_forward_only BEFORE UPDATE OR DELETE ON broadcast_chain_head
    FOR EACH ROW EXECUTE FUNCTION broadcast_chain_head_forward_only();
CREATE TRIGGER broadcast_chain_head_no_truncate BEFORE TRUNCATE ON broadcast_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION broadcast_chain_head_forward_only();
