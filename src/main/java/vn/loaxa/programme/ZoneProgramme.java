package vn.loaxa.programme;

import vn.loaxa.schedule.OutputChannel;
import vn.loaxa.schedule.Zone;

/** A programme as one zone will hear it (a group slot gives the same programme to each of its zones). */
public record ZoneProgramme(Zone zone, OutputChannel channel, Programme programme) {
}
