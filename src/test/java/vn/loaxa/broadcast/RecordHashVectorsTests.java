package vn.loaxa.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.loaxa.media.ClipKind;
import vn.loaxa.media.Topic;

/**
 * The record hash pinned by vectors computed outside LoaXa (README, "The evidence recipe"): the
 * canonical text of each record was written out by hand and hashed with {@code sha256sum}, so a
 * change to the recipe, to its field order or to the legacy rule (a record without a reason code
 * hashes exactly as before reason codes existed) fails here instead of silently breaking every
 * bundle already exported. The three records chain: A from the genesis, B from A, C (correcting A)
 * from B. {@code StandaloneCheckerTests} writes the same three through the real log and finds these
 * hashes stored.
 * <p>
 * Each text is "length:value;" per field (length in UTF-16 code units, i.e. Vietnamese letters, not
 * bytes: "Chuyển đổi số – VNeID" is 21, its UTF-8 is 30 bytes), "-;" for a missing value, times as
 * epoch milliseconds. The shell commands were run in a UTF-8 terminal (LC_ALL=C.UTF-8).
 */
class RecordHashVectorsTests {

	static final String GENESIS = "0000000000000000000000000000000000000000000000000000000000000000";
	/** printf 'clip 7' | sha256sum */
	static final String CLIP_SHA = "d15b8410250af90444e31a97ade9dd29814e76e9ce70f45beb77d0d0f12077bb";

	/**
	 * A: an INTERRUPTED record of the first release: a free-text reason and no reason code, so
	 * nothing follows the previous hash.
	 * <pre>
	 * printf '%s' '1:1;10:ban-na-lay;12:Bản tin sáng;1:7;64:d15b8410250af90444e31a97ade9dd29814e76e9ce70f45beb77d0d0f12077bb;21:Chuyển đổi số – VNeID;4:NEWS;22:DIGITAL_TRANSFORMATION;13:1772490600000;13:1772490600300;13:1772490641250;5:40950;5:60000;11:INTERRUPTED;18:Mất điện lúc 05:31;-;8:he-thong;13:1772490662125;64:0000000000000000000000000000000000000000000000000000000000000000;' | sha256sum
	 * </pre>
	 */
	static final String HASH_A = "d57ffef8674c49e4e2b52d8c47a3190adc7159a89a2360e19e9c879aa316f291";

	/**
	 * B: a MISSED record of a whole slot (no clip, no actual times) with its reason code, written
	 * after the previous hash.
	 * <pre>
	 * printf '%s' '1:2;12:to-dan-pho-1;13:Bản tin chiều;-;-;-;-;-;13:1772532000000;-;-;1:0;1:0;6:MISSED;17:PC off past grace;-;8:he-thong;13:1772532300000;64:d57ffef8674c49e4e2b52d8c47a3190adc7159a89a2360e19e9c879aa316f291;6:pc_off;' | sha256sum
	 * </pre>
	 */
	static final String HASH_B = "566d6ef0af7a77d2021619eb855cc8c0f89b7b45f6d368847a1313934e2429c2";

	/**
	 * C: a correction of A by an officer: PLAYED in full, correctsId 1.
	 * <pre>
	 * printf '%s' '1:3;10:ban-na-lay;12:Bản tin sáng;1:7;64:d15b8410250af90444e31a97ade9dd29814e76e9ce70f45beb77d0d0f12077bb;21:Chuyển đổi số – VNeID;4:NEWS;22:DIGITAL_TRANSFORMATION;13:1772490600000;13:1772490600300;13:1772490660300;5:60000;5:60000;6:PLAYED;32:Đã phát đủ, xác nhận qua sổ trực;1:1;8:canbo-vh;13:1772586930500;64:566d6ef0af7a77d2021619eb855cc8c0f89b7b45f6d368847a1313934e2429c2;' | sha256sum
	 * </pre>
	 */
	static final String HASH_C = "633b3cf9888ecc0e3179a7868723880ffcd6ce0c420d95a1d783665d33f24f7b";

