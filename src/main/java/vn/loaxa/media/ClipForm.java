package vn.loaxa.media;

import vn.loaxa.media.internal.ClipDetails;

/** The clip edit and upload form as typed: strings, so a bad value can be shown back with its message. */
public class ClipForm {

	private String title;
	private String kind;
	private String topic;
	private String priority;
	private String validFrom;
	private String validUntil;
	private String notes;

	static ClipForm of(Clip clip) {
		ClipForm form = new ClipForm();
		form.title = clip.getTitle();
		form.kind = clip.getKind().name();
		form.topic = clip.getTopic().name();
		form.priority = clip.getPriority().name();
		form.validFrom = vn.loaxa.web.Formats.date(clip.getValidFrom());
		form.validUntil = vn.loaxa.web.Formats.date(clip.getValidUntil());
		form.notes = clip.getNotes();
		return form;
	}

	ClipDraft draft() {
		return ClipApiController.draft(title, kind, topic, priority, validFrom, validUntil, notes);
	}

	ClipDetails details() {
		ClipDraft draft = draft();
		return new ClipDetails(draft.title(), draft.kind(), draft.topic(), draft.priority(), draft.validFrom(),
				draft.validUntil(), draft.notes());
	}

	public String getTitle() { return title; }
	public void setTitle(String title) { this.title = title; }
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
