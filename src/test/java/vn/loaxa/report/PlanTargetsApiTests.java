package vn.loaxa.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.loaxa.IntegrationTest;
import vn.loaxa.security.Role;
import vn.loaxa.security.UserAccounts;
import vn.loaxa.support.ApiClient;

/**
 * A year's plan, its targets and the commune's settings over the API, as a district's tool or a
 * script would keep them: created, read, changed and removed, refused with the page's checks (4xx
 * JSON, nothing stored), and the report then counts against what the API set.
 */
class PlanTargetsApiTests extends IntegrationTest {

	/** A year no other test of the shared context plans for. */
	static final int YEAR = 2031;

	@Autowired
	UserAccounts users;

	@Autowired
	PlanTargets plans;

	@Autowired
	CommuneSettingsStore settings;

	@Test
	void anOfficerKeepsThePlanAndItsTargetsOverTheApi() throws Exception {
		users.create("can-bo-ke-hoach", "Cán bộ văn hóa", "mat-khau-ke-hoach-1", EnumSet.of(Role.OFFICER), "test");
		ApiClient officer = as("can-bo-ke-hoach", "mat-khau-ke-hoach-1");
		assertThat(officer.get("/api/plans/" + YEAR).status()).isEqualTo(404);
		assertThat(officer.postJson("/api/plans/" + YEAR + "/targets", target("150 tin, bài", "150")).error())
			.as("no plan yet").isEqualTo("no_plan");

		ApiClient.Response plan = officer.putJson("/api/plans/" + YEAR, Map.of("name", "Kế hoạch tuyên truyền CCHC "
				+ YEAR, "number", "45/KH-UBND", "date", "15/01/" + YEAR));
		assertThat(plan.status()).as(plan.body()).isEqualTo(200);
		assertThat(plan.json().path("date").asText()).isEqualTo(YEAR + "-01-15");

		ApiClient.Response news = officer.postJson("/api/plans/" + YEAR + "/targets", target("150 tin, bài", "150"));
		assertThat(news.status()).as(news.body()).isEqualTo(201);
		Map<String, Object> monthly = target("02 bài mỗi tháng", "2");
		monthly.put("perMonth", true);
		monthly.put("kinds", "ARTICLE");
		monthly.put("topics", List.of("DIGITAL_TRANSFORMATION"));
		ApiClient.Response articles = officer.postJson("/api/plans/" + YEAR + "/targets", monthly);
		assertThat(articles.status()).as(articles.body()).isEqualTo(201);
		long id = articles.json().path("id").asLong();

		Map<String, Object> changed = target("03 bài mỗi tháng", 3);
		changed.put("perMonth", true);
		changed.put("measure", "AIRINGS");
		assertThat(officer.putJson("/api/plans/" + YEAR + "/targets/" + id, changed).status()).isEqualTo(200);
		PlanTarget stored = plans.target(id).orElseThrow();
		assertThat(stored.planned()).isEqualTo(3);
		assertThat(stored.measure()).isEqualTo(Measure.AIRINGS);
		assertThat(stored.plannedFor(ReportPeriod.parse(YEAR + "-Q1"))).isEqualTo(9);

		ApiClient.Response read = officer.get("/api/plans/" + YEAR);
		assertThat(read.json().path("number").asText()).isEqualTo("45/KH-UBND");
		assertThat(read.json().path("targets").findValuesAsText("name")).containsExactly("150 tin, bài",
				"03 bài mỗi tháng");
		assertThat(officer.get("/api/plans").json().findValuesAsText("year")).contains(String.valueOf(YEAR));

		assertThat(officer.delete("/api/plans/" + (YEAR - 1) + "/targets/" + id).status())
			.as("a target is found only under its own year").isEqualTo(404);
		assertThat(officer.delete("/api/plans/" + YEAR + "/targets/" + id).status()).isEqualTo(204);
		assertThat(plans.targets(YEAR)).extracting(PlanTarget::name).containsExactly("150 tin, bài");
	}

