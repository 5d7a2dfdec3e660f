package vn.loaxa.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import vn.loaxa.web.Formats;

/** The slot edit form's fields (strings, as typed); {@link #draft()} hands them to the plan rules. */
class SlotForm {

	private String originalKey;
	private String target;
	private String name;
	private List<String> days = new ArrayList<>();
	private String dates;
	private String start;
	private String length;
	private List<String> topics = new ArrayList<>();
	private String intro;
	private String outro;
	private String validFrom;
	private String validUntil;
	private String except;
	private String relay;

	static SlotForm of(Slot s) {
		// as the files write it (MON, "05:30", 15m), the dates as people type them (dd/MM/yyyy)
		SlotDraft d = SlotDraft.of(s);
		SlotForm f = new SlotForm();
		f.originalKey = s.key();
		f.target = d.target();
		f.name = d.name();
		f.days = new ArrayList<>(d.days());
		f.dates = s.dates().stream().map(Formats::date).collect(Collectors.joining(", "));
		f.start = d.start();
		f.length = d.length();
		f.topics = new ArrayList<>(d.topics());
		f.intro = d.intro();
		f.outro = d.outro();
		f.validFrom = Formats.date(s.validFrom());
		f.validUntil = Formats.date(s.validUntil());
		f.except = s.except().stream().map(Formats::date).collect(Collectors.joining(", "));
		f.relay = s.relay();
		return f;
	}

	SlotDraft draft() {
		return new SlotDraft(target, name, days, one(dates), start, length, topics, intro, outro, validFrom, validUntil,
				one(except), relay);
	}

	private static List<String> one(String typed) {
		return typed == null ? List.of() : List.of(typed);
	}

	public String getOriginalKey() { return originalKey; }
	public void setOriginalKey(String v) { originalKey = v; }
	public String getTarget() { return target; }
	public void setTarget(String v) { target = v; }
	public String getName() { return name; }
	public void setName(String v) { name = v; }
	public List<String> getDays() { return days; }
	public void setDays(List<String> v) { days = v == null ? new ArrayList<>() : v; }
	public String getDates() { return dates; }
	public void setDates(String v) { dates = v; }
	public String getStart() { return start; }
	public void setStart(String v) { start = v; }
	public String getLength() { return length; }
	public void setLength(String v) { length = v; }
	public List<String> getTopics() { return topics; }
	public void setTopics(List<String> v) { topics = v == null ? new ArrayList<>() : v; }
	public String getIntro() { return intro; }
	public void setIntro(String v) { intro = v; }
	public String getOutro() { return outro; }
	public void setOutro(String v) { outro = v; }
	public String getValidFrom() { return validFrom; }
	public void setValidFrom(String v) { validFrom = v; }
	public String getValidUntil() { return validUntil; }
	public void setValidUntil(String v) { validUntil = v; }
	public String getExcept() { return except; }
	public void setExcept(String v) { except = v; }
	public String getRelay() { return relay; }
	public void setRelay(String v) { relay = v; }
}
