package vn.loaxa.media;

/** The six areas of administrative reform (CCHC), digital transformation (CĐS), and other. */
public enum Topic {
	INSTITUTIONS, PROCEDURES, APPARATUS, CIVIL_SERVICE, PUBLIC_FINANCE, DIGITAL_GOVERNMENT,
	DIGITAL_TRANSFORMATION, OTHER;

	public String messageKey() {
		return "topic." + name();
	}
}
