package vn.loaxa.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;

import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import vn.loaxa.config.LoaxaClock;
import vn.loaxa.config.LoaxaProperties;

/**
 * The broadcast plan as the rest of LoaXa sees it: what is in force, reloading it from the plan
 * files ("nạp lại"), editing slots, exporting back to YAML, and the slot occurrences in a period.
 * A plan is checked as a whole before it replaces the one in force; a bad one changes nothing.
 */
@Service
public class Schedule {

	private static final Logger log = LoggerFactory.getLogger(Schedule.class);

	/** The outcome of "nạp lại": the errors, each with file and line, when the files were refused. */
	public record ReloadOutcome(boolean ok, int slots, List<PlanError> errors, Instant at) {
	}

	private final PlanStore store;
	private final SlotTriggers triggers;
	private final LoaxaProperties properties;
	private final ScheduleProperties settings;
	private final LoaxaClock clock;
	private final ApplicationEventPublisher events;
	private volatile Plan plan = Plan.empty();
	private volatile ReloadOutcome lastReload;

	private final vn.loaxa.security.AuditTrail audit;

	Schedule(PlanStore store, SlotTriggers triggers, LoaxaProperties properties, ScheduleProperties settings,
			LoaxaClock clock, ApplicationEventPublisher events, vn.loaxa.security.AuditTrail audit) {
		this.audit = audit;
		this.store = store;
		this.triggers = triggers;
		this.properties = properties;
		this.settings = settings;
		this.clock = clock;
		this.events = events;
	}

	@PostConstruct
	void start() {
		plan = store.load();
		if (plan.isEmpty() && settings.loadFilesAtStart()) {
			ReloadOutcome outcome = reload();
			if (!outcome.ok()) {
				log.warn("plan files in {} refused, no schedule in force: {}", properties.schedulesDir().toAbsolutePath(),
						outcome.errors());
			}
		}
		else {
			triggers.sync(plan, zone(), now(), settings.preroll());
		}
		log.info("schedule: {} channels, {} zones, {} groups, {} slots in force", plan.channels().size(),
				plan.zones().size(), plan.groups().size(), plan.slots().size());
	}

	public Plan current() {
		return plan;
	}

	/**
	 * Reads the plan from the database again and, if another PC of a cluster changed it, puts it in
	 * force here (the triggers are shared and already right). True when it changed.
	 */
	public boolean refresh() {
		Plan loaded = store.load();
		if (loaded.equals(plan)) {
			return false;
		}
		plan = loaded;
		log.info("plan changed in the database (by the other PC): {} slots in force", loaded.slots().size());
		events.publishEvent(new PlanChanged(loaded));
		return true;
	}

	public ZoneId zone() {
		return clock.zone();
	}

	public Optional<ReloadOutcome> lastReload() {
		return Optional.ofNullable(lastReload);
	}

	/** "Nạp lại": reads the plan files again; on any error the plan in force stays. */
	public synchronized ReloadOutcome reload() {
		PlanReader reader = new PlanReader(properties.mediaDir());
		PlanReader.Result read = reader.readDirectory(properties.schedulesDir());
		List<PlanError> errors = new ArrayList<>(read.errors());
		if (read.ok()) {
			errors.addAll(PlanChecker.check(read.plan(), clock.today()));
			errors.addAll(PlanChecker.notInPast(read.plan().slots(), clock.today()));
		}
		ReloadOutcome outcome;
		if (errors.isEmpty()) {
			install(read.plan());
			outcome = new ReloadOutcome(true, read.plan().slots().size(), List.of(), now());
			log.info("plan files reloaded: {} slots", read.plan().slots().size());
		}
		else {
			outcome = new ReloadOutcome(false, plan.slots().size(), List.copyOf(errors), now());
			log.warn("plan files refused, the previous plan stays: {}", errors);
		}
		lastReload = outcome;
		return outcome;
	}

	/** Adds a slot, or replaces the slot {@code originalKey}; refused with a {@link PlanError}. */
	public synchronized Slot saveSlot(SlotDraft draft, String originalKey) {
		Optional<Slot> original = originalKey == null || originalKey.isBlank() ? Optional.empty()
				: plan.slot(originalKey);
		String file = original.map(Slot::file).orElse(draft.target() == null ? "web.yaml" : draft.target() + ".yaml");
		int line = original.map(Slot::line).orElse(0);
		PlanReader reader = new PlanReader(properties.mediaDir());
		Slot slot = reader.readSlot(file, draft.target(), node(draft));
		if (!reader.errors().isEmpty()) {
			throw reader.errors().get(0);
		}
		slot = slot.from(new SlotSource(file, line));
		List<Slot> slots = new ArrayList<>(plan.slots());
		original.ifPresent(o -> slots.removeIf(s -> s.key().equals(o.key())));
		slots.add(slot);
		Plan next = plan.withSlots(slots);
		List<PlanError> errors = new ArrayList<>(PlanChecker.check(next, clock.today()));
		errors.addAll(PlanChecker.notInPast(List.of(slot), clock.today()));
		if (!errors.isEmpty()) {
			throw errors.get(0);
		}
		install(next);
		audit.change("slot.save", slot.key(), original.map(Schedule::describe).orElse(null), describe(slot));
		return slot;
	}

