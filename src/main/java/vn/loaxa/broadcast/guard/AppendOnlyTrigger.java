package vn.loaxa.broadcast.guard;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's half of migration V7 (PostgreSQL's is PL/pgSQL): the database itself refuses to rewrite the
 * broadcast log. Any UPDATE or DELETE of {@code broadcast_record} is refused; {@code broadcast_chain_head}
 * may not be deleted and may only move forward ({@code last_id} grows, as every append does). H2
 * loads this class by name ({@code CREATE TRIGGER … CALL 'vn.loaxa.broadcast.guard.AppendOnlyTrigger'}).
 */
public class AppendOnlyTrigger implements Trigger {

	/** Column of {@code last_id} in {@code broadcast_chain_head (id, last_id, last_hash)}. */
	private static final int LAST_ID = 1;

	/** Whether this trigger guards the chain head; otherwise it guards the records. */
	private boolean chainHead;

	/**
	 * Known by the trigger's name as well as the table's: when a migration adds a column to a table
	 * (V18 to {@code broadcast_record}), H2 re-creates its triggers on a copy of another name.
	 */
	@Override
	public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
		String table = tableName.toLowerCase(java.util.Locale.ROOT);
		String trigger = triggerName == null ? "" : triggerName.toLowerCase(java.util.Locale.ROOT);
		this.chainHead = table.equals("broadcast_chain_head") || trigger.startsWith("broadcast_chain_head");
	}

	@Override
	public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
		if (!chainHead) {
			throw refused("broadcast_record is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " of record "
					+ oldRow[0] + " refused");
		}
		if (newRow == null) {
			throw refused("broadcast_chain_head is append-only: DELETE refused");
		}
		long before = ((Number) oldRow[LAST_ID]).longValue();
		long after = ((Number) newRow[LAST_ID]).longValue();
		if (after <= before || !oldRow[0].equals(newRow[0])) {
			throw refused("broadcast_chain_head only moves forward: last_id " + before + " -> " + after + " refused");
		}
	}

	private static SQLException refused(String message) {
		return new SQLException(message, "45000");
	}
}
