package vn.loaxa.broadcast;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of one evidence row, as the report's CSV and the log page's exports write it: zone
 * name, scheduled and actual times (dd/MM/yyyy HH:mm:ss in the commune's zone), clip title, kind,
 * topic, outcome, hash; a relay's record has "Tiếp sóng" as its kind and the relay's name as its title. A new column is one more entry in {@link #COLUMNS}.
 */
public final class EvidenceRow {

	/** The kind cell of a relay's record (tiếp sóng), whose title is the relay's name. */
	public static final String RELAY_KIND = "report.ev.relay";

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

	/** What a column needs besides the record: the zone's name and a message's Vietnamese text. */
	public record Context(ZoneId zone, Function<String, String> zoneName, Function<String, String> label) {
	}

	/** A column: the message key of its heading and how a record gives its cell. */
	public record Column(String heading, java.util.function.BiFunction<BroadcastRecord, Context, String> cell) {
	}

	public static final List<Column> COLUMNS = List.of(
			new Column("report.ev.zone", (r, c) -> c.zoneName().apply(r.airing().zoneId())),
			new Column("report.ev.scheduled", (r, c) -> time(r.airing().scheduledStart(), c.zone())),
			new Column("report.ev.actual", (r, c) -> time(r.airing().actualStart(), c.zone())),
			new Column("report.ev.title", (r, c) -> r.airing().clipTitle() == null && r.airing().relay() != null
					? r.airing().relay() : text(r.airing().clipTitle())),
			new Column("report.ev.kind", (r, c) -> r.airing().kind() != null ? c.label().apply(r.airing().kind().messageKey())
					: r.airing().relay() != null ? c.label().apply(RELAY_KIND) : ""),
			new Column("report.ev.topic", (r, c) -> r.airing().topic() == null ? "" : c.label().apply(r.airing().topic().messageKey())),
			new Column("report.ev.outcome", (r, c) -> c.label().apply(r.airing().outcome().messageKey())),
			new Column("report.ev.hash", (r, c) -> r.hash()));

	private EvidenceRow() {
	}

	public static List<String> headings(Function<String, String> label) {
		return COLUMNS.stream().map(c -> label.apply(c.heading())).toList();
	}

	public static List<String> cells(BroadcastRecord record, Context context) {
		return COLUMNS.stream().map(c -> c.cell().apply(record, context)).toList();
	}

	private static String time(Instant at, ZoneId zone) {
		return at == null ? "" : TIME.format(at.atZone(zone));
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
