package vn.loaxa.province.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import vn.loaxa.config.UserError;
import vn.loaxa.media.Priority;

/**
 * An OASIS Common Alerting Protocol 1.2 message, read with the JDK's own XML parser (no DTDs, no
 * external entities): what the hub needs to make, replace or withdraw a bulletin from it. The
 * {@code info} in Vietnamese is preferred; its severity gives the level (Extreme/Severe: khẩn cấp,
 * Moderate: ưu tiên, the rest: thường); headline the title; description and instruction the text
 * spoken; expires the end of validity; {@code area/geocode} with valueName {@code commune} the
 * communes (none: all).
 */
public record CapAlert(String identifier, String sender, String msgType, List<String> references, Priority level,
		String title, String text, Instant effective, Instant expires, List<String> communes) {

	static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

	public static CapAlert read(byte[] xml) {
		Element alert = parse(xml).getDocumentElement();
		if (!"alert".equals(alert.getLocalName()) || !NAMESPACE.equals(alert.getNamespaceURI())) {
			throw malformed("not a CAP 1.2 alert");
		}
		String status = text(alert, "status");
		if (!"Actual".equals(status)) {
			throw new UserError(422, "cap_not_actual", "cap.error.notActual", String.valueOf(status));
		}
		String type = text(alert, "msgType");
		if (!List.of("Alert", "Update", "Cancel").contains(type)) {
			throw new UserError(422, "cap_msg_type", "cap.error.msgType", String.valueOf(type));
		}
		String identifier = required(alert, "identifier");
		String sender = required(alert, "sender");
		List<String> references = references(text(alert, "references"));
		if (!type.equals("Alert") && references.isEmpty()) {
			throw new UserError(400, "cap_no_reference", "cap.error.noReference", type);
		}
		Element info = info(alert);
		if (info == null) {
			if (type.equals("Cancel")) {
				return new CapAlert(identifier, sender, type, references, null, null, null, null, null, List.of());
			}
			throw new UserError(400, "cap_no_info", "cap.error.noInfo");
		}
		String headline = text(info, "headline");
		String spoken = String.join("\n", nonBlank(text(info, "description"), text(info, "instruction")));
		if (headline == null || spoken.isBlank()) {
			throw new UserError(400, "cap_no_text", "cap.error.noText");
		}
		return new CapAlert(identifier, sender, type, references, level(text(info, "severity")), headline, spoken,
				time(text(info, "effective")), time(text(info, "expires")), communes(info));
	}

	/** The identifiers this message refers to: CAP's "sender,identifier,sent" triples, space-separated. */
	private static List<String> references(String text) {
		List<String> ids = new ArrayList<>();
		if (text != null) {
			for (String triple : text.strip().split("\\s+")) {
				String[] parts = triple.split(",");
				if (parts.length == 3) {
					ids.add(parts[0] + "," + parts[1]);
				}
			}
		}
		return ids;
	}

	/** This message's own key, as a later message's references name it: "sender,identifier". */
	public String key() {
		return sender + "," + identifier;
	}

	private static Priority level(String severity) {
		return switch (severity == null ? "" : severity) {
			case "Extreme", "Severe" -> Priority.EMERGENCY;
			case "Moderate" -> Priority.HIGH;
			default -> Priority.NORMAL;
		};
	}

	private static Element info(Element alert) {
		Element first = null;
		for (Element info : children(alert, "info")) {
			String language = text(info, "language");
			if (language != null && language.toLowerCase(Locale.ROOT).startsWith("vi")) {
				return info;
			}
			first = first == null ? info : first;
		}
		return first;
	}

	private static List<String> communes(Element info) {
		List<String> communes = new ArrayList<>();
		for (Element area : children(info, "area")) {
			for (Element geocode : children(area, "geocode")) {
				if ("commune".equals(text(geocode, "valueName")) && text(geocode, "value") != null) {
					communes.add(text(geocode, "value"));
				}
			}
		}
		return communes;
	}

	private static Document parse(byte[] xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(new ByteArrayInputStream(xml));
		}
		catch (ParserConfigurationException | SAXException | IOException e) {
			throw malformed(e.getMessage());
		}
	}

	private static Instant time(String text) {
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new UserError(400, "cap_bad_time", "cap.error.time", text);
		}
	}

	private static String required(Element parent, String name) {
		String value = text(parent, name);
		if (value == null) {
			throw malformed("no " + name);
		}
		return value;
	}

	private static String text(Element parent, String name) {
		List<Element> found = children(parent, name);
		return found.isEmpty() || found.get(0).getTextContent().isBlank() ? null : found.get(0).getTextContent().strip();
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			Node n = nodes.item(i);
			if (n instanceof Element e && name.equals(e.getLocalName()) && NAMESPACE.equals(e.getNamespaceURI())) {
				found.add(e);
			}
		}
		return found;
	}

	private static List<String> nonBlank(String... texts) {
		return java.util.Arrays.stream(texts).filter(t -> t != null && !t.isBlank()).toList();
	}

	private static UserError malformed(String why) {
		return new UserError(400, "cap_malformed", "cap.error.malformed", why == null ? "" : why);
	}
}
