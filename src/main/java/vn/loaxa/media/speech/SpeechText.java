package vn.loaxa.media.speech;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vietnamese text made ready for a speech engine, so the loudspeakers say words, not letters or
 * digits: NFC, abbreviations read out (UBND → "Ủy ban nhân dân"), dates, times, percentages and
 * numbers in words by the Vietnamese rules (mốt/một, lăm/năm, linh, mươi/mười, "không trăm" inside a
 * larger number, nghìn/triệu/tỷ). Plain Java: no Spring, no engine.
 */
public final class SpeechText {

	private static final String[] DIGITS = { "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín" };
	/** Longer numbers (phone and account numbers) are read digit by digit. */
	private static final int MAX_NUMBER_DIGITS = 15;

	private static final Map<String, String> ABBREVIATIONS = new LinkedHashMap<>();
	static {
		ABBREVIATIONS.put("UBND", "Ủy ban nhân dân");
		ABBREVIATIONS.put("HĐND", "Hội đồng nhân dân");
		ABBREVIATIONS.put("CCHC", "cải cách hành chính");
		ABBREVIATIONS.put("CĐS", "chuyển đổi số");
		ABBREVIATIONS.put("TTHC", "thủ tục hành chính");
		ABBREVIATIONS.put("MTTQ", "Mặt trận Tổ quốc");
		ABBREVIATIONS.put("THPT", "trung học phổ thông");
		ABBREVIATIONS.put("THCS", "trung học cơ sở");
		ABBREVIATIONS.put("BHYT", "bảo hiểm y tế");
		ABBREVIATIONS.put("BHXH", "bảo hiểm xã hội");
		ABBREVIATIONS.put("CSGT", "cảnh sát giao thông");
		ABBREVIATIONS.put("CAND", "Công an nhân dân");
		ABBREVIATIONS.put("CCCD", "căn cước công dân");
		ABBREVIATIONS.put("TDP", "tổ dân phố");
		ABBREVIATIONS.put("v.v.", "vân vân");
	}

	private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
	private static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";
	private static final Pattern DATE = Pattern.compile(NOT_WORD_BEFORE + "(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?" + NOT_WORD_AFTER);
	private static final Pattern TIME = Pattern.compile(NOT_WORD_BEFORE + "(\\d{1,2})(?:[hH:](\\d{2})|[hH])" + NOT_WORD_AFTER);
	private static final Pattern PERCENT = Pattern.compile("(\\d+(?:,\\d+)?)\\s?%");
	private static final Pattern GROUPED = Pattern.compile(NOT_WORD_BEFORE + "\\d{1,3}(?:\\.\\d{3})+" + NOT_WORD_AFTER);
	private static final Pattern DECIMAL = Pattern.compile(NOT_WORD_BEFORE + "(\\d+),(\\d+)" + NOT_WORD_AFTER);
	private static final Pattern NUMBER = Pattern.compile("\\d+");

	private SpeechText() {
	}

	/** The text as the engine should read it; blank when nothing in it can be spoken. */
	public static String prepare(String text) {
		if (text == null) {
			return "";
		}
		String s = Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("[\\p{Cntrl}&&[^\\n]]", " ");
		for (Map.Entry<String, String> a : ABBREVIATIONS.entrySet()) {
			s = Pattern.compile(NOT_WORD_BEFORE + Pattern.quote(a.getKey()) + NOT_WORD_AFTER).matcher(s)
				.replaceAll(Matcher.quoteReplacement(a.getValue()));
		}
		s = replace(DATE, s, SpeechText::date);
		s = replace(TIME, s, SpeechText::time);
		s = replace(PERCENT, s, m -> decimal(m.group(1)) + " phần trăm");
		s = replace(GROUPED, s, m -> number(m.group().replace(".", "")));
		s = replace(DECIMAL, s, m -> decimal(m.group()));
		s = replace(NUMBER, s, m -> number(m.group()));
		return s.replaceAll("[ \\t]+", " ").replaceAll(" *\\n+ *", "\n").strip();
	}

	/** True when the prepared text has a letter in it: only symbols give nothing to speak. */
	public static boolean speakable(String prepared) {
		return prepared != null && prepared.codePoints().anyMatch(Character::isLetter);
	}