	/**
	 * Puts an edited plan in force (a channel, zone or group changed by a form or the API) after the
	 * same checks a reload makes; refused with the first {@link PlanError}, nothing changed.
	 */
	synchronized void apply(java.util.function.UnaryOperator<Plan> edit, String action, String key, String before,
			String after) {
		Plan next = edit.apply(plan);
		List<PlanError> errors = PlanChecker.check(next, clock.today());
		if (!errors.isEmpty()) {
			throw errors.get(0);
		}
		install(next);
		audit.change(action, key, before, after);
	}

	private static String describe(Slot slot) {
		return slot.name() + " · " + slot.target() + " · " + (slot.days().isEmpty() ? slot.dates() : slot.days()) + " "
				+ slot.start() + " " + slot.length() + (slot.topics().isEmpty() ? "" : " " + slot.topics());
	}

	public synchronized void deleteSlot(String key) {
		List<Slot> slots = new ArrayList<>(plan.slots());
		Optional<Slot> removed = plan.slot(key);
		if (slots.removeIf(s -> s.key().equals(key))) {
			install(plan.withSlots(slots));
			audit.change("slot.delete", key, removed.map(Schedule::describe).orElse(key), null);
		}
	}

	/** The plan in force as YAML files (name → text), in the format "nạp lại" reads. */
	public Map<String, String> export() {
		return PlanWriter.write(plan);
	}

	/** Writes the plan in force back to {@code loaxa.schedules-dir}, so the files match the database. */
	public List<String> exportToFiles() {
		Path dir = properties.schedulesDir();
		List<String> written = new ArrayList<>();
		try {
			Files.createDirectories(dir);
			for (Map.Entry<String, String> file : export().entrySet()) {
				Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
				written.add(file.getKey());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return written;
	}

	public List<SlotOccurrence> occurrencesBetween(ZonedDateTime from, ZonedDateTime to) {
		return plan.occurrencesBetween(from.withZoneSameInstant(zone()), to.withZoneSameInstant(zone()));
	}

	public List<SlotOccurrence> occurrencesOn(LocalDate date) {
		return occurrencesBetween(date.atStartOfDay(zone()), date.plusDays(1).atStartOfDay(zone()));
	}

	public Optional<Instant> nextFire(String slotKey) {
		try {
			Date next = triggers.nextFire(slotKey);
			return Optional.ofNullable(next).map(Date::toInstant);
		}
		catch (SchedulerException e) {
			return Optional.empty();
		}
	}

	/**
	 * A trigger fired (a pre-roll ahead of the start, or late after a misfire): the slot's latest
	 * occurrence starting by then is due.
	 */
	void fired(String key, Instant firedAt) {
		// the plan as stored: another PC of a cluster may have changed it since this one loaded it
		plan = store.load();
		Optional<Slot> slot = plan.slot(key);
		if (slot.isEmpty()) {
			log.warn("trigger fired for slot {} which is no longer in the plan", key);
			return;
		}
		ZonedDateTime at = firedAt.atZone(zone());
		List<SlotOccurrence> due = slot.get().occurrencesBetween(at.minusHours(24), at.plus(settings.preroll()).plusSeconds(2));
		if (due.isEmpty()) {
			log.info("slot {} does not air on {} (holiday, day off or outside its validity)", key, at.toLocalDate());
			return;
		}
		events.publishEvent(new SlotDue(due.get(due.size() - 1), firedAt));
	}

	private void install(Plan next) {
		store.replace(next);
		plan = store.load();
		triggers.sync(plan, zone(), now(), settings.preroll());
		events.publishEvent(new PlanChanged(plan));
	}

	private Instant now() {
		return clock.now().toInstant();
	}

	private static MappingNode node(SlotDraft d) {
		List<NodeTuple> tuples = new ArrayList<>();
		put(tuples, "name", d.name());
		put(tuples, "start", d.start());
		put(tuples, "length", d.length());
		putList(tuples, "days", d.days());
		putList(tuples, "dates", words(d.dates()));
		putList(tuples, "topics", d.topics());
		put(tuples, "intro", d.intro());
		put(tuples, "outro", d.outro());
		put(tuples, "relay", d.relay());
		put(tuples, "validFrom", d.validFrom());
		put(tuples, "validUntil", d.validUntil());
		putList(tuples, "except", words(d.except()));
		return new MappingNode(Tag.MAP, tuples, DumperOptions.FlowStyle.BLOCK);
	}

	/** Each value, a date or several typed in one field ("24/12/2026, 31/12/2026"), split into its dates. */
	private static List<String> words(List<String> values) {
		return values.stream().filter(v -> !v.isBlank()).flatMap(v -> Arrays.stream(v.trim().split("[,;\\s]+"))).toList();
	}

	private static void put(List<NodeTuple> tuples, String key, String value) {
		if (value != null && !value.isBlank()) {
			tuples.add(new NodeTuple(scalar(key), scalar(value.trim())));
		}
	}

	private static void putList(List<NodeTuple> tuples, String key, List<String> values) {
		List<String> kept = values.stream().filter(v -> v != null && !v.isBlank()).toList();
		if (!kept.isEmpty()) {
			List<Node> nodes = kept.stream().map(v -> (Node) scalar(v.trim())).toList();
			tuples.add(new NodeTuple(scalar(key), new SequenceNode(Tag.SEQ, nodes, DumperOptions.FlowStyle.FLOW)));
		}
	}

	private static ScalarNode scalar(String value) {
		return new ScalarNode(Tag.STR, value, null, null, DumperOptions.ScalarStyle.PLAIN);
	}
}
