package vn.loaxa.province;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.loaxa.config.LoaxaMode;
import vn.loaxa.config.UserError;
import vn.loaxa.province.internal.EvidenceRefused;
import vn.loaxa.province.internal.HubStore;
import vn.loaxa.province.internal.KeyFile;
import vn.loaxa.province.internal.ProvinceDocx;
import vn.loaxa.province.internal.ProvincePdf;
import vn.loaxa.province.internal.ProvinceReportFiles;
import vn.loaxa.report.ReportPeriod;
import vn.loaxa.security.Actors;
import vn.loaxa.security.CommuneKey;
import vn.loaxa.web.ApiController;

/**
 * Evidence over the API. On a commune's PC: its public key and its signed bundle for a period. On
 * the province's hub ({@code loaxa.mode=province}): enrolment, bundles uploaded or pushed, and the
 * province's report. Every {@code /api/province/...} path is also answered at its old
 * {@code /api/district/...} name, for PCs set up before the district level was abolished. A refused
 * bundle answers {@code {error, message, recordId}}.
 */
@ApiController("/api")
class ProvinceApiController {

	private static final String NOT_PROVINCE = "not_province: this LoaXa is a commune's, not the province's hub";
	private static final String HUB_ERROR = "hub_error: the hub failed to store the bundle (nothing kept; send again)";

	record EnrolRequest(String id, String name, String publicKey) {
	}

	record Refusal(String error, String message, Long recordId) {
	}

	private final CommuneKey key;
	private final EvidenceExport export;
	private final ProvinceHub hub;
	private final ProvinceReports reports;
	private final MessageSource messages;
	private final ProvincePdf pdf;
	private final ProvinceDocx docx;
	private final ProvincePush push;
	private final LoaxaMode mode;

	ProvinceApiController(CommuneKey key, EvidenceExport export, ProvinceHub hub, ProvinceReports reports,
			MessageSource messages, ProvincePdf pdf, ProvinceDocx docx, ProvincePush push, LoaxaMode mode) {
		this.pdf = pdf;
		this.docx = docx;
		this.push = push;
		this.key = key;
		this.export = export;
		this.hub = hub;
		this.reports = reports;
		this.messages = messages;
		this.mode = mode;
	}

	@Operation(summary = "The commune's public key (PEM) that signs its evidence",
			description = "The commune's Ed25519 public key, as PEM text.")
	@GetMapping(value = "/evidence/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> publicKey(@RequestParam(defaultValue = "false") boolean download) {
		if (!download) {
			return ResponseEntity.ok(key.publicKeyPem());
		}
		// the file a province officer enrols the commune from: its id and name above the key
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("loaxa-" + export.communeId() + ".pub.pem", StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(KeyFile.write(export.communeId(), export.communeName(), key.publicKeyPem()));
	}

	@Operation(summary = "Sending to the province: what was sent and what waits",
			description = "The commune PC's push to the hub (loaxa.province.url): configured, sentUpTo (the last "
					+ "record id the hub took), lastSuccess, lastAttempt, lastError, waiting (records not sent yet).")
	@GetMapping({ "/province/send", "/district/send" })
	ProvincePush.Status send() {
		return push.status();
	}

	@Operation(summary = "Download the signed evidence bundle of a period",
			description = "A zip of the period's records, the chain head, the public key and the head's signature.")
	@GetMapping("/evidence")
	void bundle(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
		ReportPeriod chosen = ReportPeriod.choose(period, from, to);
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(export.fileName(chosen), StandardCharsets.UTF_8)
			.build()
			.toString());
		export.write(chosen, response.getOutputStream());
	}

