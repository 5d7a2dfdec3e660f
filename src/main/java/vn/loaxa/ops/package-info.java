/**
 * Operations: what a watchdog or a technician asks of a running LoaXa. Health indicators built on
 * the other modules' public services ({@code audio} from playout); the scheduler's own indicator
 * lives in schedule, beside Quartz.
 */
package vn.loaxa.ops;
