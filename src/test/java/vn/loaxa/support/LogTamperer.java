package vn.loaxa.support;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a real tamperer with database access must do since V7: take the append-only triggers off
 * the broadcast log, edit it, and put them back. The hash chain is what still catches the edit.
 */
public final class LogTamperer {

	private static final String H2_TRIGGER = "vn.loaxa.broadcast.guard.AppendOnlyTrigger";

	private LogTamperer() {
	}

	/** Runs {@code edit} with the triggers off (dropped on H2, disabled on PostgreSQL), then restores them. */
	public static void withTriggersOff(JdbcTemplate jdbc, Runnable edit) {
		boolean postgres = postgres(jdbc);
		if (postgres) {
			jdbc.execute("ALTER TABLE broadcast_record DISABLE TRIGGER USER");
			jdbc.execute("ALTER TABLE broadcast_chain_head DISABLE TRIGGER USER");
		}
		else {
			jdbc.execute("DROP TRIGGER broadcast_record_append_only");
			jdbc.execute("DROP TRIGGER broadcast_chain_head_forward_only");
		}
		try {
			edit.run();
		}
		finally {
			if (postgres) {
				jdbc.execute("ALTER TABLE broadcast_record ENABLE TRIGGER USER");
				jdbc.execute("ALTER TABLE broadcast_chain_head ENABLE TRIGGER USER");
			}
			else {
				jdbc.execute("CREATE TRIGGER broadcast_record_append_only BEFORE UPDATE, DELETE ON broadcast_record "
						+ "FOR EACH ROW CALL '" + H2_TRIGGER + "'");
				jdbc.execute("CREATE TRIGGER broadcast_chain_head_forward_only BEFORE UPDATE, DELETE ON "
						+ "broadcast_chain_head FOR EACH ROW CALL '" + H2_TRIGGER + "'");
			}
		}
	}

	private static boolean postgres(JdbcTemplate jdbc) {
		return Boolean.TRUE.equals(jdbc.execute((Connection c) -> {
			try {
				return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql");
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}));
	}
}