	@Operation(summary = "Enrol a commune at the province's hub",
			description = "Body {id, name, publicKey}; answers the commune with the token its PC pushes with. "
					+ "Only on the province's hub.")
	@ApiResponse(responseCode = "201", description = "Enrolled: the commune and its push token")
	@ApiResponse(responseCode = "404", description = NOT_PROVINCE)
	@PostMapping(value = { "/province/communes", "/district/communes" }, consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	ResponseEntity<ProvinceHub.Enrolment> enrol(@RequestBody(required = false) EnrolRequest request,
			Authentication auth) {
		mode.requireProvince();
		if (request == null) {
			throw new UserError(400, "bad_request", "province.error.bad_commune_id");
		}
		return ResponseEntity.status(201)
			.body(hub.enrol(request.id(), request.name(), request.publicKey(), Actors.name(auth)));
	}

	@Operation(summary = "Enrol a commune from its key file or its first evidence bundle",
			description = "Multipart file: the commune's key file (PEM, downloaded from its settings page, naming "
					+ "its id and name) or its first evidence bundle (zip; its records are taken too); optional id and "
					+ "name override those the file names. Only on the province's hub.")
	@ApiResponse(responseCode = "201", description = "Enrolled: the commune and its push token")
	@ApiResponse(responseCode = "404", description = NOT_PROVINCE)
	@PostMapping(value = { "/province/communes", "/district/communes" }, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	ResponseEntity<ProvinceHub.Enrolment> enrolFromFile(@RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String id, @RequestParam(required = false) String name,
			Authentication auth) throws IOException {
		mode.requireProvince();
		if (file == null || file.isEmpty()) {
			throw new UserError(400, "bad_public_key", "province.error.no_key");
		}
		return ResponseEntity.status(201).body(hub.enrolFromFile(id, name, file.getBytes(), Actors.name(auth)));
	}

	@Operation(summary = "List the communes enrolled at the province's hub",
			description = "Id, name, key fingerprint and enrolment time of each commune. Only on the province's hub.")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "404", description = NOT_PROVINCE)
	@GetMapping({ "/province/communes", "/district/communes" })
	List<Map<String, Object>> communes() {
		mode.requireProvince();
		return hub.communes().stream().map(c -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", c.id());
			m.put("name", c.name());
			m.put("fingerprint", c.fingerprint());
			m.put("enrolledAt", c.enrolledAt());
			return m;
		}).toList();
	}

	@Operation(summary = "Upload a commune's evidence bundle to the province's hub",
			description = "Checks the bundle's signature and chain and keeps its new records; a refusal carries "
					+ "the record it stopped at. Only on the province's hub.")
	@ApiResponse(responseCode = "200", description = "Received: the receipt")
	@ApiResponse(responseCode = "404", description = NOT_PROVINCE)
	@ApiResponse(responseCode = "500", description = HUB_ERROR)
	@PostMapping({ "/province/evidence", "/district/evidence" })
	@PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
	ProvinceHub.Receipt upload(@RequestParam("file") MultipartFile file) throws IOException {
		mode.requireProvince();
		try (InputStream in = file.getInputStream()) {
			return hub.receive(in, "api", null);
		}
	}

	/** A commune's PC sends its new records here, as a bundle in the body, with its push token. */
	@Operation(summary = "Receive a commune's push of new records (push token, no account)",
			description = "A commune's PC sends its new records as a bundle in the body, with Authorization: "
					+ "Bearer and its push token instead of an account. Only on the province's hub.")
	@SecurityRequirements
	@ApiResponse(responseCode = "200", description = "Received: the receipt")
	@ApiResponse(responseCode = "401", description = "bad_token: no push token, or not a commune's")
	@ApiResponse(responseCode = "404", description = NOT_PROVINCE)
	@ApiResponse(responseCode = "500", description = HUB_ERROR)
	@PostMapping({ "/province/push", "/district/push" })
	ProvinceHub.Receipt push(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			HttpServletRequest request) throws IOException {
		// the token first: without one this is a request without log-in, refused as such
		HubStore.Commune commune = hub.byAuthorization(authorization);
		mode.requireProvince();
		try (InputStream in = request.getInputStream()) {
			return hub.receive(in, "push", commune.id());
		}
	}

	@Operation(summary = "Download a province report of a period",
			description = "The figures of every enrolled commune for the period; format json (default), csv, "
					+ "xlsx, pdf or docx. Only on the province's hub.")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "404", description = NOT_PROVINCE)
	@GetMapping({ "/province/reports", "/district/reports" })
	void report(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String format,
			HttpServletResponse response) throws IOException {
		mode.requireProvince();
		ReportPeriod chosen = ReportPeriod.choose(period, from, to);
		String f = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
		ProvinceReportFiles.Format kind = ProvinceReportFiles.Format.parse(f);
		ProvinceReports.ProvinceReport report = reports.compute(chosen);
		response.setContentType(kind.mediaType());
		if (kind != ProvinceReportFiles.Format.JSON) {
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("bao-cao-tinh-" + chosen.code() + "." + kind.extension(), StandardCharsets.UTF_8)
				.build()
				.toString());
		}
		if (kind == ProvinceReportFiles.Format.PDF) {
			pdf.write(report, response.getOutputStream());
		}
		else if (kind == ProvinceReportFiles.Format.DOCX) {
			docx.write(report, response.getOutputStream());
		}
		else {
			ProvinceReportFiles.write(report, kind,
					key -> messages.getMessage(key, null, key, java.util.Locale.forLanguageTag("vi")),
					response.getOutputStream());
		}
	}

	@ExceptionHandler(EvidenceRefused.class)
	ResponseEntity<Refusal> refused(EvidenceRefused e, Locale locale) {
		return ResponseEntity.status(e.status())
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Refusal(e.code(), messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale),
					e.recordId()));
	}

}
