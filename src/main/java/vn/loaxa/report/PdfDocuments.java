package vn.loaxa.report;

import java.io.InputStream;
import java.io.OutputStream;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/** Renders an XHTML page to an A4 PDF with the bundled DejaVu Sans, so every Vietnamese letter shows. */
public final class PdfDocuments {

	public static final String FONT = "DejaVu Sans";

	private PdfDocuments() {
	}

	public static void render(String xhtml, OutputStream out) throws java.io.IOException {
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
		builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
		builder.withHtmlContent(xhtml, null);
		builder.withProducer("LoaXa");
		builder.toStream(out);
		builder.run();
	}

	private static InputStream font(String file) {
		InputStream in = PdfDocuments.class.getResourceAsStream("/fonts/" + file);
		if (in == null) {
			throw new IllegalStateException("bundled font missing: /fonts/" + file);
		}
		return in;
	}
}
