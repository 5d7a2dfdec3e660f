package vn.loaxa.broadcast;

/** Published after a record is appended to the log. */
public record AiringRecorded(long recordId, String zoneId, Long clipId, Outcome outcome) {
}