	static final Instant SCHEDULED_A = Instant.parse("2026-03-02T22:30:00Z"); // 1772490600000
	static final Instant RECORDED_A = Instant.parse("2026-03-02T22:31:02.125Z"); // 1772490662125
	static final Instant RECORDED_B = Instant.parse("2026-03-03T10:05:00Z"); // 1772532300000
	static final Instant RECORDED_C = Instant.parse("2026-03-04T01:15:30.500Z"); // 1772586930500
	static final String CORRECTED_BY = "canbo-vh";

	static Airing airingA() {
		return Airing.of("ban-na-lay", "Bản tin sáng")
			.clip(7L, CLIP_SHA, "Chuyển đổi số – VNeID", ClipKind.NEWS, Topic.DIGITAL_TRANSFORMATION)
			.scheduled(SCHEDULED_A)
			.started(SCHEDULED_A.plusMillis(300))
			.ended(SCHEDULED_A.plusMillis(41_250))
			.playedMs(40_950)
			.dueMs(60_000)
			.outcome(Outcome.INTERRUPTED)
			.reason("Mất điện lúc 05:31")
			.build();
	}

	static Airing airingB() {
		return Airing.slotLevel("to-dan-pho-1", "Bản tin chiều", Instant.parse("2026-03-03T10:00:00Z"), Outcome.MISSED,
				"PC off past grace", Reason.PC_OFF);
	}

	static Airing airingC() {
		return Airing.of("ban-na-lay", "Bản tin sáng")
			.clip(7L, CLIP_SHA, "Chuyển đổi số – VNeID", ClipKind.NEWS, Topic.DIGITAL_TRANSFORMATION)
			.scheduled(SCHEDULED_A)
			.started(SCHEDULED_A.plusMillis(300))
			.ended(SCHEDULED_A.plusMillis(60_300))
			.playedMs(60_000)
			.dueMs(60_000)
			.outcome(Outcome.PLAYED)
			.reason("Đã phát đủ, xác nhận qua sổ trực")
			.build();
	}

	@Test
	void aRecordWithoutAReasonCodeHashesAsInTheFirstRelease() {
		assertThat(RecordHash.of(1, airingA(), null, "he-thong", RECORDED_A, GENESIS)).isEqualTo(HASH_A);
		assertThat(BroadcastRecord.genesisHash()).isEqualTo(GENESIS);
	}

	@Test
	void aReasonCodeIsHashedAfterThePreviousHash() {
		assertThat(RecordHash.of(2, airingB(), null, "he-thong", RECORDED_B, HASH_A)).isEqualTo(HASH_B);
	}

	@Test
	void aCorrectionHashesTheRecordItCorrectsAndWhoCorrectedIt() {
		assertThat(RecordHash.of(3, airingC(), 1L, CORRECTED_BY, RECORDED_C, HASH_B)).isEqualTo(HASH_C);
		assertThat(new BroadcastRecord(3, airingC(), 1L, CORRECTED_BY, RECORDED_C, HASH_B, HASH_C).contentHash())
			.isEqualTo(HASH_C);
	}

	/**
	 * D: a relay's PLAYED record (tiếp sóng, issue 26): no clip, the relay's name as the title; the reason
	 * code's place written "-;" (it has none), then the relay's id and the address that played.
	 * <pre>
	 * printf '%s' '1:4;10:ban-na-lay;14:Tiếp sóng VOV1;-;-;14:VOV1 - Thời sự;-;-;13:1772578800000;13:1772578800000;13:1772580600000;7:1800000;7:1800000;6:PLAYED;51:relay vov1 from https://stream.example.vn/vov1.m3u8;-;8:he-thong;13:1772580600500;64:633b3cf9888ecc0e3179a7868723880ffcd6ce0c420d95a1d783665d33f24f7b;-;4:vov1;35:https://stream.example.vn/vov1.m3u8;' | sha256sum
	 * </pre>
	 */
	static final String HASH_D = "36825b813b35ebb129e2888d5ef0afdcf61ac095aa8a8fbacadb482c66aea282";

