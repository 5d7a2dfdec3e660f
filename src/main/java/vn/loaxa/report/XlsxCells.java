package vn.loaxa.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the cells of one sheet of an XLSX file by the sheet's name: what {@code verify-report}
 * needs, and no more (values as text, numbers as written, shared and inline strings resolved).
 */
final class XlsxCells {

	/** A cell's text and whether Excel holds it as a number. */
	record Cell(String value, boolean number) {
	}

	private XlsxCells() {
	}

	static Map<String, Cell> read(Path file, String sheetName) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			List<String> shared = sharedStrings(zip);
			String target = sheetPath(zip, sheetName);
			ZipEntry sheet = target == null ? null : zip.getEntry(target);
			if (sheet == null) {
				throw new IOException("no sheet «" + sheetName + "» in " + file.getFileName());
			}
			return cells(zip.getInputStream(sheet), shared);
		}
		catch (XMLStreamException e) {
			throw new IOException("unreadable workbook " + file.getFileName() + ": " + e.getMessage(), e);
		}
	}

	private static String sheetPath(ZipFile zip, String name) throws IOException, XMLStreamException {
		String id = null;
		XMLStreamReader x = xml(zip, "xl/workbook.xml");
		while (x.hasNext()) {
			if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("sheet")
					&& name.equals(x.getAttributeValue(null, "name"))) {
				id = attribute(x, "id");
			}
		}
		if (id == null) {
			return null;
		}
		XMLStreamReader rels = xml(zip, "xl/_rels/workbook.xml.rels");
		while (rels.hasNext()) {
			if (rels.next() == XMLStreamConstants.START_ELEMENT && id.equals(rels.getAttributeValue(null, "Id"))) {
				String t = rels.getAttributeValue(null, "Target");
				return t.startsWith("/") ? t.substring(1) : "xl/" + t;
			}
		}
		return null;
	}

	private static List<String> sharedStrings(ZipFile zip) throws IOException, XMLStreamException {
		List<String> strings = new ArrayList<>();
		if (zip.getEntry("xl/sharedStrings.xml") == null) {
			return strings;
		}
		XMLStreamReader x = xml(zip, "xl/sharedStrings.xml");
		StringBuilder text = null;
		while (x.hasNext()) {
			int e = x.next();
			if (e == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("si")) {
				text = new StringBuilder();
			}
			else if (e == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("t") && text != null) {
				text.append(x.getElementText());
			}
			else if (e == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("si") && text != null) {
				strings.add(text.toString());
				text = null;
			}
		}
		return strings;
	}

	private static Map<String, Cell> cells(InputStream in, List<String> shared) throws XMLStreamException {
		Map<String, Cell> cells = new LinkedHashMap<>();
		XMLStreamReader x = factory().createXMLStreamReader(in, "UTF-8");
		String ref = null;
		String type = null;
		StringBuilder text = new StringBuilder();
		while (x.hasNext()) {
			int e = x.next();
			if (e == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("c")) {
				ref = x.getAttributeValue(null, "r");
				type = x.getAttributeValue(null, "t");
				text.setLength(0);
			}
			else if (e == XMLStreamConstants.START_ELEMENT && (x.getLocalName().equals("v") || x.getLocalName().equals("t"))) {
				text.append(x.getElementText());
			}
			else if (e == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("c") && ref != null) {
				String value = "s".equals(type) ? shared.get(Integer.parseInt(text.toString().strip())) : text.toString();
				boolean number = type == null || "n".equals(type);
				cells.put(ref, new Cell(value, number && !value.isEmpty()));
				ref = null;
			}
		}
		return cells;
	}

	private static String attribute(XMLStreamReader x, String localName) {
		for (int i = 0; i < x.getAttributeCount(); i++) {
			if (x.getAttributeLocalName(i).equals(localName)) {
				return x.getAttributeValue(i);
			}
		}
		return null;
	}

	private static XMLStreamReader xml(ZipFile zip, String entry) throws IOException, XMLStreamException {
		ZipEntry e = zip.getEntry(entry);
		if (e == null) {
			throw new IOException("not an XLSX workbook (no " + entry + ")");
		}
		return factory().createXMLStreamReader(zip.getInputStream(e), "UTF-8");
	}

	private static XMLInputFactory factory() {
		XMLInputFactory f = XMLInputFactory.newFactory();
		f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		return f;
	}
}
