package vn.loaxa.media.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Text preparation by the Vietnamese reading rules; every expected string written from the rules. */
class SpeechTextTests {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = {
			"0|không",
			"5|năm",
			"10|mười",
			"11|mười một",
			"15|mười lăm",
			"20|hai mươi",
			"21|hai mươi mốt",
			"24|hai mươi bốn",
			"25|hai mươi lăm",
			"55|năm mươi lăm",
			"100|một trăm",
			"101|một trăm linh một",
			"105|một trăm linh năm",
			"110|một trăm mười",
			"115|một trăm mười lăm",
			"121|một trăm hai mươi mốt",
			"1000|một nghìn",
			"1005|một nghìn không trăm linh năm",
			"1050|một nghìn không trăm năm mươi",
			"2026|hai nghìn không trăm hai mươi sáu",
			"15000|mười lăm nghìn",
			"1500000|một triệu năm trăm nghìn",
			"1000005|một triệu không trăm linh năm",
			"1005000|một triệu không trăm linh năm nghìn",
			"2000000000|hai tỷ",
			"3500000000|ba tỷ năm trăm triệu" })
	void numbersInWords(long n, String words) {
		assertThat(SpeechText.words(n)).isEqualTo(words);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = {
			"15/3/2026|ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi sáu",
			"01/04/2025|ngày một tháng tư năm hai nghìn không trăm hai mươi lăm",
			"Hạn chót 31/12.|Hạn chót ngày ba mươi mốt tháng mười hai.",
			"7h30|bảy giờ ba mươi phút",
			"07:30|bảy giờ ba mươi phút",
			"lúc 14h|lúc mười bốn giờ",
			"từ 7h00 đến 11h05|từ bảy giờ đến mười một giờ năm phút",
			"đạt 95%|đạt chín mươi lăm phần trăm",
			"tăng 12,5 %|tăng mười hai phẩy năm phần trăm",
			"mức phí 1.500.000 đồng|mức phí một triệu năm trăm nghìn đồng",
			"gọi 0912345678|gọi không chín một hai ba bốn năm sáu bảy tám",
			"UBND xã mời họp|Ủy ban nhân dân xã mời họp",
			"HĐND và MTTQ|Hội đồng nhân dân và Mặt trận Tổ quốc",
			"CCHC, CĐS, TTHC|cải cách hành chính, chuyển đổi số, thủ tục hành chính",
			"học sinh THPT có BHYT|học sinh trung học phổ thông có bảo hiểm y tế",
			"UBNDX|UBNDX" })
	void textPreparedForSpeaking(String text, String prepared) {
		assertThat(SpeechText.prepare(text)).isEqualTo(prepared);
	}

	@Test
	void decomposedVietnameseIsComposedFirst() {
		String decomposed = Normalizer.normalize("HĐND xã thông báo", Normalizer.Form.NFD);
		assertThat(decomposed).isNotEqualTo("HĐND xã thông báo");
		assertThat(SpeechText.prepare(decomposed)).isEqualTo("Hội đồng nhân dân xã thông báo");
	}

	@Test
	void onlySymbolsLeaveNothingToSpeak() {
		assertThat(SpeechText.speakable(SpeechText.prepare("!!! ... --- *** ???"))).isFalse();
		assertThat(SpeechText.speakable(SpeechText.prepare("   "))).isFalse();
		assertThat(SpeechText.speakable(SpeechText.prepare("2026"))).as("digits become words").isTrue();
	}

	@Test
	void linesAndSpacesAreTidied() {
		assertThat(SpeechText.prepare("  Thông báo   \n\n  họp thôn  ")).isEqualTo("Thông báo\nhọp thôn");
	}
}
