package io.investcrm.goals.rules;

import java.time.LocalDate;

/**
 * The period a target counts in (the plan says only "未来5年" / "未来": start and end are settings). A null bound is
 * open; a ranking counts when its year lies between the bounds' years.
 */
public record CountingWindow(LocalDate start, LocalDate end) {

    public static CountingWindow open() {
        return new CountingWindow(null, null);
    }

    public boolean admitsYear(int year) {
        return (start == null || year >= start.getYear()) && (end == null || year <= end.getYear());
    }

    public boolean admitsDate(LocalDate day) {
        return (start == null || !day.isBefore(start)) && (end == null || !day.isAfter(end));
    }
}
