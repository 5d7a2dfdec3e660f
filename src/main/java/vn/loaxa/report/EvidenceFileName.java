package vn.loaxa.report;

import java.text.Normalizer;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The file name {@code GET /api/evidence?period=…} gives the evidence bundle of a period,
 * {@code loaxa-evidence-<communeId>-<period>.zip}, for the filed report to name the file to attach.
 * The commune id is {@code loaxa.commune.id}, else the commune's name without diacritics, as the
 * bundle's own {@code head.json} has it: the one place that rule is written (the province module's
 * export names its bundles and their head with it).
 */
@Component
public class EvidenceFileName {

	private final CommuneSettingsStore settings;
	private final String communeId;

	EvidenceFileName(CommuneSettingsStore settings, @Value("${loaxa.commune.id:}") String communeId) {
		this.settings = settings;
		this.communeId = communeId;
	}

	public String of(ReportPeriod period) {
		return "loaxa-evidence-" + communeId() + "-" + period.code() + ".zip";
	}

	/** {@code loaxa.commune.id}, else the commune's name without diacritics ("xa-na-lay"). */
	public String communeId() {
		if (communeId != null && !communeId.isBlank()) {
			return communeId.strip();
		}
		String name = settings.current().communeName();
		String plain = Normalizer.normalize(name == null ? "" : name.replace('đ', 'd').replace('Đ', 'D'),
				Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		return slug.isEmpty() ? "commune" : slug;
	}
}
