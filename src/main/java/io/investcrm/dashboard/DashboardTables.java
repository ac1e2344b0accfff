package io.investcrm.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.investcrm.dashboard.DashboardViews.Dashboard;
import io.investcrm.web.Messages;

/** Every chart of the dashboard as a table: a header and rows, for the page's tables and the CSV/XLSX downloads. */
public final class DashboardTables {

    public static final List<String> CHARTS = List.of("funnel", "activities", "upcoming", "offers");

    private DashboardTables() {
    }

    public record Table(List<String> header, List<List<Object>> rows) {
    }

    public static Table of(String chart, Dashboard d, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        switch (chart) {
            case "funnel" -> {
                d.funnel().forEach(s -> rows.add(List.of(Messages.format(locale, "stage." + s.stage()), s.count(),
                        s.reached(), s.conversionPercent() == null ? "" : s.conversionPercent(),
                        s.avgDaysInStage() == null ? "" : s.avgDaysInStage(), s.green(), s.yellow(), s.red())));
                return new Table(header(locale, "stage", "count", "reached", "conversion", "days", "green", "yellow", "red"), rows);
            }
            case "activities" -> {
                for (String o : d.officers()) {
                    for (String w : d.weeks()) {
                        rows.add(List.of(o, w, d.activitiesOf(o, w)));
                    }
                }
                return new Table(header(locale, "officer", "week", "activities"), rows);
            }
            case "upcoming" -> {
                d.upcoming().forEach(u -> rows.add(List.of(u.company(), Messages.format(locale, "stage." + u.stage()),
                        u.probability(), String.valueOf(u.expectedLanding()), u.owner() == null ? "" : u.owner())));
                return new Table(header(locale, "company", "stage", "probability", "expected", "officer"), rows);
            }
            case "offers" -> {
                d.offers().forEach(o -> rows.add(List.of(o.title(), o.company(), o.awaitingRole() == null ? "" : o.awaitingRole(),
                        String.valueOf(o.submittedAt()), o.ageDays())));
                return new Table(header(locale, "offer", "company", "awaiting", "submitted", "age"), rows);
            }
            default -> throw io.investcrm.core.Invalid.request("dashboard.figure.unknown", chart);
        }
    }

    /** The chart's table as a download: format xlsx, else CSV. */
    public static jakarta.ws.rs.core.Response download(Dashboard d, String chart, String format, Locale locale) {
        if (chart == null || !CHARTS.contains(chart)) {
            throw io.investcrm.core.Invalid.request("dashboard.figure.unknown", chart);
        }
        Table t = of(chart, d, locale);
        if ("xlsx".equals(format)) {
            return jakarta.ws.rs.core.Response.ok(TableFile.xlsx(chart, t.header(), t.rows()))
                    .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .header("Content-Disposition", "attachment; filename=\"dashboard-" + chart + ".xlsx\"").build();
        }
        return jakarta.ws.rs.core.Response.ok(TableFile.csv(t.header(), t.rows())).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"dashboard-" + chart + ".csv\"").build();
    }

    private static List<String> header(Locale locale, String... keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            out.add(Messages.format(locale, "dashboard.col." + k));
        }
        return out;
    }
}