	/**
	 * E: a relay's FAILED {@code stream_unavailable} record: its reason code, the relay's id, no address ("-;").
	 * <pre>
	 * printf '%s' '1:5;12:to-dan-pho-1;14:Tiếp sóng VOV1;-;-;14:VOV1 - Thời sự;-;-;13:1772578800000;-;-;1:0;1:0;6:FAILED;21:no address gave sound;-;8:he-thong;13:1772580600600;64:36825b813b35ebb129e2888d5ef0afdcf61ac095aa8a8fbacadb482c66aea282;18:stream_unavailable;4:vov1;-;' | sha256sum
	 * </pre>
	 */
	static final String HASH_E = "8dc665b233664ccc045190051b803625893a65abaed31d93bd00cd73182ab9c8";

	static final Instant SCHEDULED_D = Instant.parse("2026-03-03T23:00:00Z"); // 1772578800000

	static Airing airingD() {
		return Airing.of("ban-na-lay", "Tiếp sóng VOV1")
			.title("VOV1 - Thời sự")
			.scheduled(SCHEDULED_D)
			.started(SCHEDULED_D)
			.ended(SCHEDULED_D.plusMillis(1_800_000))
			.playedMs(1_800_000)
			.dueMs(1_800_000)
			.outcome(Outcome.PLAYED)
			.reason("relay vov1 from https://stream.example.vn/vov1.m3u8")
			.relay("vov1", "https://stream.example.vn/vov1.m3u8")
			.build();
	}

	static Airing airingE() {
		return Airing.of("to-dan-pho-1", "Tiếp sóng VOV1")
			.title("VOV1 - Thời sự")
			.scheduled(SCHEDULED_D)
			.outcome(Outcome.FAILED)
			.reason("no address gave sound")
			.reasonCode(Reason.STREAM_UNAVAILABLE)
			.relay("vov1", null)
			.build();
	}

	@Test
	void aRelaysRecordHashesItsRelayAndAddressAfterTheReasonCodesPlace() {
		assertThat(RecordHash.of(4, airingD(), null, "he-thong", SCHEDULED_D.plusMillis(1_800_500), HASH_C))
			.isEqualTo(HASH_D);
		assertThat(RecordHash.of(5, airingE(), null, "he-thong", SCHEDULED_D.plusMillis(1_800_600), HASH_D))
			.isEqualTo(HASH_E);
	}

	/** printf 'aircheck vov1' | sha256sum */
	static final String AIRCHECK_F = "1a9489283aef49477b0ddffd71018b9d3fd4a294dd8544d60b09191cf4e7e451";
	/** printf 'aircheck live' | sha256sum */
	static final String AIRCHECK_G = "bcde65dd5abc914e849ca30917710de1eac1288564c85c6ff7239cade48decd9";
	/** printf 'clip 9' | sha256sum */
	static final String CLIP_9_SHA = "4831e75af7be429762604cfb3e3b27f24c41d6a78dbee71ff4190a9378b9d465";

	/**
	 * F: a relay's PLAYED record with its air-check (issue 26, step 4): after the relay's places, the air-check's
	 * SHA-256. Its file name is not hashed.
	 * <pre>
	 * printf '%s' '1:6;10:ban-na-lay;14:Tiếp sóng VOV1;-;-;14:VOV1 - Thời sự;-;-;13:1772665200000;13:1772665200000;13:1772667000000;7:1800000;7:1800000;6:PLAYED;51:relay vov1 from https://stream.example.vn/vov1.m3u8;-;8:he-thong;13:1772667000500;64:8dc665b233664ccc045190051b803625893a65abaed31d93bd00cd73182ab9c8;-;4:vov1;35:https://stream.example.vn/vov1.m3u8;64:1a9489283aef49477b0ddffd71018b9d3fd4a294dd8544d60b09191cf4e7e451;' | sha256sum
	 * </pre>
	 */
	static final String HASH_F = "53eb5a6f2297ec902062e32fbf0987492ac3dad80e07936d189b89907a1af131";

