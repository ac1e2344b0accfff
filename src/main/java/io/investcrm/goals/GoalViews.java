package io.investcrm.goals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.investcrm.goals.rules.Forecast;

/** What the goal pages and the goals API show (records; no entity on the wire). */
public final class GoalViews {

    private GoalViews() {
    }

    /** Progress of every countable target as of a day, with the filters that narrowed the counted firms. */
    public record Progress(LocalDate asOf, LocalDate windowStart, LocalDate windowEnd, Filter filter,
            List<TargetProgress> targets) {

        public boolean windowSet() {
            return windowStart != null;
        }
    }

    public record Filter(String target, String zone, String team, Integer year, String tier, String field) {

        public boolean matches(FirmRow f) {
            return (zone == null || zone.equals(f.zone())) && (team == null || team.equals(f.team()))
                    && (year == null || (f.landedOn() != null && f.landedOn().getYear() == year))
                    && (tier == null || tier.equals(f.tier())) && (field == null || field.equals(f.field()));
        }
    }

    /**
     * One target: the plan's ({@code own} false) or a manager's. {@code baseline} is the plan's starting value where it
     * gives one (F500 145, 专栏1 #10 267, #11 1313): {@code total} adds the firms the office counted to it.
     * {@code excluded} holds the excluded firms' rows only when they were asked for ({@code excluded=true}), else it is
     * left out of the answer; {@code excludedCount} always says how many there are.
     */
    public record TargetProgress(String code, String ref, String title, boolean own, Integer goal, String goalText,
            Integer baseline, int counted, int total, LocalDate deadline, Forecast forecast, Map<String, Long> byTier,
            Map<String, Long> byField, Map<String, Long> byZone, Map<String, Long> byTeam, Map<Integer, Long> byYear,
            List<FirmRow> firms, List<FirmRow> forecastFirms, int excludedCount,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) List<FirmRow> excluded) {

        /** Share of the goal reached, 0–100, for the progress bar. */
        public int percent() {
            return goal == null || goal == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * total / goal));
        }
    }

    /** A firm under a target: counted (with the ranking and rule that qualified it), forecast or excluded (with why). */
    public record FirmRow(long companyId, String name, String status, String code, String reason, String tier,
            String field, String zone, String team, LocalDate landedOn, Integer probability, LocalDate expectedLanding) {
    }

    /** One ranking list's coverage: entries untouched / contacted / in pipeline / landed, each linking to its firms. */
    public record CoverageRow(long listId, String code, String name, int year, String scope, String field,
            Map<String, Long> cells, long total) {

        /** Heat of a cell, 0–4, for its colour: its share of the list's entries. */
        public int heat(String state) {
            long n = cells.getOrDefault(state, 0L);
            return total == 0 || n == 0 ? 0 : (int) Math.min(4, 1 + (4 * n - 1) / total);
        }
    }

    public record TargetView(long id, String name, String planTargetCode, String zoneCode, String teamCode, int year,
            int count, String createdBy) {

        static TargetView from(GoalTarget t) {
            return new TargetView(t.id, t.name, t.planTargetCode, t.zoneCode, t.teamCode, t.year, t.count, t.createdBy);
        }
    }

    public record LicenceView(long id, long companyId, String type, String number, String issuer, LocalDate validFrom,
            LocalDate validTo, String recordedBy) {

        static LicenceView from(CompanyLicence l) {
            return new LicenceView(l.id, l.companyId, l.type, l.number, l.issuer, l.validFrom, l.validTo, l.recordedBy);
        }
    }
}
