package vn.loaxa.media;

/**
 * A text bulletin as typed on the upload page or sent to {@code POST /api/clips/text}: the text and
 * the same details as the file form ({@link ClipForm}), as strings so a bad value can be shown back
 * with its message.
 */
public class TextForm extends ClipForm {

	private String text;

	public String getText() { return text; }
	public void setText(String text) { this.text = text; }
}
