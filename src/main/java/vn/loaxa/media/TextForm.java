package vn.loaxa.media;

/**
 * A text bulletin as typed on the upload page or sent to {@code POST /api/clips/text}: the text and
 * the same details as the file form, as strings so a bad value can be shown back with its message.
 */
public class TextForm {

	private String title;
	private String text;
	private String kind;
	private String topic;
	private String priority;
	private String validFrom;
	private String validUntil;
	private String notes;

	ClipDraft draft() {
		return ClipApiController.draft(title, kind, topic, priority, validFrom, validUntil, notes);
	}

	public String getTitle() { return title; }
	public void setTitle(String title) { this.title = title; }
	public String getText() { return text; }
	public void setText(String text) { this.text = text; }
	public String getKind() { return kind; }
	public void setKind(String kind) { this.kind = kind; }
	public String getTopic() { return topic; }
	public void setTopic(String topic) { this.topic = topic; }
	public String getPriority() { return priority; }
	public void setPriority(String priority) { this.priority = priority; }
	public String getValidFrom() { return validFrom; }
	public void setValidFrom(String validFrom) { this.validFrom = validFrom; }
	public String getValidUntil() { return validUntil; }
	public void setValidUntil(String validUntil) { this.validUntil = validUntil; }
	public String getNotes() { return notes; }
	public void setNotes(String notes) { this.notes = notes; }
}
