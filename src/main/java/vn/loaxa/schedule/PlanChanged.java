package vn.loaxa.schedule;

/** Published when a new plan is in force (reload, slot edit). */
public record PlanChanged(Plan plan) {
}