	/**
	 * G: a live announcement's PLAYED record with its clip and its air-check: no reason code, no relay, so
	 * their three places are written "-;" before the air-check's SHA-256.
	 * <pre>
	 * printf '%s' '1:7;10:ban-na-lay;14:Phát trực tiếp;1:9;64:4831e75af7be429762604cfb3e3b27f24c41d6a78dbee71ff4190a9378b9d465;25:Thông báo lịch tiêm chủng;12:ANNOUNCEMENT;5:OTHER;13:1772672400000;13:1772672400120;13:1772672445120;5:45000;5:45000;6:PLAYED;27:phát trực tiếp bởi chu-tich;-;8:he-thong;13:1772672446000;64:53eb5a6f2297ec902062e32fbf0987492ac3dad80e07936d189b89907a1af131;-;-;-;64:bcde65dd5abc914e849ca30917710de1eac1288564c85c6ff7239cade48decd9;' | sha256sum
	 * </pre>
	 */
	static final String HASH_G = "f64eb28c1bb9334c79277a85476b72c5a8345aab6b2112de57804f8d2312e437";

	static final Instant SCHEDULED_F = Instant.parse("2026-03-04T23:00:00Z"); // 1772665200000
	static final Instant RECORDED_F = Instant.parse("2026-03-04T23:30:00.500Z"); // 1772667000500
	static final Instant SCHEDULED_G = Instant.parse("2026-03-05T01:00:00Z"); // 1772672400000
	static final Instant RECORDED_G = Instant.parse("2026-03-05T01:00:46Z"); // 1772672446000

	static Airing airingF() {
		return Airing.of("ban-na-lay", "Tiếp sóng VOV1")
			.title("VOV1 - Thời sự")
			.scheduled(SCHEDULED_F)
			.started(SCHEDULED_F)
			.ended(SCHEDULED_F.plusMillis(1_800_000))
			.playedMs(1_800_000)
			.dueMs(1_800_000)
			.outcome(Outcome.PLAYED)
			.reason("relay vov1 from https://stream.example.vn/vov1.m3u8")
			.relay("vov1", "https://stream.example.vn/vov1.m3u8")
			.airCheck(new AirCheckRef("aircheck/2026/03/05/060000-main-tiep-song-vov1.mp3", AIRCHECK_F))
			.build();
	}

	static Airing airingG() {
		return Airing.of("ban-na-lay", "Phát trực tiếp")
			.clip(9L, CLIP_9_SHA, "Thông báo lịch tiêm chủng", ClipKind.ANNOUNCEMENT, Topic.OTHER)
			.scheduled(SCHEDULED_G)
			.started(SCHEDULED_G.plusMillis(120))
			.ended(SCHEDULED_G.plusMillis(45_120))
			.playedMs(45_000)
			.dueMs(45_000)
			.outcome(Outcome.PLAYED)
			.reason("phát trực tiếp bởi chu-tich")
			.airCheck(new AirCheckRef("aircheck/2026/03/05/080000-main-phat-truc-tiep.mp3", AIRCHECK_G))
			.build();
	}

	@Test
	void anAirChecksHashIsHashedAfterTheRelaysPlacesOnlyWhenThereIsOne() {
		assertThat(RecordHash.of(6, airingF(), null, "he-thong", RECORDED_F, HASH_E)).isEqualTo(HASH_F);
		assertThat(RecordHash.of(7, airingG(), null, "he-thong", RECORDED_G, HASH_F)).isEqualTo(HASH_G);
		// the file's name is where to find it, not evidence: another name, the same hash
		Airing moved = airingG().withAirCheck(new AirCheckRef("aircheck/elsewhere.mp3", AIRCHECK_G));
		assertThat(RecordHash.of(7, moved, null, "he-thong", RECORDED_G, HASH_F)).isEqualTo(HASH_G);
		// and without one, the record hashes as every record before air-checks
		assertThat(RecordHash.of(4, airingD().withAirCheck(null), null, "he-thong", SCHEDULED_D.plusMillis(1_800_500),
				HASH_C)).isEqualTo(HASH_D);
	}
}
