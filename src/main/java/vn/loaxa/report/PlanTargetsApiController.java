package vn.loaxa.report;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

import vn.loaxa.config.UserError;
import vn.loaxa.security.Actors;
import vn.loaxa.web.ApiController;

/**
 * The yearly propaganda plans, their targets and the commune's settings over the API: what the
 * plan page and the settings page change, with the same checks ({@link PlanTargets},
 * {@link TargetDraft}, {@link CommuneSettingsStore}) and the same messages as 4xx JSON.
 */
@ApiController
class PlanTargetsApiController {

	private static final String OFFICER = "hasAnyRole('OFFICER','ADMIN')";
	private static final String SETTINGS = "hasAnyRole('OFFICER','TECHNICIAN','ADMIN')";

	/** A plan of a year: its name, the number and date it is cited by, and its targets. */
	record PlanView(int year, String name, String number, LocalDate date, List<PlanTarget> targets) {
	}

	/** What PUT takes for a plan; {@code date} dd/MM/yyyy or yyyy-MM-dd, blank for none. */
	record PlanDraft(String name, String number, String date) {
	}

	private final PlanTargets plans;
	private final CommuneSettingsStore settings;

	PlanTargetsApiController(PlanTargets plans, CommuneSettingsStore settings) {
		this.plans = plans;
		this.settings = settings;
	}

	@Operation(summary = "List the plans", description = "Every year's plan with its targets, the latest year first.")
	@GetMapping("/api/plans")
	List<PlanView> plans() {
		return plans.years().stream().map(this::view).toList();
	}

	@Operation(summary = "Read the plan of a year", description = "404 no_plan when the commune has no plan that year.")
	@GetMapping("/api/plans/{year}")
	PlanView plan(@PathVariable int year) {
		return view(year);
	}

	@Operation(summary = "Create or change the plan of a year",
			description = "Body {name, number, date}: \"Kế hoạch tuyên truyền CCHC 2026\", \"45/KH-UBND\", 15/01/2026.")
	@PutMapping("/api/plans/{year}")
	@PreAuthorize(OFFICER)
	PlanView savePlan(@PathVariable int year, @RequestBody PlanDraft draft) {
		plans.savePlan(year, draft.name(), draft.number(), draft.date());
		return view(year);
	}

	@Operation(summary = "Add a target to the plan of a year",
			description = "Body {name, planned, perMonth, kinds, topics, measure, relay}: kinds NEWS, ARTICLE, REPORTAGE, "
					+ "SLOGAN, ANNOUNCEMENT and topics as the clips have them (none: any); measure CLIPS (distinct clips aired), "
					+ "AIRINGS or relayMinutes (whole minutes relayed, no kinds or topics; relay: the id of the one relay "
					+ "it counts, none for all; an unknown relay is 400 unknown_relay with field relay).")
	@ApiResponse(responseCode = "201", description = "The target added")
	@PostMapping("/api/plans/{year}/targets")
	@PreAuthorize(OFFICER)
	ResponseEntity<PlanTarget> addTarget(@PathVariable int year, @RequestBody TargetDraft draft) {
		return ResponseEntity.status(HttpStatus.CREATED).body(plans.save(draft.target(null, year)));
	}

	@Operation(summary = "Change a target", description = "The target replaced by the body, in the plan of its year.")
	@PutMapping("/api/plans/{year}/targets/{id}")
	@PreAuthorize(OFFICER)
	PlanTarget changeTarget(@PathVariable int year, @PathVariable long id, @RequestBody TargetDraft draft) {
		target(year, id);
		return plans.save(draft.target(id, year));
	}

	@Operation(summary = "Remove a target", description = "The target of the plan of that year.")
	@ApiResponse(responseCode = "204", description = "Removed")
	@DeleteMapping("/api/plans/{year}/targets/{id}")
	@PreAuthorize(OFFICER)
	ResponseEntity<Void> deleteTarget(@PathVariable int year, @PathVariable long id) {
		target(year, id);
		plans.delete(id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Read the commune's settings",
			description = "The names of the report's title block, the document number and the place of the date line.")
	@GetMapping("/api/settings")
	CommuneSettings settings() {
		return settings.current();
	}

	@Operation(summary = "Change the commune's settings",
			description = "Body {communeName, superiorAuthority, province, officerName, documentNumber, place, "
					+ "recipients, signerTitle, signerName}, all of them: a field left out is cleared. communeName "
					+ "is required; recipients and signerTitle are lines separated by \\n.")
	@PutMapping("/api/settings")
	@PreAuthorize(SETTINGS)
	CommuneSettings saveSettings(@RequestBody CommuneSettings typed, Authentication auth) {
		return settings.save(typed, Actors.name(auth));
	}

	private PlanView view(int year) {
		Plan plan = plans.plan(year).orElseThrow(() -> new UserError(404, "no_plan", "report.error.noPlan", year));
		PlanTargets.PlanDocument document = plans.document(year);
		return new PlanView(year, plan.name(), document.number(), document.date(), plan.targets());
	}

	/** A target of another year is not found under this one (PUT would move it). */
	private void target(int year, long id) {
		if (plans.target(id).filter(t -> t.planYear() == year).isEmpty()) {
			throw new UserError(404, "target_not_found", "report.error.targetNotFound", id);
		}
	}
}