	@Test
	void badTargetsAndSettingsAreRefusedAndNothingIsStored() throws Exception {
		int year = YEAR + 1;
		assertThat(admin.putJson("/api/plans/" + year, Map.of("name", "Kế hoạch CĐS " + year)).status()).isEqualTo(200);
		String targets = "/api/plans/" + year + "/targets";
		assertRefused(admin.postJson(targets, target("Tin", "-5")), "invalid_target");
		assertRefused(admin.postJson(targets, target("Tin", "mười")), "invalid_target");
		assertRefused(admin.postJson(targets, target("", "5")), "invalid_name");
		Map<String, Object> badKind = target("Tin", "5");
		badKind.put("kinds", List.of("PODCAST"));
		assertRefused(admin.postJson(targets, badKind), "invalid_kind");
		Map<String, Object> badMeasure = target("Tin", "5");
		badMeasure.put("measure", "HOURS");
		assertRefused(admin.postJson(targets, badMeasure), "invalid_target");
		assertRefused(admin.putJson("/api/plans/1999", Map.of("name", "Cũ")), "invalid_year");
		assertRefused(admin.putJson("/api/plans/" + year, Map.of("name", "Kế hoạch", "date", "31/02/" + year)),
				"invalid_date");
		assertThat(plans.targets(year)).as("nothing stored").isEmpty();
		assertThat(plans.plan(1999)).isEmpty();
		assertThat(plans.plan(year).orElseThrow().name()).isEqualTo("Kế hoạch CĐS " + year);

		CommuneSettings before = settings.current();
		Map<String, Object> markup = new HashMap<>(Map.of("communeName", "Xã <b>Na Lay</b>"));
		assertRefused(admin.putJson("/api/settings", markup), null);
		assertRefused(admin.putJson("/api/settings", Map.of("superiorAuthority", "UBND TỈNH ĐIỆN BIÊN")), null);
		assertThat(settings.current()).as("nothing stored").isEqualTo(before);
		ApiClient.Response viewer = anonymous.get("/api/settings");
		assertThat(viewer.status()).isEqualTo(401);
	}

	@Test
	void theSettingsAreReadAndChangedOverTheApi() throws Exception {
		CommuneSettings before = settings.current();
		try {
			Map<String, Object> typed = new HashMap<>();
			typed.put("communeName", "Xã Na Lay");
			typed.put("superiorAuthority", "UBND TỈNH ĐIỆN BIÊN");
			typed.put("province", "Tỉnh Điện Biên");
			typed.put("officerName", "Lò Thị Hoa");
			typed.put("documentNumber", "12/BC-UBND");
			typed.put("place", "Na Lay");
			typed.put("recipients", "- Như trên;\r\n\n- UBND tỉnh (để b/c);\n- Lưu: VT, VHXH.");
			typed.put("signerTitle", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
			typed.put("signerName", "Lò Văn Thắng");
			ApiClient.Response saved = admin.putJson("/api/settings", typed);
			assertThat(saved.status()).as(saved.body()).isEqualTo(200);
			var read = admin.get("/api/settings").json();
			assertThat(read.path("officerName").asText()).isEqualTo("Lò Thị Hoa");
			assertThat(read.path("superiorAuthority").asText()).isEqualTo("UBND TỈNH ĐIỆN BIÊN");
			assertThat(read.has("district")).isFalse();
			// the blank line and the Windows line end are gone; each recipient is a line
			assertThat(read.path("recipients").asText()).isEqualTo("- Như trên;\n- UBND tỉnh (để b/c);\n- Lưu: VT, VHXH.");
			assertThat(settings.current().signerTitleLines()).containsExactly("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
					"PHÓ CHỦ TỊCH");
			assertThat(read.path("signerName").asText()).isEqualTo("Lò Văn Thắng");
			typed.put("recipients", "- Nơi\n".repeat(10));
			assertRefused(admin.putJson("/api/settings", typed), null);
			assertThat(settings.current().signerName()).as("nothing stored").isEqualTo("Lò Văn Thắng");
			assertThat(settings.current().documentLine()).isEqualTo("Số: 12/BC-UBND");
		}
		finally {
			settings.save(before.communeName() == null || before.communeName().isBlank()
					? new CommuneSettings("Xã Thử Nghiệm", "", "", "", "", "") : before, "test");
		}
	}

	private static Map<String, Object> target(String name, Object planned) {
		Map<String, Object> target = new HashMap<>();
		target.put("name", name);
		target.put("planned", planned);
		return target;
	}

	private static void assertRefused(ApiClient.Response r, String error) {
		assertThat(r.status()).as(r.body()).isBetween(400, 499);
		if (error != null) {
			assertThat(r.error()).as(r.body()).isEqualTo(error);
		}
		assertThat(r.message()).as("a message for people").isNotBlank().doesNotContain("Exception");
	}
}
