package vn.loaxa.config;

import java.util.Locale;

import org.springframework.core.env.Environment;

/**
 * What this LoaXa is, from {@code loaxa.mode}: a commune's radio PC (the default) or the province's
 * hub, which airs nothing and takes the communes' evidence. {@code district}, the hub's name before
 * the district level was abolished (1 July 2025), is still read as the province's hub.
 */
public enum LoaxaMode {

	COMMUNE, PROVINCE;

	public static final String SETTING = "loaxa.mode";

	public boolean isProvince() {
		return this == PROVINCE;
	}

	/** For what only the province's hub answers: 404 {@code not_province} on a commune's PC. */
	public void requireProvince() {
		if (!isProvince()) {
			throw new UserError(404, "not_province", "province.error.not_province");
		}
	}

	public static LoaxaMode of(Environment environment) {
		return parse(environment.getProperty(SETTING, "commune"));
	}

	static LoaxaMode parse(String value) {
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "", "commune" -> COMMUNE;
			case "province", "district" -> PROVINCE;
			default -> throw new IllegalArgumentException(
					SETTING + "=" + value + ": expected commune or province (district is read as province)");
		};
	}
}