	private static String replace(Pattern pattern, String s, Function<Matcher, String> words) {
		Matcher m = pattern.matcher(s);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(words.apply(m)));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** 15/3/2026 → "ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi sáu"; not a date: as written. */
	private static String date(Matcher m) {
		int day = Integer.parseInt(m.group(1));
		int month = Integer.parseInt(m.group(2));
		if (day < 1 || day > 31 || month < 1 || month > 12) {
			return number(m.group(1)) + " trên " + number(m.group(2)) + (m.group(3) == null ? "" : " trên " + number(m.group(3)));
		}
		String words = "ngày " + words(day) + " tháng " + (month == 4 ? "tư" : words(month));
		return m.group(3) == null ? words : words + " năm " + words(Long.parseLong(m.group(3)));
	}

	/** 7h30, 07:30 → "bảy giờ ba mươi phút"; 7h → "bảy giờ". */
	private static String time(Matcher m) {
		int hour = Integer.parseInt(m.group(1));
		int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
		if (hour > 24 || minute > 59) {
			return m.group(2) == null ? m.group() : number(m.group(1)) + " " + number(m.group(2));
		}
		return words(hour) + " giờ" + (minute == 0 ? "" : " " + words(minute) + " phút");
	}

	/** "12,5" → "mười hai phẩy năm"; the part after the comma digit by digit when it starts with 0. */
	private static String decimal(String text) {
		int comma = text.indexOf(',');
		if (comma < 0) {
			return number(text);
		}
		String fraction = text.substring(comma + 1);
		return number(text.substring(0, comma)) + " phẩy "
				+ (fraction.startsWith("0") ? digits(fraction) : number(fraction));
	}

	/** Digits as a number in words; with a leading 0 or very long: digit by digit. */
	static String number(String digits) {
		if ((digits.length() > 1 && digits.startsWith("0")) || digits.length() > MAX_NUMBER_DIGITS) {
			return digits(digits);
		}
		return words(Long.parseLong(digits));
	}

	private static String digits(String digits) {
		StringBuilder out = new StringBuilder();
		for (char c : digits.toCharArray()) {
			out.append(out.isEmpty() ? "" : " ").append(DIGITS[c - '0']);
		}
		return out.toString();
	}

	/** A whole number in words: 2026 → "hai nghìn không trăm hai mươi sáu". */
	static String words(long n) {
		if (n < 0) {
			return "âm " + words(-n);
		}
		if (n == 0) {
			return DIGITS[0];
		}
		return scaled(n, false);
	}

	private static final long[] SCALES = { 1_000_000_000L, 1_000_000L, 1_000L };
	private static final String[] SCALE_NAMES = { "tỷ", "triệu", "nghìn" };

	/** {@code n} > 0; {@code inside}: a higher part was already said, so a short group reads "không trăm …". */
	private static String scaled(long n, boolean inside) {
		for (int i = 0; i < SCALES.length; i++) {
			if (n >= SCALES[i]) {
				long high = n / SCALES[i];
				long rest = n % SCALES[i];
				String head = scaled(high, inside) + " " + SCALE_NAMES[i];
				return rest == 0 ? head : head + " " + scaled(rest, true);
			}
		}
		return hundreds((int) n, inside);
	}

	/** 1..999; {@code inside}: after a higher part ("hai nghìn không trăm linh năm"). */
	private static String hundreds(int n, boolean inside) {
		int h = n / 100;
		int rest = n % 100;
		if (h == 0 && !inside) {
			return tens(rest);
		}
		String head = DIGITS[h] + " trăm";
		if (rest == 0) {
			return head;
		}
		return head + " " + (rest < 10 ? "linh " + DIGITS[rest] : tens(rest));
	}

	/** 1..99: mười/mươi, mốt after twenty, lăm after ten. */
	private static String tens(int n) {
		int t = n / 10;
		int u = n % 10;
		if (t == 0) {
			return DIGITS[u];
		}
		String head = t == 1 ? "mười" : DIGITS[t] + " mươi";
		if (u == 0) {
			return head;
		}
		String unit = switch (u) {
			case 1 -> t == 1 ? "một" : "mốt";
			case 5 -> "lăm";
			default -> DIGITS[u];
		};
		return head + " " + unit;
	}
}
