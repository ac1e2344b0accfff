package io.investcrm.dashboard;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.investcrm.dashboard.DashboardViews.ActivityCell;
import io.investcrm.dashboard.DashboardViews.AwaitingOffer;
import io.investcrm.dashboard.DashboardViews.Dashboard;
import io.investcrm.dashboard.DashboardViews.Filter;
import io.investcrm.dashboard.DashboardViews.Row;
import io.investcrm.dashboard.DashboardViews.StageRow;
import io.investcrm.dashboard.DashboardViews.UpcomingLanding;
import io.investcrm.activity.ActivityCounts;
import io.investcrm.pipeline.PipelineConfig;
import io.investcrm.pipeline.Stage;
import io.investcrm.core.AppClock;
import io.investcrm.core.DomainException;
import io.investcrm.core.FiguresCache;
import io.investcrm.core.FiguresVersions;

/**
 * The managers' dashboard (issue 10): the funnel with time in stage and traffic lights and the upcoming landings from
 * the active pursuits' facts kept in memory ({@link PipelineFacts}: the change rows, then the changed pursuits), or,
 * filtered by a firm's zone or industry, from SQL (funnel, upcoming landings with their count); activities per officer
 * per week from the kept counts; offers awaiting approval, and a statement counting them when their list is full.
 * Each figure has its rows ({@link #rows}), selected by the same conditions, so a figure always equals a recount of
 * its rows.
 *
 * <p>Both are computed as of the current minute ({@link #asOf}): time in stage, traffic lights, upcoming landings and
 * offers' age do not move within it, so the figures of a filter are kept under the version of their data
 * ({@link FiguresVersions}) and that minute, and a recount of a figure's rows in the same minute gives the same number.
 * A committed change makes a new version: the next request computes again (figures are live, on every replica).
 */
@ApplicationScoped
public class DashboardService {

    /** Landings expected within this many days are "upcoming". */
    static final int UPCOMING_DAYS = 90;
    static final int ROW_LIMIT = 500;

    @Inject
    EntityManager em;

    @Inject
    PipelineConfig pipeline;

    @Inject
    AppClock clock;

    @Inject
    ActivityCounts activityCounts;

    @Inject
    FiguresVersions versions;

    @Inject
    PipelineFacts facts;

    /** A few filters' dashboards at the current data version (each ~0.1–1 MB at district size). */
    private final FiguresCache<Filter, Dashboard> cache = new FiguresCache<>(16);

    /** What the figures are computed as of: now, to the minute (UTC, as stored). */
    private record AsOf(LocalDateTime now, LocalDate today) {
    }

    private AsOf asOf() {
        return asOf(clock.now());
    }

    private static AsOf asOf(LocalDateTime utc) {
        LocalDateTime minute = utc.truncatedTo(ChronoUnit.MINUTES);
        return new AsOf(minute, minute.atOffset(java.time.ZoneOffset.UTC).atZoneSameInstant(AppClock.OFFICE_ZONE).toLocalDate());
    }

