package vn.loaxa.schedule;

import java.time.Instant;

/** Published when a slot's Quartz trigger fires (possibly late, after a misfire). */
public record SlotDue(SlotOccurrence occurrence, Instant firedAt) {
}
