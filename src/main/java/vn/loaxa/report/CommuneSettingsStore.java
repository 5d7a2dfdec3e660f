package vn.loaxa.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.loaxa.config.UserError;

/** Reads and saves the one row of commune settings. */
@Service
public class CommuneSettingsStore {

	static final int MAX_LENGTH = 200;
	/** Lines of recipients or of the signer's title (Nghị định 30/2020 lists a handful). */
	static final int MAX_LINES = 9;
	/** Markup is refused: names are plain text (an ampersand or quote is fine and shown as typed). */
	private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!?]");

	private final JdbcTemplate jdbc;

	private final vn.loaxa.security.AuditTrail audit;

	CommuneSettingsStore(JdbcTemplate jdbc, vn.loaxa.security.AuditTrail audit) {
		this.audit = audit;
		this.jdbc = jdbc;
	}

	private static final String COLUMNS = "commune_name, superior_authority, province, officer_name, document_number, "
			+ "place, recipients, signer_title, signer_name";

	public CommuneSettings current() {
		return jdbc.query("SELECT " + COLUMNS + " FROM commune_settings WHERE id = 1",
				(rs, n) -> new CommuneSettings(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
			.stream()
			.findFirst()
			.orElse(new CommuneSettings("", "", "", "", "", ""));
	}

	/** Checks every field first, then saves all of them, or nothing. */
	public CommuneSettings save(CommuneSettings settings, String by) {
		CommuneSettings clean = new CommuneSettings(check(settings.communeName(), "communeName", true),
				check(settings.superiorAuthority(), "superiorAuthority", false),
				check(settings.province(), "province", false), check(settings.officerName(), "officerName", false),
				check(settings.documentNumber(), "documentNumber", false), check(settings.place(), "place", false),
				lines(settings.recipients(), "recipients"), lines(settings.signerTitle(), "signerTitle"),
				check(settings.signerName(), "signerName", false));
		CommuneSettings before = current();
		Object[] values = { clean.communeName(), clean.superiorAuthority(), clean.province(), clean.officerName(),
				clean.documentNumber(), clean.place(), clean.recipients(), clean.signerTitle(), clean.signerName(), by,
				OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC) };
		int changed = jdbc.update("UPDATE commune_settings SET commune_name = ?, superior_authority = ?, province = ?, "
				+ "officer_name = ?, document_number = ?, place = ?, recipients = ?, signer_title = ?, signer_name = ?, "
				+ "updated_by = ?, updated_at = ? WHERE id = 1", values);
		if (changed == 0) {
			jdbc.update("INSERT INTO commune_settings (" + COLUMNS + ", updated_by, updated_at, id) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", values);
		}
		audit.record(by, "settings.save", "commune_settings", before.toString(), clean.toString());
		return clean;
	}

	/**
	 * A field of lines (recipients, the signer's title): each line checked as a one-line field, blank
	 * lines dropped, kept joined by {@code \n}.
	 */
	private static String lines(String text, String fieldName) {
		java.util.List<String> lines = CommuneSettings.lines(text);
		if (lines.size() > MAX_LINES) {
			throw new UserError(400, "invalid_settings", "settings.error.tooManyLines",
					new DefaultMessageSourceResolvable("settings." + fieldName), MAX_LINES);
		}
		return String.join("\n", lines.stream().map(line -> check(line, fieldName, false)).toList());
	}

	private static String check(String text, String fieldName, boolean required) {
		Object field = new DefaultMessageSourceResolvable("settings." + fieldName);
		String value = text == null ? "" : text.strip();
		if (required && value.isEmpty()) {
			throw new UserError(400, "invalid_settings", "settings.error.required", field);
		}
		if (value.length() > MAX_LENGTH) {
			throw new UserError(400, "invalid_settings", "settings.error.tooLong", field, MAX_LENGTH);
		}
		if (MARKUP.matcher(value).find()) {
			throw new UserError(400, "invalid_settings", "settings.error.markup", field);
		}
		if (value.chars().anyMatch(c -> c < 0x20)) {
			throw new UserError(400, "invalid_settings", "settings.error.control", field);
		}
		return value;
	}
}