    /**
     * The minute a dashboard was computed as of ({@code Dashboard.asOf}, ISO {@code YYYY-MM-DDTHH:MM}), given back with
     * the link to a figure's rows so that they are read as of the same minute: otherwise a pursuit that turned red, or a
     * landing that left the 90 days, between the page and the click would make the rows differ from the figure.
     * Null or blank: now. Later than now: refused.
     */
    public LocalDateTime asOfParam(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw io.investcrm.core.Invalid.request("dashboard.asof.invalid");
        }
        if (at.isAfter(clock.now().plusMinutes(1))) {
            throw io.investcrm.core.Invalid.request("dashboard.asof.invalid");
        }
        return at;
    }

    /** Conditions on {@code prospect p JOIN company c} for the filters, with their parameters in order. */
    private record Where(String sql, List<Object> params) {
        Query bind(Query q) {
            for (int i = 0; i < params.size(); i++) {
                q.setParameter(i + 1, params.get(i));
            }
            return q;
        }
    }

    /** The parameter marker of {@link #prospectWhere}'s extra conditions, compiled once. */
    private static final java.util.regex.Pattern MARKER = java.util.regex.Pattern.compile("\\?\\{n}");

    private static Where prospectWhere(Filter f, String extra, List<Object> extraParams) {
        List<Object> params = new ArrayList<>();
        // no merged-away firm has a pursuit (ProspectMerge moves or deletes it), so no condition on the company is
        // needed unless a filter asks about the firm: the funnel then reads the prospect index alone (V017)
        StringBuilder sql = new StringBuilder(" WHERE p.status = 'ACTIVE'");
        companyConditions(f, sql, params);
        if (f.team() != null) {
            params.add(f.team());
            sql.append(" AND p.team_code = ?").append(params.size());
        }
        if (f.officer() != null) {
            params.add(f.officer());
            sql.append(" AND p.owner = ?").append(params.size());
        }
        if (extra != null) {
            // extra uses markers ?{n}: numbered after the filters'
            String e = extra;
            for (Object o : extraParams) {
                params.add(o);
                e = MARKER.matcher(e).replaceFirst("?" + params.size());
            }
            sql.append(" AND ").append(e);
        }
        return new Where(sql.toString(), params);
    }

    private static void companyConditions(Filter f, StringBuilder sql, List<Object> params) {
        if (f.zone() != null) {
            params.add(f.zone());
            sql.append(" AND c.preferred_zone = ?").append(params.size());
        }
        if (f.industry() != null) {
            params.add(f.industry());
            params.add(f.industry() + ".%");
            sql.append(" AND EXISTS (SELECT 1 FROM company_industry ci WHERE ci.company_id = c.id AND (ci.industry_code = ?")
                    .append(params.size() - 1).append(" OR ci.industry_code LIKE ?").append(params.size()).append("))");
        }
    }

    private LocalDateTime yellowSince(AsOf at) {
        return at.now().minusDays(pipeline.staleYellowDays());
    }

    private LocalDateTime redSince(AsOf at) {
        return at.now().minusDays(pipeline.staleRedDays());
    }

    /** The dashboard of a filter: from memory when neither its data nor the minute changed since it was computed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Dashboard dashboard(Filter f) {
        return versioned(f).value();
    }

    /**
     * {@link #dashboard} with the version it is kept under (the API keeps its JSON under the same). Read-only
     * statements, each seeing what is committed when it runs (as in the pool's READ COMMITTED): no transaction of its
     * own, which saved a kept answer three round trips to the database. Requests that find a computation running share
     * the next one ({@link FiguresCache#live}): under the mixed load nearly every dashboard found a new write and was
     * computed again, 18 % of the app's CPU for 10 % of its requests (issue 14).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FiguresCache.Versioned<Dashboard> versioned(Filter f) {
        return cache.live(f, () -> {
            AsOf at = asOf();
            String version = versions.of(FiguresVersions.PIPELINE, FiguresVersions.ACTIVITY, FiguresVersions.OFFER) + at.now();
            return new FiguresCache.Reading<>(version, () -> compute(f, at));
        });
    }

    @SuppressWarnings("unchecked")
    private Dashboard compute(Filter f, AsOf at) {
        LocalDateTime now = at.now();
        List<StageRow> funnel;
        Listed<UpcomingLanding> upcoming;
        if (f.zone() == null && f.industry() == null) {
            // the pursuit's own columns only: from the facts kept in memory (issue 14)
            Funnel fromFacts = facts.withCurrent(all -> fromFacts(all, f, at, 20));
            funnel = fromFacts.funnel();
            upcoming = fromFacts.upcoming();
        } else {
            Where w = prospectWhere(f, null, List.of());
            int n = w.params().size();
            String sql = "SELECT p.stage, COUNT(*), AVG(TIMESTAMPDIFF(DAY, p.stage_entered_at, ?" + (n + 1) + ")), "
                    + "SUM(CASE WHEN p.stage <> 'LANDED' AND p.last_progress_at <= ?" + (n + 2) + " THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN p.stage <> 'LANDED' AND p.last_progress_at <= ?" + (n + 3) + " AND p.last_progress_at > ?"
                    + (n + 2) + " THEN 1 ELSE 0 END) FROM prospect p JOIN company c ON c.id = p.company_id" + w.sql()
                    + " GROUP BY p.stage";
            Query q = w.bind(em.createNativeQuery(sql)).setParameter(n + 1, now).setParameter(n + 2, redSince(at))
                    .setParameter(n + 3, yellowSince(at));
            Map<Stage, Object[]> byStage = new EnumMap<>(Stage.class);
            for (Object[] r : (List<Object[]>) q.getResultList()) {
                byStage.put(Stage.valueOf((String) r[0]), r);
            }
            funnel = funnel(byStage);
            upcoming = upcoming(f, at, 20);
        }
        long open = funnel.stream().mapToLong(StageRow::count).sum();
        long stale = funnel.stream().mapToLong(s -> s.red() + s.yellow()).sum();

        List<ActivityCell> activities = activities(f);
        TreeSet<String> officers = new TreeSet<>();
        activities.forEach(a -> officers.add(a.officer()));
        List<String> weeks = weeks(f.from(), f.to());
        long activityTotal = activities.stream().mapToLong(ActivityCell::count).sum();
        Listed<AwaitingOffer> offers = offers(f, at, 50, true);
        return new Dashboard(f, now, funnel, open, stale, List.copyOf(officers), weeks, activities, activityTotal,
                upcoming.rows(), upcoming.total(), offers.rows(), offers.total());
    }

    /** The funnel and the first upcoming landings with their number. */
    private record Funnel(List<StageRow> funnel, Listed<UpcomingLanding> upcoming) {
    }

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    /** A stored time (UTC wall time) in nanoseconds since the epoch: what the funnel compares and subtracts. */
    static long epochNanos(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + t.getNano();
    }

    /**
     * Whole days between two {@link #epochNanos} as {@code ChronoUnit.DAYS.between} and TIMESTAMPDIFF(DAY) count them
     * (truncated toward zero, as Java's division is): a recomputed dashboard takes this for each of ~24 000 pursuits,
     * and {@code DAYS.between}, then the conversion of each pursuit's time, were 4–6 % of the app's CPU on the mixed
     * load (issue 14, JFR); the facts keep their times converted ({@link PipelineFacts.Fact}).
     */
    static long wholeDays(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / NANOS_PER_DAY;
    }

    /**
     * The funnel statement's and the upcoming landings' figures from the pursuits' facts, with the same conditions:
     * active (all facts are), the filter's team and officer; time in stage in whole days as TIMESTAMPDIFF counts them;
     * red when the last progress is at or before the red line, yellow between the lines, landed pursuits never stale.
     */
    private Funnel fromFacts(java.util.Collection<PipelineFacts.Fact> all, Filter f, AsOf at, int limit) {
        long now = epochNanos(at.now());
        long red = epochNanos(redSince(at));
        long yellow = epochNanos(yellowSince(at));
        LocalDate today = at.today();
        LocalDate last = today.plusDays(UPCOMING_DAYS);
        int stages = Stage.values().length;
        long[] count = new long[stages];
        long[] days = new long[stages];
        long[] reds = new long[stages];
        long[] yellows = new long[stages];
        List<PipelineFacts.Fact> landing = new ArrayList<>();
        for (PipelineFacts.Fact p : all) {
            if ((f.team() != null && !f.team().equals(p.team())) || (f.officer() != null && !f.officer().equals(p.owner()))) {
                continue;
            }
            int i = p.stage().ordinal();
            count[i]++;
            days[i] += wholeDays(p.stageEnteredNanos(), now);
            if (p.stage() != Stage.LANDED && p.lastProgressAt() != null && p.lastProgressNanos() <= yellow) {
                if (p.lastProgressNanos() <= red) {
                    reds[i]++;
                } else {
                    yellows[i]++;
                }
            }
            if (p.stage() != Stage.LANDED && p.expectedLanding() != null && !p.expectedLanding().isBefore(today)
                    && !p.expectedLanding().isAfter(last)) {
                landing.add(p);
            }
        }
        Map<Stage, Object[]> byStage = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            int i = s.ordinal();
            if (count[i] > 0) {
                byStage.put(s, new Object[] { s.name(), count[i], (double) days[i] / count[i], reds[i], yellows[i] });
            }
        }
        landing.sort(java.util.Comparator.comparing(PipelineFacts.Fact::expectedLanding).thenComparingLong(PipelineFacts.Fact::id));
        List<UpcomingLanding> rows = new ArrayList<>();
        for (PipelineFacts.Fact p : landing.subList(0, Math.min(limit, landing.size()))) {
            rows.add(new UpcomingLanding(p.id(), p.companyId(), p.company(), p.stage().name(),
                    pipeline.probability(p.stage(), p.probabilityOverride()), p.expectedLanding(), p.owner()));
        }
        return new Funnel(funnel(byStage), new Listed<>(rows, landing.size()));
    }

    private static List<StageRow> funnel(Map<Stage, Object[]> byStage) {
        Stage[] stages = Stage.values();
        long[] count = new long[stages.length];
        for (Stage s : stages) {
            Object[] r = byStage.get(s);
            count[s.ordinal()] = r == null ? 0 : ((Number) r[1]).longValue();
        }
        // reached: open pursuits now at this stage or a later one (a snapshot funnel of the open pipeline)
        long[] reached = new long[stages.length];
        long acc = 0;
        for (int i = stages.length - 1; i >= 0; i--) {
            acc += count[i];
            reached[i] = acc;
        }
        List<StageRow> out = new ArrayList<>();
        for (Stage s : stages) {
            int i = s.ordinal();
            Object[] r = byStage.get(s);
            Integer conversion = i + 1 < stages.length && reached[i] > 0 ? (int) Math.round(100.0 * reached[i + 1] / reached[i]) : null;
            Double avg = r == null || r[2] == null ? null : Math.round(((Number) r[2]).doubleValue() * 10) / 10.0;
            long red = r == null ? 0 : ((Number) r[3]).longValue();
            long yellow = r == null ? 0 : ((Number) r[4]).longValue();
            long green = s == Stage.LANDED ? 0 : count[i] - red - yellow;
            out.add(new StageRow(s.name(), count[i], reached[i], conversion, avg, green, yellow, red));
        }
        return out;
    }

    /**
     * The period, default the last eight ISO weeks up to today (this one included, from a Monday): the chart's first
     * week is a whole one, and whole weeks are read from the kept week counts.
     */
    public Filter withDefaults(Filter f) {
        LocalDate to = f.to() == null ? clock.today() : f.to();
        LocalDate from = f.from() == null ? to.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                .minusWeeks(7) : f.from();
        if (from.isAfter(to)) {
            throw io.investcrm.core.Invalid.request("dashboard.period.invalid");
        }
        return new Filter(f.zone(), f.industry(), f.team(), f.officer(), from, to);
    }

    static String week(LocalDate d) {
        int w = d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return d.get(IsoFields.WEEK_BASED_YEAR) + (w < 10 ? "-W0" : "-W") + w;
    }

    /** The activity cells' order: by officer, then week (ISO week names sort in time order). */
    private static final java.util.Comparator<ActivityCell> BY_OFFICER_AND_WEEK = (a, b) -> {
        int c = a.officer().compareTo(b.officer());
        return c != 0 ? c : a.week().compareTo(b.week());
    };

    static List<String> weeks(LocalDate from, LocalDate to) {
        List<String> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            String w = week(d);
            if (!out.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** Activity conditions on {@code activity a JOIN activity_officer ao}: period, officer, team, and the firms' zone/industry. */
    private static Where activityWhere(Filter f) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(" WHERE a.occurred_at >= ?1 AND a.occurred_at < ?2");
        params.add(f.from().atStartOfDay());
        params.add(f.to().plusDays(1).atStartOfDay());
        if (f.officer() != null) {
            params.add(f.officer());
            sql.append(" AND ao.username = ?").append(params.size());
        }
        if (f.team() != null) {
            params.add(f.team());
            sql.append(" AND ao.username IN (SELECT u.username FROM app_user u WHERE u.team_code = ?").append(params.size()).append(")");
        }
        if (f.zone() != null || f.industry() != null) {
            StringBuilder c = new StringBuilder();
            companyConditions(f, c, params);
            sql.append(" AND EXISTS (SELECT 1 FROM activity_company ac JOIN company c ON c.id = ac.company_id WHERE ac.activity_id = a.id")
                    .append(c).append(")");
        }
        return new Where(sql.toString(), params);
    }

    private List<ActivityCell> activities(Filter f) {
        if (f.industry() == null) {
            // the counts the activity feature keeps per officer, day and zone (V017): a few thousand rows, not the
            // period's activities (docs/benchmarks.md §3)
            List<ActivityCell> out = new ArrayList<>();
            // a period has a few weeks and thousands of cells: each week's name is made once
            Map<LocalDate, String> names = new java.util.HashMap<>();
            for (ActivityCounts.OfficerWeek c : activityCounts.perOfficerAndWeek(f.zone(), f.officer(), f.team(), f.from(), f.to())) {
                out.add(new ActivityCell(c.officer(), names.computeIfAbsent(c.weekStart(), DashboardService::week), c.count()));
            }
            out.sort(BY_OFFICER_AND_WEEK);
            return out;
        }
        return activitiesCounted(f);
    }

    /** With the industry filter (not kept in the counts) the period's activities are counted. */
    @SuppressWarnings("unchecked")
    private List<ActivityCell> activitiesCounted(Filter f) {
        Where w = activityWhere(f);
        // officer → week → count, summed from the per-day groups in one pass (a list search per row cost 1.5 s at
        // 25 000 officer-days, docs/benchmarks.md)
        Map<String, Map<String, Long>> cells = new java.util.TreeMap<>();
        // the ISO week is computed here from the day: YEARWEEK's modes differ in name between servers' docs, the JDK's do not
        for (Object[] r : (List<Object[]>) w.bind(em.createNativeQuery("SELECT ao.username, DATE(a.occurred_at), COUNT(*) "
                + "FROM activity a JOIN activity_officer ao ON ao.activity_id = a.id" + w.sql()
                + " GROUP BY ao.username, DATE(a.occurred_at)")).getResultList()) {
            cells.computeIfAbsent((String) r[0], o -> new java.util.TreeMap<>())
                    .merge(week(date(r[1])), ((Number) r[2]).longValue(), Long::sum);
        }
        List<ActivityCell> out = new ArrayList<>();
        cells.forEach((officer, weeks) -> weeks.forEach((week, n) -> out.add(new ActivityCell(officer, week, n))));
        return out;
    }

    /** The first rows of a figure's list and how many there are in all (the figure; -1 when not counted). */
    private record Listed<T>(List<T> rows, long total) {
    }

    /**
     * The first {@code limit} upcoming landings and how many there are in all (the figure the page shows and the rows
     * recount), from the same statement: {@code COUNT(*) OVER ()} counts before the limit.
     */
    @SuppressWarnings("unchecked")
    private Listed<UpcomingLanding> upcoming(Filter f, AsOf at, int limit) {
        LocalDate today = at.today();
        Where w = prospectWhere(f, "p.stage <> 'LANDED' AND p.expected_landing_date >= ?{n} AND p.expected_landing_date <= ?{n}",
                List.of(today, today.plusDays(UPCOMING_DAYS)));
        List<UpcomingLanding> out = new ArrayList<>();
        long total = 0;
        for (Object[] r : (List<Object[]>) w.bind(em.createNativeQuery("SELECT p.id, c.id, COALESCE(c.name_zh, c.name_en), "
                + "p.stage, p.probability_override, p.expected_landing_date, p.owner, COUNT(*) OVER () FROM prospect p JOIN "
                + "company c ON c.id = p.company_id" + w.sql() + " ORDER BY p.expected_landing_date, p.id")).setMaxResults(limit)
                .getResultList()) {
            total = ((Number) r[7]).longValue();
            Stage stage = Stage.valueOf((String) r[3]);
            int probability = pipeline.probability(stage, r[4] == null ? null : ((Number) r[4]).intValue());
            out.add(new UpcomingLanding(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], stage.name(),
                    probability, date(r[5]), (String) r[6]));
        }
        return new Listed<>(out, total);
    }

    /**
     * The first {@code limit} offers awaiting approval, oldest first, and (when {@code counted}) how many in all, counted
     * on the offers' own index (company's table only when a filter asks about the firm): a window count over the list's
     * join to the firms read every awaiting offer's firm (3 000 at district size) for a list of 50.
     */
    @SuppressWarnings("unchecked")
    private Listed<AwaitingOffer> offers(Filter f, AsOf at, int limit, boolean counted) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE o.status = 'SUBMITTED'");
        companyConditions(f, where, params);
        if (f.officer() != null) {
            params.add(f.officer());
            where.append(" AND o.owner = ?").append(params.size());
        }
        if (f.team() != null) {
            params.add(f.team());
            where.append(" AND o.owner IN (SELECT u.username FROM app_user u WHERE u.team_code = ?").append(params.size()).append(")");
        }
        Where w = new Where(where.toString(), params);
        Query q = w.bind(em.createNativeQuery("SELECT o.id, c.id, COALESCE(c.name_zh, c.name_en), "
                + "o.title, o.awaiting_role, o.submitted_at FROM offer o JOIN company c ON c.id = o.company_id" + where
                + " ORDER BY o.submitted_at, o.id")).setMaxResults(limit);
        LocalDateTime now = at.now();
        List<AwaitingOffer> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) q.getResultList()) {
            LocalDateTime submitted = r[5] == null ? null : dateTime(r[5]);
            out.add(new AwaitingOffer(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                    (String) r[4], submitted, submitted == null ? 0 : ChronoUnit.DAYS.between(submitted, now)));
        }
        long total = !counted ? -1 : out.size() < limit ? out.size() : ((Number) w.bind(em.createNativeQuery(
                "SELECT COUNT(*) FROM offer o" + (f.zone() != null || f.industry() != null ? " JOIN company c ON c.id = o.company_id" : "")
                        + where)).getSingleResult()).longValue();
        return new Listed<>(out, total);
    }

    /**
     * The rows behind a figure: {@code stage} (with {@code value} a stage), {@code stale} ({@code value} YELLOW or RED),
     * {@code activities} ({@code value} "officer|week", or empty for all), {@code upcoming}, {@code offers}; read as of
     * the dashboard's minute ({@link #asOfParam}; null: now).
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Row> rows(Filter f, String figure, String value, LocalDateTime asOfMinute) {
        AsOf asOf = asOfMinute == null ? asOf() : asOf(asOfMinute);
        List<Row> out = new ArrayList<>();
        switch (figure == null ? "" : figure) {
            case "stage" -> {
                Stage stage = parseStage(value);
                Where w = prospectWhere(f, "p.stage = ?{n}", List.of(stage.name()));
                prospectRows(w, out);
            }
            case "stale" -> {
                Where w = "RED".equals(value)
                        ? prospectWhere(f, "p.stage <> 'LANDED' AND p.last_progress_at <= ?{n}", List.of(redSince(asOf)))
                        : "YELLOW".equals(value) ? prospectWhere(f, "p.stage <> 'LANDED' AND p.last_progress_at <= ?{n} "
                                + "AND p.last_progress_at > ?{n}", List.of(yellowSince(asOf), redSince(asOf)))
                        : prospectWhere(f, "p.stage <> 'LANDED' AND p.last_progress_at <= ?{n}", List.of(yellowSince(asOf)));
                prospectRows(w, out);
            }
            case "activities" -> {
                String[] ow = value == null || value.isBlank() ? null : value.split("\\|", 2);
                // one officer's cell: only that officer's activities are read (the check below stays for the week)
                Where w = activityWhere(ow != null && f.officer() == null
                        ? new Filter(f.zone(), f.industry(), f.team(), ow[0], f.from(), f.to()) : f);
                for (Object[] r : (List<Object[]>) w.bind(em.createNativeQuery("SELECT a.id, a.kind, a.summary, ao.username, "
                        + "a.occurred_at FROM activity a JOIN activity_officer ao ON ao.activity_id = a.id" + w.sql()
                        + " ORDER BY a.occurred_at DESC, a.id")).getResultList()) {
                    LocalDateTime at = dateTime(r[4]);
                    if (ow != null && (!ow[0].equals(r[3]) || (ow.length > 1 && !ow[1].equals(week(at.toLocalDate()))))) {
                        continue;
                    }
                    long id = ((Number) r[0]).longValue();
                    out.add(new Row("activity", id, abbreviate((String) r[2]), "/activities/" + id, (String) r[3], at.toString()));
                    if (out.size() >= ROW_LIMIT) {
                        break;
                    }
                }
            }
            case "upcoming" -> upcoming(f, asOf, ROW_LIMIT).rows().forEach(u -> out.add(new Row("prospect", u.prospectId(), u.company(),
                    "/pipeline/prospects/" + u.prospectId(), u.stage() + " " + u.probability() + "%", String.valueOf(u.expectedLanding()))));
            case "offers" -> offers(f, asOf, ROW_LIMIT, false).rows().forEach(o -> out.add(new Row("offer", o.offerId(), o.title(),
                    "/offers/" + o.offerId(), o.company(), String.valueOf(o.submittedAt()))));
            default -> throw io.investcrm.core.Invalid.request("dashboard.figure.unknown", figure);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private void prospectRows(Where w, List<Row> out) {
        for (Object[] r : (List<Object[]>) w.bind(em.createNativeQuery("SELECT p.id, COALESCE(c.name_zh, c.name_en), p.stage, "
                + "p.owner, p.last_progress_at FROM prospect p JOIN company c ON c.id = p.company_id" + w.sql()
                + " ORDER BY p.last_progress_at, p.id")).setMaxResults(ROW_LIMIT).getResultList()) {
            long id = ((Number) r[0]).longValue();
            out.add(new Row("prospect", id, (String) r[1], "/pipeline/prospects/" + id, r[2] + (r[3] == null ? "" : " · " + r[3]),
                    String.valueOf(dateTime(r[4]).toLocalDate())));
        }
    }

    private static Stage parseStage(String value) {
        try {
            return Stage.valueOf(value);
        } catch (RuntimeException e) {
            throw io.investcrm.core.Invalid.request("dashboard.stage.unknown", value);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 79) + "…" : s;
    }

    static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof Date d ? d.toLocalDate() : o instanceof LocalDate l ? l : LocalDate.parse(o.toString());
    }

    static LocalDateTime dateTime(Object o) {
        return o == null ? null : o instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) o;
    }
}
