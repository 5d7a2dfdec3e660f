package vn.loaxa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.loaxa.ApiTestSupport;
import vn.loaxa.security.Role;
import vn.loaxa.security.UserAccounts;
import vn.loaxa.support.ApiClient;
import vn.loaxa.support.TestAudio;
import vn.loaxa.support.TestDirs;

/**
 * Issue 6, "Proof": a bad-input sweep over every form and API endpoint. The endpoints come from
 * Spring MVC's own {@link RequestMappingHandlerMapping}, so an endpoint added later is swept without
 * touching this test; their parameters (path variables, request parameters, form objects, JSON
 * bodies, uploaded files) and the roles that may call them ({@code @PreAuthorize}) are read from the
 * handler methods.
 * <p>
 * Every POST/PUT/DELETE and every GET with parameters gets, in each parameter in turn (the others
 * valid): empty and blank values, wrong types, huge numbers, 10,000-character strings, HTML and
 * script, SQL quotes, path traversal, NUL, CR/LF, bad dates, odd Unicode, the parameter left out or
 * repeated; JSON bodies also get broken JSON, wrong JSON types and the wrong content type; uploads
 * get empty, foreign and oddly named files. Then the same endpoint as an OFFICER-only and a
 * TECHNICIAN-only user (403 where the role may not), without log-in (401 / the login page), and
 * as a form without its CSRF token or with a wrong one (403).
 * <p>
 * Asserted: never a 5xx; a request refused (4xx, or a page that answers with an error message)
 * changes nothing: the rows of the clip, clip history, broadcast log, schedule, pin, user, plan and
 * settings tables and the files of the clip store, the work dir and the schedule folder are the
 * same after it as before (the audit trail grows by design and is left out; so are the lockout
 * counters, Quartz's tables and the playout heartbeat). Finally no page shows the script payload
 * unescaped. The figures (inputs tried, endpoints covered) are printed.
 * <p>
 * Phát ngay is swept with a clip that is not approved, so no tolerated input puts audio on air (and
 * records in the log) in the middle of the sweep.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loaxa.admin.username=" + ApiTestSupport.ADMIN,
				"loaxa.admin.password=" + ApiTestSupport.ADMIN_PASSWORD, "loaxa.audio.sink=file",
				"loaxa.media.import-on-start=false", "loaxa.backup.enabled=false",
				// no live announcement may go on air mid-sweep: this PC "has no microphone" of that name
				"loaxa.live.capture=khong-co-micro" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputSweepTests {

	/**
	 * bcrypt at work factor 4 instead of 10 in this context: still real bcrypt (the 72-byte limit
	 * and all), but the API's HTTP Basic checks the password on every one of thousands of requests,
	 * and at factor 10 that alone took a minute.
	 */
	@TestConfiguration
	static class CheapHashes {

		@Bean
		@Primary
		PasswordEncoder cheapPasswordEncoder() {
			return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
		}
	}

	private static final Path ROOT = TestDirs.create("sweep");
	private static final String SLOT_NAME = "Bản tin thử nghiệm";
	private static final String SLOT_KEY = "ban-1/" + SLOT_NAME;
	private static final String OFFICER = "sweep-officer";
	private static final String TECHNICIAN = "sweep-technician";
	private static final String VICTIM = "sweep-victim";
	private static final String PASSWORD = "mat-khau-quet-12345";
	static final String SCRIPT = "<script>alert('loaxa')</script><img src=x onerror=alert(1)>";

	static {
		try {
			FaultCommune.zones(ROOT, 2);
			FaultCommune.slot(ROOT, "ban-1", "ban-1", SLOT_NAME,
					LocalDate.now(FaultCommune.HCM).plusDays(60).atTime(5, 30).atZone(FaultCommune.HCM),
					Duration.ofMinutes(10));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@DynamicPropertySource
	static void directories(DynamicPropertyRegistry registry) {
		registry.add("loaxa.data-dir", () -> ROOT.resolve("data").toString());
		registry.add("loaxa.media-dir", () -> ROOT.resolve("media").toString());
		registry.add("loaxa.schedules-dir", () -> ROOT.resolve("schedules").toString());
		registry.add("loaxa.audio.file-sink-dir", () -> ROOT.resolve("sink").toString());
		registry.add("spring.quartz.scheduler-name", () -> "loaxa-" + ROOT.getFileName());
		vn.loaxa.support.TestDatabase.register(registry);
	}

	/** The bad values, each tried in each parameter. */
	static final Map<String, String> BAD = new LinkedHashMap<>();

	static {
		BAD.put("empty", "");
		BAD.put("blank", "   ");
		BAD.put("wrong type", "khong-phai-so");
		BAD.put("negative", "-1");
		BAD.put("zero", "0");
		BAD.put("huge number", "99999999999999999999");
		BAD.put("decimal", "1.5");
		BAD.put("10,000 chars", "ă".repeat(10_000));
		BAD.put("html/script", SCRIPT);
		BAD.put("sql quote", "' OR 1=1 --");
		BAD.put("sql drop", "1'; DROP TABLE clip; --");
		BAD.put("path traversal", "../../etc/passwd");
		BAD.put("windows traversal", "..\\..\\windows\\win.ini");
		BAD.put("nul byte", "a\u0000b");
		BAD.put("crlf", "x\r\nSet-Cookie: loaxa=1");
		BAD.put("impossible date", "31/02/2026");
		BAD.put("far date", "9999-12-31");
		BAD.put("odd unicode", "\u202Eổ😀\uFEFF\uD800");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserAccounts accounts;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final ObjectMapper json = new ObjectMapper();
	private final Map<Who, SweepClient> api = new LinkedHashMap<>();
	private final Map<Who, SweepClient> web = new LinkedHashMap<>();
	private final List<String> failures = new ArrayList<>();
	private final Map<String, Integer> outcomes = new TreeMap<>();
	private final Map<String, Integer> kinds = new TreeMap<>();
	private final Set<String> covered = new LinkedHashSet<>();
	private final AtomicInteger counter = new AtomicInteger();
	private int inputs;
	private int refusedUnchanged;
	private int refusedGets;
	private long approvedClip;
	private long pendingClip;
	private long victimUser;
	private long target;
	private int targetYear;
	private byte[] goodAudio;
	private Map<String, String> state;

	enum Who {
		ADMIN, OFFICER, TECHNICIAN, ANONYMOUS
	}

	/** A parameter of an endpoint, as read from its handler method. */
	record Param(String name, Source source, Class<?> type, boolean multiple) {
	}

	enum Source {
		PATH, QUERY, FILE, JSON_FIELD, HEADER
	}

	record Endpoint(String method, String pattern, HandlerMethod handler, boolean api, String produces, boolean multipart,
			List<Param> params, boolean jsonBody, Set<Role> roles) {

		boolean allows(Who who) {
			return switch (who) {
				case ADMIN -> roles == null || roles.contains(Role.ADMIN);
				case OFFICER -> roles == null || roles.contains(Role.OFFICER);
				case TECHNICIAN -> roles == null || roles.contains(Role.TECHNICIAN);
				case ANONYMOUS -> false;
			};
		}

		String name() {
			return method + " " + pattern + (produces == null ? "" : " (" + produces + ")")
					+ (multipart && api ? " [multipart]" : "");
		}
	}

	@BeforeAll
	void people() throws Exception {
		accounts.create(OFFICER, "Cán bộ chỉ có quyền OFFICER", PASSWORD, EnumSet.of(Role.OFFICER), "sweep");
		accounts.create(TECHNICIAN, "Kỹ thuật viên chỉ có quyền TECHNICIAN", PASSWORD, EnumSet.of(Role.TECHNICIAN),
				"sweep");
		victimUser = accounts.create(VICTIM, "Tài khoản bị thử", PASSWORD, EnumSet.of(Role.OFFICER), "sweep").id();
		ApiClient admin = ApiClient.as(port, ApiTestSupport.ADMIN, ApiTestSupport.ADMIN_PASSWORD);
		approvedClip = admin.upload("da-duyet.mp3", TestAudio.uniqueMp3(1, "Tin đã duyệt")).id();
		assertThat(admin.post("/api/clips/" + approvedClip + "/approve").status()).isEqualTo(200);
		pendingClip = admin.upload("cho-duyet.mp3", TestAudio.uniqueMp3(1, "Tin chờ duyệt")).id();
		goodAudio = TestAudio.uniqueMp3(1, "Tin tải lên trong lúc quét");
		Map<String, Object> row = jdbc.queryForMap("SELECT id, plan_year FROM plan_target ORDER BY id FETCH FIRST 1 ROWS ONLY");
		target = ((Number) row.get("ID")).longValue();
		targetYear = ((Number) row.get("PLAN_YEAR")).intValue();

		api.put(Who.ADMIN, SweepClient.basic(port, ApiTestSupport.ADMIN, ApiTestSupport.ADMIN_PASSWORD));
		api.put(Who.OFFICER, SweepClient.basic(port, OFFICER, PASSWORD));
		api.put(Who.TECHNICIAN, SweepClient.basic(port, TECHNICIAN, PASSWORD));
		api.put(Who.ANONYMOUS, SweepClient.anonymous(port));
		web.put(Who.ADMIN, SweepClient.browser(port, ApiTestSupport.ADMIN, ApiTestSupport.ADMIN_PASSWORD));
		web.put(Who.OFFICER, SweepClient.browser(port, OFFICER, PASSWORD));
		web.put(Who.TECHNICIAN, SweepClient.browser(port, TECHNICIAN, PASSWORD));
		web.put(Who.ANONYMOUS, SweepClient.anonymous(port));
	}

	@Test
	void everyEndpointRefusesBadInputWithoutA5xxAndWithoutAChange() throws Exception {
		List<Endpoint> all = endpoints();
		state = fingerprint();
		int swept = 0;
		for (Endpoint e : all) {
			boolean changing = !e.method().equals("GET");
			boolean hasParams = !e.params().isEmpty() || e.jsonBody();
			long t0 = System.nanoTime();
			int n0 = inputs;
			if (changing || hasParams) {
				sweep(e);
				swept++;
				if (!changing) {
					getsChangedNothing(e);
				}
			}
			else {
				// a GET without parameters: stray parameters, as whoever asks
				for (Who who : Who.values()) {
					SweepClient.Req req = request(e, Map.of(), "stray parameters as " + who);
					req.param("q", SCRIPT).param("id", "../../etc/passwd");
					check(e, who, req);
				}
				getsChangedNothing(e);
			}
			System.out.printf("sweep: %-60s %5d inputs %6d ms%n", e.name(), inputs - n0, (System.nanoTime() - t0) / 1_000_000);
		}
		sweepLogin();
		int pages = noPageShowsTheScript();

		System.out.println("==== bad-input sweep ====");
		System.out.println("endpoints (handler methods) enumerated: " + all.size());
		System.out.println("endpoints swept with bad values (POST/PUT/DELETE, GET with parameters, + login form): "
				+ (swept + 1));
		System.out.println("endpoints covered in all: " + covered.size());
		System.out.println("inputs tried (requests sent): " + inputs);
		System.out.println("refused requests checked for no change: " + refusedUnchanged);
		System.out.println("answers by status: " + outcomes);
		System.out.println("requests by kind: " + kinds);
		System.out.println("pages checked for the unescaped script: " + pages);
		System.out.println("failures: " + failures.size());
		failures.stream().limit(40).forEach(f -> System.out.println("  " + (f.length() > 400 ? f.substring(0, 400) + "…" : f)));
		Files.write(Path.of("target", "bad-input-sweep-failures.txt"), failures, StandardCharsets.UTF_8);

		assertThat(covered).as("every endpoint was reached").hasSize(all.size() + 1);
		assertThat(failures).as("bad input answered with a 5xx, a change without permission, or a stored refusal")
			.isEmpty();
	}

	/** A GET changes nothing, whatever it is asked: the tables after all its requests are as before them. */
	private void getsChangedNothing(Endpoint e) {
		Map<String, String> after = fingerprint();
		if (!after.equals(state)) {
			noChange(e, new SweepClient.Req("GET", e.pattern(), "all its GETs"), state, after);
		}
		else {
			refusedUnchanged += refusedGets;
		}
		refusedGets = 0;
		state = after;
	}

	// ------------------------------------------------------------------ the sweep of one endpoint

	private void sweep(Endpoint e) throws Exception {
		Map<String, String> none = Map.of();
		check(e, Who.ADMIN, request(e, none, "valid"));
		for (Param p : e.params()) {
			for (Map.Entry<String, String> bad : BAD.entrySet()) {
				if (p.source() == Source.HEADER && (bad.getValue().contains("\r") || bad.getValue().contains("\u0000"))) {
					continue; // a header cannot carry these at all
				}
				check(e, Who.ADMIN, request(e, Map.of(p.name(), bad.getValue()), p.name() + " = " + bad.getKey()));
			}
			if (e.api() && (p.name().equals("period") || p.name().equals("format"))) {
				unknown(e, p.name(), p.name().equals("period") ? "2026-Q9" : "odt");
			}
			if (p.source() == Source.PATH) {
				// unencoded: the traversal reaches the server as path segments
				SweepClient.Req raw = new SweepClient.Req(e.method(),
						expand(e, Map.of(p.name(), "../../etc/passwd"), false), p.name() + " = raw traversal");
				raw.accept = accept(e);
				fill(e, raw, Map.of());
				check(e, Who.ADMIN, raw);
			}
			else if (p.source() == Source.FILE) {
				for (SweepClient.FilePart file : badFiles(p.name())) {
					SweepClient.Req req = request(e, Map.of(p.name(), "\u0001file"), p.name() + " = " + file.fileName());
					req.files.removeIf(f -> f.name().equals(p.name()));
					req.files.add(file);
					check(e, Who.ADMIN, req);
				}
			}
			else {
				check(e, Who.ADMIN, request(e, Map.of(p.name(), "\u0000omit"), p.name() + " left out"));
				check(e, Who.ADMIN, request(e, Map.of(p.name(), "\u0000repeat"), p.name() + " repeated"));
				if (p.source() == Source.JSON_FIELD) {
					for (String wrongJson : List.of("{\"a\":1}", "[1,2]", "1e400", "true", "null")) {
						check(e, Who.ADMIN, request(e, Map.of(p.name(), "\u0000json" + wrongJson),
								p.name() + " = JSON " + wrongJson));
					}
				}
			}
		}
		if (e.jsonBody()) {
			for (String body : List.of("", "{", "[]", "null", "\"text\"", "{\"x\":" + "[".repeat(5000) + "}",
					"{\"reason\":\"" + "ă".repeat(10_000) + "\"}", "{\"reason\":\"" + SCRIPT.replace("\"", "\\\"") + "\"}")) {
				SweepClient.Req req = request(e, Map.of(), "JSON body " + (body.length() > 20 ? body.substring(0, 20) + "…" : body));
				req.json = body;
				check(e, Who.ADMIN, req);
			}
			SweepClient.Req wrongType = request(e, Map.of(), "JSON as text/plain");
			wrongType.contentType = "text/plain";
			check(e, Who.ADMIN, wrongType);
			SweepClient.Req form = request(e, Map.of(), "JSON as a form");
			form.contentType = "application/x-www-form-urlencoded";
			form.rawBody = "clipId=1&zones=ban-1";
			check(e, Who.ADMIN, form);
		}
		// the other users: valid input, then every parameter at once with script, SQL, or 10,000 chars
		for (Who who : List.of(Who.OFFICER, Who.TECHNICIAN, Who.ANONYMOUS)) {
			check(e, who, request(e, none, "valid as " + who));
			for (String bad : List.of("html/script", "sql quote", "10,000 chars")) {
				Map<String, String> all = new LinkedHashMap<>();
				e.params().stream().filter(p -> p.source() != Source.FILE).forEach(p -> all.put(p.name(), BAD.get(bad)));
				if (!all.isEmpty()) {
					check(e, who, request(e, all, "every parameter = " + bad + " as " + who));
				}
			}
		}
		if (!e.api() && !e.method().equals("GET")) {
			for (SweepClient.CsrfMode mode : List.of(SweepClient.CsrfMode.NONE, SweepClient.CsrfMode.INVALID)) {
				for (Who who : List.of(Who.ADMIN, Who.OFFICER)) {
					SweepClient.Req req = request(e, none, "CSRF " + mode + " as " + who);
					req.csrf = mode;
					check(e, who, req);
				}
			}
		}
	}

	/** The login form: bad user names, and bad passwords for a user nobody else uses (it may lock). */
	private void sweepLogin() throws Exception {
		Endpoint login = new Endpoint("POST", "/login", null, false, null, false,
				List.of(new Param("username", Source.QUERY, String.class, false),
						new Param("password", Source.QUERY, String.class, false)),
				false, null);
		for (Map.Entry<String, String> bad : BAD.entrySet()) {
			for (String field : List.of("username", "password")) {
				SweepClient client = SweepClient.atLoginPage(port);
				SweepClient.Req req = new SweepClient.Req("POST", "/login", field + " = " + bad.getKey());
				req.param("username", field.equals("username") ? bad.getValue() : VICTIM)
					.param("password", field.equals("password") ? bad.getValue() : "sai-mat-khau-" + bad.getKey());
				Map<String, String> before = state;
				SweepClient.Resp r = client.send(req);
				count(login, r);
				Map<String, String> after = fingerprint();
				if (r.status() >= 500) {
					failures.add(login.name() + " " + req.label + ": " + r);
				}
				else if (!(r.status() >= 400 || r.status() == 302 && String.valueOf(r.location()).contains("/login"))) {
					failures.add(login.name() + " " + req.label + ": logged in or odd answer " + r);
				}
				else {
					noChange(login, req, before, after);
				}
				state = after;
			}
		}
	}

	/** Sends one request, classifies the answer, and checks the tables. */
	/**
	 * An unknown report period or format (a quarter 9, an "odt" export): 4xx JSON naming the error
	 * with a message for the user, like every refusal of the API.
	 */
	private void unknown(Endpoint e, String name, String value) throws Exception {
		SweepClient.Req req = request(e, Map.of(name, value), name + " = unknown " + value);
		SweepClient.Resp r = api.get(Who.ADMIN).send(req);
		count(e, r);
		kinds.merge("unknown period or format", 1, Integer::sum);
		boolean clear = false;
		if (r.status() >= 400 && r.status() < 500 && String.valueOf(r.contentType()).contains("json")) {
			var body = json.readTree(r.body());
			clear = !body.path("error").asText().isBlank() && !body.path("message").asText().isBlank();
		}
		if (!clear) {
			failures.add(e.name() + " " + req + ": an unknown " + name + " is not a 4xx JSON error: " + r);
		}
	}

	private void check(Endpoint e, Who who, SweepClient.Req req) throws Exception {
		check(e, who, req, !e.method().equals("GET"));
	}

	/** {@code watch}: compare the tables around this request (a GET endpoint is compared as a whole). */
	private void check(Endpoint e, Who who, SweepClient.Req req, boolean watch) throws Exception {
		SweepClient client = (e.api() ? api : web).get(who);
		Map<String, String> before = state;
		SweepClient.Resp r;
		try {
			r = client.send(req);
		}
		catch (IllegalArgumentException ex) {
			return; // the HTTP client itself refuses to send it (not counted)
		}
		count(e, r);
		String what = e.name() + " " + req + " as " + who;
		boolean refused;
		if (r.status() >= 500 && !optionalEngineAbsent(r)) {
			failures.add(what + ": " + r);
			refused = true;
		}
		else if (who == Who.ANONYMOUS && !PUBLIC.contains(e.pattern())) {
			kinds.merge("without log-in", 1, Integer::sum);
			// valid input: 401 on the API, the login page (or 403 for a POST without a session's token);
			// bad input may be turned away even before that (Tomcat, the firewall): any 4xx
			boolean toLogin = r.status() == 302 && String.valueOf(r.location()).contains("/login");
			boolean expected = e.api() ? r.status() == 401 : toLogin || r.status() == 403;
			if (!(expected || !req.label.startsWith("valid") && r.status() >= 400)) {
				failures.add(what + ": not refused without log-in: " + r);
			}
			refused = true;
		}
		else if (req.csrf != SweepClient.CsrfMode.VALID && !e.api() && !e.method().equals("GET")) {
			kinds.merge("form without a valid CSRF token", 1, Integer::sum);
			if (r.status() != 403) {
				failures.add(what + ": a form without a valid CSRF token was not refused: " + r);
			}
			refused = true;
		}
		else if (!e.allows(who) && !PUBLIC.contains(e.pattern())) {
			kinds.merge("wrong role (" + who + ")", 1, Integer::sum);
			// valid input: 403; bad input may fail binding or the container first: any 4xx
			if (req.label.startsWith("valid") ? r.status() != 403 : r.status() < 400) {
				failures.add(what + ": a role that may not was not refused with 403: " + r);
			}
			refused = true;
		}
		else {
			refused = refusal(client, e, r);
			kinds.merge(refused ? "permitted user, refused" : "permitted user, accepted", 1, Integer::sum);
		}
		if (watch) {
			Map<String, String> after = fingerprint();
			if (refused) {
				noChange(e, req, before, after);
			}
			state = after;
		}
		else if (refused) {
			refusedGets++;
		}
	}

	private void noChange(Endpoint e, SweepClient.Req req, Map<String, String> before, Map<String, String> after) {
		if (before.equals(after)) {
			refusedUnchanged++;
			return;
		}
		List<String> changed = new ArrayList<>();
		after.forEach((k, v) -> {
			if (!v.equals(before.get(k))) {
				changed.add(k);
			}
		});
		failures.add(e.name() + " " + req + ": refused, yet changed " + changed);
	}

	/** A 4xx, or an answer of a permitted user that shows an error message (possibly after its redirect). */
	private boolean refusal(SweepClient client, Endpoint e, SweepClient.Resp r) throws IOException {
		if (r.status() >= 400) {
			plainWords(e, r);
			return true;
		}
		if (r.html() && showsError(r.body())) {
			plainWords(e, r);
			return true;
		}
		if (!e.api() && (r.status() == 302 || r.status() == 303) && r.location() != null
				&& !r.location().contains("/login")) {
			SweepClient.Resp page = client.follow(r);
			if (page.status() >= 500) {
				failures.add(e.name() + ": the page after the redirect answered " + page);
			}
			boolean refused = page.status() >= 400 || page.html() && showsError(page.body());
			if (refused) {
				plainWords(e, page);
			}
			return refused;
		}
		return false;
	}

	/** The alerts, field messages and error page's text of a refusal; what the person reads. */
	private static final Pattern SHOWN = Pattern.compile(
			"<(div|span|p|li|small)[^>]*class=\"[^\"]*(?:alert-danger|invalid-feedback|lead)[^\"]*\"[^>]*>(.*?)</\\1>",
			Pattern.DOTALL);
	/** A Java class, a stack line, or an English word of a technical message where a Vietnamese reason exists. */
	private static final Pattern TECHNICAL = Pattern.compile("[A-Z][A-Za-z]+(?:Exception|Error)\\b|\\bat [a-z]+\\.[a-z]"
			+ "|\\b(?:java|jakarta|org\\.springframework)\\.|(?i:\\b(?:error|invalid|failed|failure|null|bad request|not found"
			+ "|forbidden|unauthorized|required|must|mismatch|parse|convert|unsupported|content type|no message)\\b)");

	/**
	 * A refusal is told in plain Vietnamese: on a page, no exception class, stack line or English
	 * technical word (values echoed back in «…» or quotes are the sender's, not ours, and the codes a
	 * parameter takes, FAILED or NEWS, are values, not prose); in the API's
	 * JSON, no exception class or stack line in the message.
	 */
	private void plainWords(Endpoint e, SweepClient.Resp r) {
		List<String> texts = new ArrayList<>();
		if (r.html()) {
			Matcher m = SHOWN.matcher(r.body());
			while (m.find()) {
				texts.add(m.group(2).replaceAll("<[^>]+>", " "));
			}
		}
		else if (r.body() != null && r.body().startsWith("{")) {
			try {
				String message = json.readTree(r.body()).path("message").asText("");
				// the API answers "Vietnamese / English": only the Vietnamese half is held to plain words
				texts.add(message.contains(" / ") ? message.substring(0, message.indexOf(" / ")) : message);
			}
			catch (IOException ex) {
				failures.add(e.name() + ": a refusal that is not JSON: " + r);
			}
		}
		for (String text : texts) {
			String ours = org.springframework.web.util.HtmlUtils.htmlUnescape(text)
				.replaceAll("«[^»]*»|\"[^\"]*\"|'[^']*'|“[^”]*”|„[^“]*“", "«»")
				.replaceAll("\\b[A-Z][A-Z_]{2,}\\b", "CODE"); // a value to type (FAILED, NEWS) is a code, not prose
			Matcher technical = TECHNICAL.matcher(ours);
			if (technical.find()) {
				failures.add(e.name() + ": a refusal shows «" + technical.group() + "» to the person: "
						+ ours.strip().replaceAll("\\s+", " "));
			}
		}
	}

	private static boolean showsError(String html) {
		return html.contains("alert-danger") || html.contains("is-invalid");
	}

	private void count(Endpoint e, SweepClient.Resp r) {
		inputs++;
		covered.add(e.name());
		outcomes.merge(r.status() / 100 + "xx", 1, Integer::sum);
	}

	// ------------------------------------------------------------------ requests

	/** A request with every parameter valid except those in {@code override} (special values start with NUL). */
	private SweepClient.Req request(Endpoint e, Map<String, String> override, String label) {
		SweepClient.Req req = new SweepClient.Req(e.method(), expand(e, override, true), label);
		req.accept = accept(e);
		fill(e, req, override);
		return req;
	}

	private String accept(Endpoint e) {
		if (e.produces() != null) {
			return e.produces();
		}
		return e.api() ? "application/json" : "text/html,application/xhtml+xml,*/*;q=0.8";
	}

	private void fill(Endpoint e, SweepClient.Req req, Map<String, String> override) {
		req.multipart = e.multipart();
		Map<String, Object> body = new LinkedHashMap<>();
		for (Param p : e.params()) {
			if (p.source() == Source.PATH) {
				continue;
			}
			String value = override.containsKey(p.name()) ? override.get(p.name()) : valid(e, p);
			if (value == null || value.equals("\u0000omit")) {
				continue;
			}
			boolean repeat = value.equals("\u0000repeat");
			if (repeat) {
				value = valid(e, p) == null ? "x" : valid(e, p);
			}
			switch (p.source()) {
				case FILE -> req.files.add(new SweepClient.FilePart(p.name(), "ban-tin.mp3", goodAudio));
				case JSON_FIELD -> body.put(p.name(), jsonValue(p, value));
				case HEADER -> req.param(p.name(), value);
				default -> {
					req.param(p.name(), value);
					if (repeat) {
						req.param(p.name(), SCRIPT);
					}
				}
			}
		}
		if (e.jsonBody()) {
			try {
				req.json = json.writeValueAsString(body);
			}
			catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	private Object jsonValue(Param p, String value) {
		if (value.startsWith("\u0000json")) {
			try {
				return json.readTree(value.substring(5));
			}
			catch (IOException ex) {
				return value.substring(5);
			}
		}
		if (value.equals("\u0000repeat")) {
			return value;
		}
		boolean number = Number.class.isAssignableFrom(p.type()) || p.type().isPrimitive() && p.type() != boolean.class;
		if (number && value.matches("-?\\d{1,18}")) {
			return Long.parseLong(value);
		}
		if ((p.type() == Boolean.class || p.type() == boolean.class) && value.matches("true|false")) {
			return Boolean.parseBoolean(value);
		}
		if (p.multiple()) {
			return List.of(value);
		}
		return value;
	}

	/** The pattern with its variables filled in, URL-encoded (or raw). */
	private String expand(Endpoint e, Map<String, String> override, boolean encode) {
		String path = e.pattern();
		for (Param p : e.params()) {
			if (p.source() == Source.PATH) {
				String value = override.containsKey(p.name()) ? override.get(p.name()) : valid(e, p);
				String text = encode ? URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20") : value;
				path = path.replaceFirst("\\{" + Pattern.quote(p.name()) + "(:[^}]*)?}", Matcher.quoteReplacement(text));
			}
		}
		return path;
	}

	/** A valid value of a parameter, by its name (and the endpoint it belongs to); null = leave it out. */
	private String valid(Endpoint e, Param p) {
		String name = p.name().toLowerCase(java.util.Locale.ROOT);
		LocalDate today = LocalDate.now(FaultCommune.HCM);
		int n = counter.incrementAndGet();
		return switch (name) {
			case "id" -> e.pattern().startsWith("/users") ? String.valueOf(victimUser)
					: e.pattern().contains("/targets") ? String.valueOf(target)
					: e.pattern().contains("/clips") ? String.valueOf(approvedClip)
					: e.pattern().startsWith("/api/channels") ? "kenh-1"
					: e.pattern().startsWith("/api/zones") || e.pattern().startsWith("/zones/plan") ? "ban-1"
					: e.pattern().startsWith("/api/groups") ? "nhom-1"
					: e.pattern().contains("/bulletins") || e.pattern().contains("/inbox") ? "1"
					: e.pattern().contains("/relays") ? "tiep-song-1"
					: e.pattern().contains("/broadcasts") ? "1" : null;
			case "clipid" -> String.valueOf(e.pattern().contains("play-now") ? pendingClip : approvedClip);
			case "channel" -> "kenh-1";
			case "slotkey", "key" -> SLOT_KEY;
			case "date" -> today.toString();
			case "from" -> today.minusDays(7).toString();
			case "to" -> today.toString();
			case "year" -> String.valueOf(targetYear);
			case "zones", "zone" -> "ban-1";
			case "target" -> "ban-2";
			case "kind", "kinds" -> e.pattern().startsWith("/zones/plan") ? "zones" : "NEWS";
			case "topic", "topics" -> "OTHER";
			case "priority", "level" -> "NORMAL";
			case "repeat", "communes", "text" -> null;
			case "wait" -> "0";
			case "status" -> "APPROVED";
			case "measure" -> "CLIPS";
			case "outcome" -> "PLAYED";
			case "roles" -> "OFFICER";
			case "format" -> "json";
			case "period" -> targetYear + "-Q1";
			case "view" -> "day";
			case "action" -> "PIN";
			case "username" -> "sweep-new-" + n;
			case "displayname" -> "Người dùng thử " + n;
			case "password" -> "mat-khau-moi-" + n + "-dai";
			case "enabled" -> "true";
			case "confirm" -> "false";
			case "permonth" -> "false";
			case "planned" -> "5";
			case "name" -> "Mục thử " + n;
			case "title" -> "Bản tin thử " + n;
			case "start" -> "04:" + String.format("%02d", n % 60);
			case "length" -> "1m";
			case "days" -> null;
			case "dates" -> today.plusDays(90).toString();
			case "validfrom" -> e.pattern().startsWith("/zones") ? null : today.toString();
			case "validuntil" -> e.pattern().startsWith("/zones") ? null : today.plusDays(30).toString();
			case "communename" -> "Xã Thử";
			case "superiorauthority" -> "UBND Tỉnh Thử";
			case "signername" -> "Nguyễn Văn Ký";
			case "province" -> "Tỉnh Thử";
			case "officername" -> "Nguyễn Văn Thử";
			case "reason" -> "Lý do thử";
			case "notes" -> "Ghi chú";
			case "q" -> "tin";
			case "actor" -> "admin";
			case "file", "files" -> "file";
			case "originalkey", "edit", "after", "before", "except", "intro", "outro" -> null;
			default -> p.type() == boolean.class || p.type() == Boolean.class ? "true"
					: Number.class.isAssignableFrom(p.type()) || p.type().isPrimitive() ? "1" : "thử";
		};
	}

	private List<SweepClient.FilePart> badFiles(String name) throws IOException {
		byte[] noise = new byte[10_000];
		new java.util.Random(6).nextBytes(noise);
		return List.of(new SweepClient.FilePart(name, "rong.mp3", new byte[0]),
				new SweepClient.FilePart(name, "../../etc/passwd", noise),
				new SweepClient.FilePart(name, SCRIPT + ".mp3", "<html><script>alert(1)</script></html>".getBytes()),
				new SweepClient.FilePart(name, "' OR 1=1 --.wav", noise),
				new SweepClient.FilePart(name, "ă".repeat(10_000) + ".mp3", noise),
				new SweepClient.FilePart(name, "", noise),
				new SweepClient.FilePart(name, "not-audio.mp3", ApiTestSupport.fixture("not-audio.mp3")));
	}

	// ------------------------------------------------------------------ endpoints from Spring MVC

	private List<Endpoint> endpoints() {
		List<Endpoint> list = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = m.getValue();
			if (!handler.getBeanType().getName().startsWith("vn.loaxa.")
					|| handler.getBeanType().getSimpleName().equals("LoaxaErrorController")) {
				continue;
			}
			RequestMappingInfo info = m.getKey();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			List<String> verbs = methods.isEmpty() ? List.of("GET", "POST")
					: methods.stream().map(Enum::name).sorted().toList();
			String produces = info.getProducesCondition().getProducibleMediaTypes().stream()
				.map(Object::toString)
				.findFirst()
				.orElse(null);
			boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().stream()
				.anyMatch(t -> t.toString().startsWith("multipart/"));
			List<Param> params = new ArrayList<>();
			boolean jsonBody = false;
			for (MethodParameter parameter : handler.getMethodParameters()) {
				parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
				Class<?> type = parameter.getParameterType();
				PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
				RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
				RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
				RequestBody body = parameter.getParameterAnnotation(RequestBody.class);
				ModelAttribute form = parameter.getParameterAnnotation(ModelAttribute.class);
				if (path != null) {
					params.add(new Param(nameOf(path.name(), parameter), Source.PATH, type, false));
				}
				else if (query != null) {
					boolean files = MultipartFile.class.isAssignableFrom(type) || elementType(parameter) == MultipartFile.class;
					params.add(new Param(nameOf(query.name(), parameter), files ? Source.FILE : Source.QUERY,
							Collection.class.isAssignableFrom(type) ? elementType(parameter) : type,
							Collection.class.isAssignableFrom(type)));
					multipart |= files;
				}
				else if (header != null) {
					params.add(new Param(nameOf(header.name(), parameter), Source.HEADER, type, false));
				}
				else if (body != null) {
					jsonBody = true;
					if (type.isRecord()) {
						for (RecordComponent c : type.getRecordComponents()) {
							params.add(new Param(c.getName(), Source.JSON_FIELD, c.getType(),
									Collection.class.isAssignableFrom(c.getType())));
						}
					}
					else if (Map.class.isAssignableFrom(type)) {
						params.add(new Param("reason", Source.JSON_FIELD, String.class, false));
					}
				}
				else if (form != null || type.getName().startsWith("vn.loaxa.") && !type.isEnum()) {
					for (PropertyDescriptor d : BeanUtils.getPropertyDescriptors(type)) {
						if (d.getWriteMethod() != null) {
							params.add(new Param(d.getName(), Source.QUERY, d.getPropertyType(),
									Collection.class.isAssignableFrom(d.getPropertyType())));
						}
					}
				}
			}
			PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
			if (rule == null) {
				rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
			}
			Set<Role> roles = rule == null ? null : roles(rule.value());
			for (String pattern : info.getPatternValues()) {
				for (String verb : verbs) {
					list.add(new Endpoint(verb, pattern, handler, pattern.startsWith("/api/") || pattern.equals("/api"),
							produces, multipart, List.copyOf(params), jsonBody, roles));
				}
			}
		}
		list.sort(java.util.Comparator.comparing(Endpoint::name));
		return list;
	}

	private static String nameOf(String annotated, MethodParameter parameter) {
		return annotated != null && !annotated.isBlank() ? annotated : parameter.getParameterName();
	}

	private static Class<?> elementType(MethodParameter parameter) {
		Type generic = parameter.getGenericParameterType();
		if (generic instanceof ParameterizedType t && t.getActualTypeArguments()[0] instanceof Class<?> c) {
			return c;
		}
		return Object.class;
	}

	/**
	 * The sweep's context has no speech engine and no microphone: text bulletins then answer 503
	 * tts_unavailable and live announcements 503 live_unavailable, the documented answers of an
	 * optional engine or device that is not there (nothing stored, nothing interrupted), not a crash.
	 */
	private static boolean optionalEngineAbsent(SweepClient.Resp r) {
		return r.status() == 503 && (r.body().contains("\"error\":\"tts_unavailable\"")
				|| r.body().contains("\"error\":\"live_unavailable\""));
	}

	private static Set<Role> roles(String expression) {
		if (expression.equals("isAuthenticated()")) {
			return EnumSet.allOf(Role.class);
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Matcher m = Pattern.compile("'([A-Z_]+)'").matcher(expression);
		while (m.find()) {
			roles.add(Role.valueOf(m.group(1)));
		}
		if (roles.isEmpty()) {
			throw new IllegalStateException("a rule this sweep cannot read: " + expression);
		}
		return roles;
	}

	// ------------------------------------------------------------------ what must not change

	/** Pages anyone may open (SecurityConfig's permitAll). */
	private static final Set<String> PUBLIC = Set.of("/login");

	private static final List<String> TABLES = List.of("clip", "clip_history", "broadcast_record",
			"broadcast_chain_head", "schedule_channel", "schedule_zone", "schedule_group", "schedule_holiday",
			"schedule_slot", "programme_pin", "report_plan", "plan_target", "commune_settings");

	/** A digest per table (rows sorted) and per watched folder (names, sizes, contents). */
	private Map<String, String> fingerprint() {
		Map<String, String> digest = new TreeMap<>();
		for (String table : TABLES) {
			digest.put(table, rows("SELECT * FROM " + table));
		}
		// the lockout counters change on every failed log-in, by design
		digest.put("app_user", rows("SELECT id, username, display_name, password_hash, roles, enabled, "
				+ "password_changed_at FROM app_user"));
		digest.put("files: clips", files(ROOT.resolve("data/clips")));
		digest.put("files: tmp", files(ROOT.resolve("data/tmp")));
		digest.put("files: schedules", files(ROOT.resolve("schedules")));
		return digest;
	}

	private String rows(String sql) {
		List<String> rows = jdbc.query(sql, (rs, i) -> {
			StringBuilder row = new StringBuilder();
			for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
				row.append(rs.getString(c)).append('\u0001');
			}
			return row.toString();
		});
		return sha(String.join("\n", rows.stream().sorted().toList()));
	}

	private static String files(Path dir) {
		if (!Files.isDirectory(dir)) {
			return "absent";
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			StringBuilder text = new StringBuilder();
			for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
				text.append(dir.relativize(p)).append(' ').append(Files.size(p)).append(' ')
					.append(p.toString().endsWith(".yaml") ? sha(Files.readString(p)) : "").append('\n');
			}
			return sha(text.toString());
		}
		catch (IOException e) {
			return "unreadable: " + e;
		}
	}

	private static String sha(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** After the sweep, every page (and every clip's and user's) shows the script payload only escaped. */
	private int noPageShowsTheScript() throws IOException {
		SweepClient admin = web.get(Who.ADMIN);
		List<String> pages = new ArrayList<>(List.of("/", "/clips", "/queue", "/schedule", "/schedule?view=week", "/zones",
				"/on-air", "/broadcasts", "/reports", "/reports/plan", "/settings", "/users", "/audit", "/clips/upload",
				"/zones/slots/new"));
		for (Long id : jdbc.queryForList("SELECT id FROM clip", Long.class)) {
			pages.add("/clips/" + id);
		}
		for (String key : jdbc.queryForList("SELECT slot_key FROM schedule_slot", String.class)) {
			pages.add("/zones/slots/edit?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
		}
		for (String page : pages) {
			SweepClient.Resp r = admin.send(new SweepClient.Req("GET", page, "escaping"));
			if (r.status() >= 500) {
				failures.add("GET " + page + " after the sweep: " + r);
			}
			if (r.body().contains("<script>alert") || r.body().contains("<img src=x onerror")) {
				failures.add("GET " + page + " shows the script payload unescaped");
			}
		}
		return pages.size();
	}
}
