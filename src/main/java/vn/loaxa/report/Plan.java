package vn.loaxa.report;

import java.util.List;

/** A year's propaganda plan (kế hoạch tuyên truyền), e.g. "Kế hoạch 45/KH-UBND", and its targets. */
public record Plan(int year, String name, List<PlanTarget> targets) {
}
