package io.investcrm.dashboard;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** What the managers' dashboard shows, shaped for the page (records; no entity on the wire). */
public final class DashboardViews {

    private DashboardViews() {
    }

    /** The filters every figure honours; period bounds the activity figures (from inclusive, to inclusive). */
    public record Filter(String zone, String industry, String team, String officer, LocalDate from, LocalDate to) {

        /** The filters as a query string for the links to the rows behind each figure. */
        public String query() {
            StringBuilder q = new StringBuilder();
            append(q, "zone", zone);
            append(q, "industry", industry);
            append(q, "team", team);
            append(q, "officer", officer);
            append(q, "from", from == null ? null : from.toString());
            append(q, "to", to == null ? null : to.toString());
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null) {
                q.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * One stage of the funnel: open pursuits in it, how many reached it or beyond, the share of those that went on to
     * the next stage, the mean days in the stage, and the traffic lights of those without progress.
     */
    public record StageRow(String stage, long count, long reached, Integer conversionPercent, Double avgDaysInStage,
            long green, long yellow, long red) {
    }

    /** Activities one officer logged in one ISO week. */
    public record ActivityCell(String officer, String week, long count) {
    }

    public record UpcomingLanding(long prospectId, long companyId, String company, String stage, int probability,
            LocalDate expectedLanding, String owner) {
    }

    public record AwaitingOffer(long offerId, long companyId, String company, String title, String awaitingRole,
            LocalDateTime submittedAt, long ageDays) {
    }

    /**
     * The dashboard. Its JSON gives the activities per officer and week as {@link #activitiesByOfficer}: each officer's
     * counts in the order of {@link #weeks} (20 KB at 500 officers; the list of cells was 200 KB and most of a kept
     * dashboard's answer time, issue 10).
     */
    public record Dashboard(Filter filter, LocalDateTime asOf, List<StageRow> funnel, long open, long stale, List<String> officers,
            List<String> weeks, @com.fasterxml.jackson.annotation.JsonIgnore List<ActivityCell> activities, long activityTotal,
            List<UpcomingLanding> upcoming, long upcomingTotal, List<AwaitingOffer> offers, long offersTotal,
            @com.fasterxml.jackson.annotation.JsonIgnore Map<String, long[]> byOfficer) {

        /**
         * {@code asOf}: the minute (UTC) the figures are computed as of; the rows behind a figure are read as of it too.
         * {@code upcoming} and {@code offers} are the first 20 and 50, {@code upcomingTotal} and {@code offersTotal} how
         * many there are (the figures).
         */
        public Dashboard(Filter filter, LocalDateTime asOf, List<StageRow> funnel, long open, long stale, List<String> officers,
                List<String> weeks, List<ActivityCell> activities, long activityTotal, List<UpcomingLanding> upcoming,
                long upcomingTotal, List<AwaitingOffer> offers, long offersTotal) {
            this(filter, asOf, funnel, open, stale, officers, weeks, activities, activityTotal, upcoming, upcomingTotal, offers,
                    offersTotal, byOfficer(officers, weeks, activities));
        }

        /**
         * The officers × weeks table, built once per computed dashboard: the page's table and the JSON read it (a map
         * keyed by officer and week made two strings per cell, ~8 000 at 500 officers, on every dashboard computed under
         * a load of writes; issue 14).
         */
        private static Map<String, long[]> byOfficer(List<String> officers, List<String> weeks, List<ActivityCell> activities) {
            Map<String, Integer> column = new java.util.HashMap<>();
            for (int i = 0; i < weeks.size(); i++) {
                column.put(weeks.get(i), i);
            }
            Map<String, long[]> out = new java.util.LinkedHashMap<>();
            for (String officer : officers) {
                out.put(officer, new long[weeks.size()]);
            }
            for (ActivityCell a : activities) {
                Integer i = column.get(a.week());
                long[] row = out.get(a.officer());
                if (i != null && row != null) {
                    row[i] += a.count();
                }
            }
            return java.util.Collections.unmodifiableMap(out);
        }

        /** Activities of an officer in a week (0 when none), for the table behind the chart. */
        public long activitiesOf(String officer, String week) {
            long[] row = byOfficer.get(officer);
            int i = weeks.indexOf(week);
            return row == null || i < 0 ? 0 : row[i];
        }

        /** Officer → activities in each of {@link #weeks}, in that order (0 for a week without any). */
        @com.fasterxml.jackson.annotation.JsonProperty("activitiesByOfficer")
        public Map<String, long[]> activitiesByOfficer() {
            return byOfficer;
        }
    }

    /** A row behind a figure: what it is, its label, where it lives, and a detail (stage, date, officer…). */
    public record Row(String kind, long id, String label, String link, String detail, String when) {
    }
}
