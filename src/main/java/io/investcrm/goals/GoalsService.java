package io.investcrm.goals;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.investcrm.audit.AuditService;
import io.investcrm.company.CompanyNames;
import io.investcrm.goals.GoalForms.LicenceForm;
import io.investcrm.goals.GoalForms.TargetForm;
import io.investcrm.goals.GoalViews.CoverageRow;
import io.investcrm.goals.GoalViews.FirmRow;
import io.investcrm.goals.GoalViews.LicenceView;
import io.investcrm.goals.GoalViews.Progress;
import io.investcrm.goals.GoalViews.TargetProgress;
import io.investcrm.goals.GoalViews.TargetView;
import io.investcrm.goals.rules.CountingRule;
import io.investcrm.goals.rules.CountingRules;
import io.investcrm.goals.rules.CountingWindow;
import io.investcrm.goals.rules.Firm;
import io.investcrm.goals.rules.Forecast;
import io.investcrm.goals.rules.Licence;
import io.investcrm.goals.rules.LicenceType;
import io.investcrm.goals.rules.Membership;
import io.investcrm.goals.rules.Verdict;
import io.investcrm.pipeline.PipelineConfig;
import io.investcrm.pipeline.Stage;
import io.investcrm.plan.PlanService;
import io.investcrm.plan.model.LocalizedText;
import io.investcrm.plan.model.Milestone;
import io.investcrm.plan.model.RankingScope;
import io.investcrm.plan.model.Target;
import io.investcrm.plan.model.TargetRule;
import io.investcrm.security.CurrentUser;
import io.investcrm.core.AppClock;
import io.investcrm.core.DomainException;
import io.investcrm.core.FiguresCache;
import io.investcrm.core.FiguresVersions;
import io.investcrm.web.FormValidator;

/**
 * Goal progress, forecasts and coverage (issue 10): reads companies, prospects and rankings read-only, applies the
 * plain-Java {@link CountingRules} and owns the managers' targets and the licence records.
 */
@ApplicationScoped
public class GoalsService {

    /** 专栏1 #10 and #11 count from a recorded licence or certificate, never from keywords (issue 10). */
    static final Map<String, LicenceType> LICENCE_TARGETS = Map.of("licensed-financial-institutions",
            LicenceType.FINANCIAL_LICENCE, "national-high-tech-enterprises", LicenceType.HIGH_TECH_CERTIFICATE);

    @Inject
    EntityManager em;

    @Inject
    PlanService plan;

    @Inject
    GoalsConfig config;

    @Inject
    PipelineConfig pipelineConfig;

    @Inject
    AppClock clock;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditService audit;

    @Inject
    FormValidator validator;

    @Inject
    FiguresVersions versions;

    @Inject
    CompanyNames companyNames;

    /** A question of goal progress: the day, the filter, the language of titles and reasons, the excluded rows or not. */
    private record Question(LocalDate asOf, GoalViews.Filter filter, Locale locale, boolean withExcluded) {
    }

    /** A few questions' progress at the current data and plan version, with the version they were computed at. */
    private final FiguresCache<Question, FiguresCache.Versioned<Progress>> cache = new FiguresCache<>(16);

    /**
     * What a question's progress was last computed from: its version, the firms it read, the change rows it had seen,
     * the conversion rate and the plan version.
     */
    private record Basis(String version, Progress progress, Set<Long> firms, FiguresVersions.Seen seen, double rate, long plan) {
    }

    /** The last computation of each question (at most as many as the cache keeps). */
    private final Map<Question, Basis> bases = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The firms of the last read (with or without every pursued firm) and the change rows it had seen: a computation
     * after changes that each name a firm (a pursuit's update, V022) reads only those firms again (issue 14: the full
     * read was the slowest statement of the mixed load, ~190 ms under it, once per stage move of a ranked firm).
     */
    private record Loaded(boolean everyPursued, List<Firm> firms, FiguresVersions.Seen seen) {
    }

    private volatile Loaded loaded;

    /** A countable target: the rule, its goal and baseline, and its deadline. */
    record Countable(CountingRule rule, String title, boolean own, Integer goal, String goalText, Integer baseline,
            LocalDate deadline, String zone, String team, Integer year) {
    }

    public CountingWindow window() {
        return new CountingWindow(config.windowStart().orElse(null), config.windowEnd().orElse(null));
    }

    /** Progress without the excluded firms' rows (their number only): the summary the page and the API show first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Progress progress(LocalDate asOfOrNull, GoalViews.Filter filter, Locale locale) {
        return progress(asOfOrNull, filter, locale, false);
    }

    /**
     * Progress of every countable target (or the filter's one) as of a day. Counted firms always come with the ranking
     * or licence and rule that qualified each, forecast firms with theirs; the excluded firms' rows (thousands at
     * district size: every landed group member of a ranked firm) only when asked for ({@code withExcluded}), else
     * their number.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Progress progress(LocalDate asOfOrNull, GoalViews.Filter filter, Locale locale, boolean withExcluded) {
        return versioned(asOfOrNull, filter, locale, withExcluded).value();
    }

    /**
     * {@link #progress} with the version it is kept under (the API keeps its JSON under the same). Read-only
     * statements without a transaction of their own, as the dashboard's.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FiguresCache.Versioned<Progress> versioned(LocalDate asOfOrNull, GoalViews.Filter filter, Locale locale,
            boolean withExcluded) {
        LocalDate asOf = asOfOrNull == null ? clock.today() : asOfOrNull;
        Question q = new Question(asOf, filter, locale, withExcluded);
        // requests that find a computation of the question running share the next one (FiguresCache.live)
        return cache.live(q, () -> {
            // kept under the version of everything the counting reads (V021's goals topic) and of the active plan: a
            // committed landing, verification, ranking link or licence shows in the next request, on every replica; a
            // plan activated on another replica within investcrm.plan.follow-every (2 s), when this one follows it
            PlanService.Loaded active = plan.active();
            FiguresVersions.Changes changes = versions.changes(FiguresVersions.GOALS);
            String version = changes.version() + "plan:" + active.versionId();
            return new FiguresCache.Reading<>(version, () -> reuseOrCompute(version, q, changes, active));
        }).value();
    }

    /**
     * The question's progress at {@code version}: the last computation's when none of the changes since concerns a firm
     * it counted or forecast and the conversion rate is the same (issue 14: under the mixed load most stage moves are
     * of firms on no ranking list, which no target counts; each made goal progress compute again), else computed. A
     * change without a subject (a new or removed pursuit, a ranking, a licence, a merge, a pruning) always computes.
     */
    private FiguresCache.Versioned<Progress> reuseOrCompute(String version, Question q, FiguresVersions.Changes changes,
            PlanService.Loaded active) {
        double rate = conversionRate();
        Basis last = bases.get(q);
        if (last != null && last.plan() == active.versionId() && last.rate() == rate) {
            Set<Long> changed = changes.subjectsSince(last.seen());
            if (changed != null && java.util.Collections.disjoint(changed, last.firms())) {
                bases.put(q, new Basis(last.version(), last.progress(), last.firms(), changes.seen(), rate, last.plan()));
                // the kept version: the JSON written for it is still the answer
                return new FiguresCache.Versioned<>(last.version(), last.progress());
            }
        }
        Computed computed = compute(active.document(), q.asOf(), q.filter(), q.locale(), q.withExcluded(), rate, changes);
        Progress progress = computed.progress();
        Set<Long> firmIds = new HashSet<>();
        computed.firms().forEach(f -> firmIds.add(f.companyId()));
        if (bases.size() >= 16) {
            bases.keySet().removeIf(k -> !k.equals(q));
        }
        bases.put(q, new Basis(version, progress, Set.copyOf(firmIds), changes.seen(), rate, active.versionId()));
        return new FiguresCache.Versioned<>(version, progress);
    }

    /** Progress and the firms it was counted from. */
    private record Computed(Progress progress, List<Firm> firms) {
    }

    /** Progress from the plan the version names and the database, with the firms it read. */
    private Computed compute(io.investcrm.plan.model.PlanDocument document, LocalDate asOf, GoalViews.Filter filter,
            Locale locale, boolean withExcluded, double rate, FiguresVersions.Changes changes) {
        // the plan the version names, not whichever the follower holds by now
        List<Countable> countables = countables(document, asOf, locale);
        if (filter.target() != null) {
            countables = countables.stream().filter(c -> c.rule().code().equals(filter.target())).toList();
        }
        boolean anyLanding = countables.stream().anyMatch(c -> c.rule().kind() == CountingRule.Kind.ANY_LANDING);
        List<Firm> firms = firms(anyLanding, changes);
        List<TargetProgress> out = new ArrayList<>();
        for (Countable c : countables) {
            out.add(progressOf(c, firms, asOf, filter, rate, locale, withExcluded));
        }
        return new Computed(new Progress(asOf, config.windowStart().orElse(null), config.windowEnd().orElse(null), filter,
                out), firms);
    }

    private TargetProgress progressOf(Countable c, List<Firm> firms, LocalDate asOf, GoalViews.Filter filter, double rate,
            Locale locale, boolean withExcluded) {
        List<Firm> scoped = c.zone() == null && c.team() == null ? firms : firms.stream().filter(f -> (c.zone() == null
                || c.zone().equals(f.zone())) && (c.team() == null || c.team().equals(f.team()))).toList();
        List<Verdict> verdicts = CountingRules.apply(c.rule(), scoped, window(), asOf);
        List<FirmRow> counted = new ArrayList<>();
        List<FirmRow> forecast = new ArrayList<>();
        List<FirmRow> excluded = new ArrayList<>();
        int excludedCount = 0;
        for (Verdict v : verdicts) {
            if (v.status() == Verdict.Status.EXCLUDED) {
                // an excluded firm's row (and its reason text) is made only when the rows are asked for
                excludedCount++;
                if (withExcluded) {
                    excluded.add(row(v, locale));
                }
                continue;
            }
            FirmRow row = row(v, locale);
            if (v.counted() && (c.year() == null || v.firm().landedOn().getYear() == c.year()) && filter.matches(row)) {
                counted.add(row);
            } else if (v.status() == Verdict.Status.FORECAST && filter.matches(row)) {
                forecast.add(row);
            }
        }
        int base = c.baseline() == null ? 0 : c.baseline();
        int total = base + counted.size();
        List<Forecast.Candidate> candidates = forecast.stream()
                .map(r -> new Forecast.Candidate(r.probability() == null ? 0 : r.probability(), r.expectedLanding())).toList();
        Forecast f = Forecast.of(c.goal() == null ? total : c.goal(), total, candidates, c.deadline(), rate);
        return new TargetProgress(c.rule().code(), c.rule().ref(), c.title(), c.own(), c.goal(), c.goalText(), c.baseline(),
                counted.size(), total, c.deadline(), f, group(counted, FirmRow::tier), group(counted, FirmRow::field),
                group(counted, FirmRow::zone), group(counted, FirmRow::team), byYear(counted), counted, forecast,
                excludedCount, withExcluded ? excluded : null);
    }

    private static Map<String, Long> group(List<FirmRow> rows, Function<FirmRow, String> key) {
        Map<String, Long> m = new TreeMap<>();
        rows.forEach(r -> m.merge(Optional.ofNullable(key.apply(r)).orElse("-"), 1L, Long::sum));
        return m;
    }

    private static Map<Integer, Long> byYear(List<FirmRow> rows) {
        Map<Integer, Long> m = new TreeMap<>();
        rows.forEach(r -> m.merge(r.landedOn().getYear(), 1L, Long::sum));
        return m;
    }

    private static FirmRow row(Verdict v, Locale locale) {
        Firm f = v.firm();
        String field = v.membership() != null ? v.membership().fieldCode() : v.licence() != null ? v.licence().type() : null;
        String reason = v.reason() == null ? null : v.reason().get(locale);
        return new FirmRow(f.companyId(), f.name(), v.status().name(), v.code(), reason, v.tier(), field, f.zone(), f.team(),
                f.landedOn(), f.probability(), f.expectedLanding());
    }

    /** The plan's countable targets (ranking tiers, listed groups, licences) and the managers' own. */
    List<Countable> countables(io.investcrm.plan.model.PlanDocument document, LocalDate asOf, Locale locale) {
        List<Countable> out = new ArrayList<>();
        for (Target t : document.targets()) {
            CountingRule rule = ruleOf(t);
            if (rule == null) {
                continue;
            }
            Milestone next = t.milestones().stream().filter(m -> m.year() >= asOf.getYear()).findFirst()
                    .orElse(t.finalMilestone());
            Integer goal = t.count() != null ? t.count() : next == null ? null : number(next.value());
            String goalText = t.countText() != null ? t.countText() : next == null ? null : next.value() + " (" + next.year() + ")";
            LocalDate deadline = config.deadline().get(t.code());
            if (deadline == null && t.year() != null) {
                deadline = LocalDate.of(t.year(), 12, 31);
            } else if (deadline == null && t.count() == null && next != null) {
                deadline = LocalDate.of(next.year(), 12, 31);
            } else if (deadline == null) {
                deadline = config.windowEnd().orElse(null);
            }
            Integer baseline = t.baseline() == null ? null : number(t.baseline().value());
            out.add(new Countable(rule, t.title().get(locale), false, goal, goalText, baseline, deadline, null, null, null));
        }
        for (GoalTarget g : GoalTarget.<GoalTarget>listAll()) {
            CountingRule base = g.planTargetCode == null ? null
                    : out.stream().map(Countable::rule).filter(r -> r.code().equals(g.planTargetCode)).findFirst().orElse(null);
            String code = "own-" + g.id;
            CountingRule rule = base == null ? CountingRule.anyLanding(code, g.name)
                    : new CountingRule(code, base.ref(), base.kind(), base.tiers(), base.fields(), base.lists(), base.licenceType());
            out.add(new Countable(rule, g.name, true, g.count, String.valueOf(g.count), null, LocalDate.of(g.year, 12, 31),
                    g.zoneCode, g.teamCode, g.year));
        }
        return out;
    }

    private CountingRule ruleOf(Target t) {
        LicenceType licence = LICENCE_TARGETS.get(t.code());
        if (licence != null) {
            return CountingRule.licence(t.code(), t.ref() + (t.indicator() == null ? "" : " #" + t.indicator()), licence.name());
        }
        if (t.rule() != TargetRule.RANKING) {
            return null;
        }
        if (!t.tiers().isEmpty()) {
            List<String> fields = new ArrayList<>(t.fields().stream().map(f -> f.industry()).toList());
            fields.addAll(config.extraFields().getOrDefault(t.code(), List.of()));
            return CountingRule.tiered(t.code(), t.ref(), t.tiers(), fields);
        }
        return t.lists().isEmpty() ? null : CountingRule.listedGroup(t.code(), t.ref(), t.lists());
    }

    private static final java.util.regex.Pattern NOT_DIGITS = java.util.regex.Pattern.compile("[^0-9.]");

    /** "300", ">2000", "约2.5" → the whole number in it (the plan's values as written). */
    static Integer number(String value) {
        String digits = NOT_DIGITS.matcher(value).replaceAll("");
        if (digits.isEmpty()) {
            return null;
        }
        return (int) Math.round(Double.parseDouble(digits));
    }

    /**
     * The firms a computation counts from, as of no earlier than {@code changes} was read: the last read with the firms
     * the change rows since name read again, when every one of them names a firm (a pursuit's update: the set of firms
     * stays the same, only their pursuit's columns change); else all of them ({@link #loadFirms}). Each firm's row is
     * at least as new as the last change row naming it that the result has seen, so concurrent computations may each
     * keep their own result.
     */
    List<Firm> firms(boolean everyPursued, FiguresVersions.Changes changes) {
        Loaded last = loaded;
        List<Firm> firms = null;
        if (last != null && last.everyPursued() == everyPursued) {
            Set<Long> changed = changes.subjectsSince(last.seen());
            if (changed != null) {
                firms = changed.isEmpty() ? last.firms() : reread(last.firms(), changed);
            }
        }
        if (firms == null) {
            firms = loadFirms(everyPursued);
        }
        loaded = new Loaded(everyPursued, firms, changes.seen());
        return firms;
    }

    /** {@code firms} with those named in {@code changed} read again (their rankings and licences are unchanged). */
    @SuppressWarnings("unchecked")
    private List<Firm> reread(List<Firm> firms, Set<Long> changed) {
        List<Long> ids = new ArrayList<>();
        for (Firm f : firms) {
            if (changed.contains(f.companyId())) {
                ids.add(f.companyId());
            }
        }
        if (ids.isEmpty()) {
            return firms;
        }
        Map<Long, Object[]> rows = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(FIRM_COLUMNS + " FROM company c LEFT JOIN prospect p ON "
                + "p.company_id = c.id WHERE c.id IN (:ids)").setParameter("ids", ids).getResultList()) {
            rows.put(((Number) r[0]).longValue(), r);
        }
        List<Firm> out = new ArrayList<>(firms.size());
        for (Firm f : firms) {
            Object[] r = rows.get(f.companyId());
            out.add(r == null ? f : firm(r, f.memberships(), f.licences()));
        }
        return out;
    }

    /** A firm's columns, in the order {@link #firm} reads them. */
    private static final String FIRM_COLUMNS = "SELECT STRAIGHT_JOIN c.id, COALESCE(c.name_zh, c.name_en), c.survivor_id, "
            + "COALESCE(c.group_id, c.id), p.stage, p.status, p.landing_verified_at, p.departed_on, c.preferred_zone, "
            + "p.team_code, p.probability_override, p.expected_landing_date, c.group_id";

    /**
     * Every company a target could count: on a confirmed ranking entry (itself or its group), holding a recorded
     * licence, or — for managers' targets without a plan rule — pursued. Three statements: firms, rankings, licences.
     */
    @SuppressWarnings("unchecked")
    List<Firm> loadFirms(boolean everyPursued) {
        // each part reaches its firms by a key (the ranked firm by id, its group's members by ix_company_group, licence
        // holders by id, pursued firms by the prospect's company) instead of testing every company (docs/benchmarks.md §3);
        // STRAIGHT_JOIN (MySQL and MariaDB) keeps the parts first, else the optimizer scans company's index to join them
        String sql = FIRM_COLUMNS + " FROM (SELECT e.company_id AS id FROM ranking_entry e "
                + "WHERE e.link_status = 'CONFIRMED' AND e.company_id IS NOT NULL "
                + "UNION SELECT g.id FROM ranking_entry e JOIN company g ON g.group_id = e.company_id WHERE e.link_status = 'CONFIRMED' "
                + "UNION SELECT l.company_id FROM goal_licence l"
                + (everyPursued ? " UNION SELECT pp.company_id FROM prospect pp" : "")
                + ") k JOIN company c ON c.id = k.id LEFT JOIN prospect p ON p.company_id = c.id";
        List<Object[]> rows = em.createNativeQuery(sql).getResultList();
        Map<Long, List<Membership>> memberships = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT e.company_id, l.code, l.name_zh, l.name_en, "
                + "l.list_year, l.scope, l.field_code, e.rank_no FROM ranking_entry e JOIN ranking_list l ON l.id = e.list_id "
                + "WHERE e.link_status = 'CONFIRMED'").getResultList()) {
            memberships.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(new Membership((String) r[1],
                    new LocalizedText((String) r[2], (String) r[3]), ((Number) r[4]).intValue(), scope((String) r[5]),
                    (String) r[6], ((Number) r[7]).intValue()));
        }
        Map<Long, List<Licence>> licences = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(
                "SELECT company_id, licence_type, licence_no, valid_from, valid_to FROM goal_licence").getResultList()) {
            licences.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(new Licence((String) r[1],
                    (String) r[2], date(r[3]), date(r[4])));
        }
        List<Firm> firms = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            List<Membership> ms = new ArrayList<>(memberships.getOrDefault(id, List.of()));
            if (r[12] != null) {
                // a branch qualifies by its group's ranking: a network's office is the firm the list ranks
                ms.addAll(memberships.getOrDefault(((Number) r[12]).longValue(), List.of()));
            }
            firms.add(firm(r, ms, licences.getOrDefault(id, List.of())));
        }
        return firms;
    }

    /** A firm from a row of {@link #FIRM_COLUMNS}, with its rankings and licences. */
    private Firm firm(Object[] r, List<Membership> memberships, List<Licence> licences) {
        String stage = (String) r[4];
        // no pursuit (stage null, and with it no override): nothing forecast
        int probability = stage == null ? 0
                : pipelineConfig.probability(Stage.valueOf(stage), r[10] == null ? null : ((Number) r[10]).intValue());
        LocalDate landedOn = r[6] == null ? null : dateTime(r[6]).toLocalDate();
        return new Firm(((Number) r[0]).longValue(), (String) r[1], r[2] == null ? null : ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue(), stage, "ACTIVE".equals(r[5]), landedOn, date(r[7]), (String) r[8], (String) r[9],
                probability, date(r[11]), memberships, licences);
    }

    private static RankingScope scope(String s) {
        try {
            return s == null ? null : RankingScope.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof Date d ? d.toLocalDate() : o instanceof LocalDate l ? l : LocalDate.parse(o.toString());
    }

    /** Today's conversion rate of the pipeline: landed ÷ (landed + lost or abandoned); 0 when nothing has closed yet. */
    double conversionRate() {
        // two index ranges (landed: ix_prospect_stage; lost or abandoned: the status prefix of ix_prospect_funnel)
        // instead of reading every pursuit
        Object[] r = (Object[]) em.createNativeQuery("SELECT (SELECT COUNT(*) FROM prospect WHERE stage = 'LANDED'), "
                + "(SELECT COUNT(*) FROM prospect WHERE status IN ('LOST', 'ABANDONED') AND stage <> 'LANDED')")
                .getSingleResult();
        long landed = ((Number) r[0]).longValue();
        long closed = landed + ((Number) r[1]).longValue();
        return closed == 0 ? 0 : Math.round(10000.0 * landed / closed) / 10000.0;
    }

    /** Every ranking list's entries by coverage (untouched / contacted / pipeline / landed), as RankingService counts them. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<CoverageRow> coverage(Locale locale) {
        List<Object[]> rows = em.createNativeQuery("SELECT l.id, l.code, l.name_zh, l.name_en, l.list_year, l.scope, "
                + "l.field_code, CASE WHEN p.id IS NULL OR p.stage = 'LEAD' THEN 'UNTOUCHED' WHEN p.stage = 'CONTACTED' "
                + "THEN 'CONTACTED' WHEN p.stage = 'LANDED' THEN 'LANDED' ELSE 'PIPELINE' END AS cov, COUNT(*) "
                + "FROM ranking_list l JOIN ranking_entry e ON e.list_id = l.id LEFT JOIN prospect p ON p.company_id = "
                + "e.company_id AND e.link_status = 'CONFIRMED' GROUP BY l.id, l.code, l.name_zh, l.name_en, l.list_year, "
                + "l.scope, l.field_code, cov ORDER BY l.field_code, l.code, l.list_year").getResultList();
        Map<Long, CoverageRow> byList = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            CoverageRow row = byList.computeIfAbsent(id, k -> new CoverageRow(id, (String) r[1],
                    new LocalizedText((String) r[2], (String) r[3]).get(locale), ((Number) r[4]).intValue(), (String) r[5],
                    (String) r[6], new LinkedHashMap<>(Map.of()), 0));
            row.cells().put((String) r[7], ((Number) r[8]).longValue());
        }
        List<CoverageRow> out = new ArrayList<>();
        for (CoverageRow r : byList.values()) {
            Map<String, Long> cells = new LinkedHashMap<>();
            for (String s : COVERAGE) {
                cells.put(s, r.cells().getOrDefault(s, 0L));
            }
            out.add(new CoverageRow(r.listId(), r.code(), r.name(), r.year(), r.scope(), r.field(), cells,
                    cells.values().stream().mapToLong(Long::longValue).sum()));
        }
        return out;
    }

    public static final List<String> COVERAGE = List.of("UNTOUCHED", "CONTACTED", "PIPELINE", "LANDED");

    @Transactional
    public List<TargetView> targets() {
        return GoalTarget.<GoalTarget>list("order by year, name").stream().map(TargetView::from).toList();
    }

    @Transactional
    public TargetView addTarget(TargetForm form) {
        validator.validate(form);
        if (form.planTargetCode() != null && !form.planTargetCode().isBlank()
                && plan.document().targets().stream().noneMatch(t -> t.code().equals(form.planTargetCode()))) {
            throw DomainException.unprocessable("goals.target.unknown-plan-target", form.planTargetCode());
        }
        if (form.zoneCode() != null && !form.zoneCode().isBlank() && !plan.zoneExists(form.zoneCode())) {
            throw DomainException.unprocessable("goals.target.unknown-zone", form.zoneCode());
        }
        GoalTarget t = new GoalTarget();
        t.name = form.name().trim();
        t.planTargetCode = blankToNull(form.planTargetCode());
        t.zoneCode = blankToNull(form.zoneCode());
        t.teamCode = blankToNull(form.teamCode());
        t.year = form.year();
        t.count = form.count();
        t.createdBy = currentUser.username();
        t.createdAt = clock.now();
        t.persist();
        audit.record("goal_target", t.id, "CREATED", t.name + " " + t.year + ": " + t.count);
        return TargetView.from(t);
    }

    @Transactional
    public void deleteTarget(long id) {
        GoalTarget t = GoalTarget.findById(id);
        if (t == null) {
            throw DomainException.notFound("goal_target", id);
        }
        t.delete();
        audit.record("goal_target", id, "DELETED", t.name);
    }

    @Transactional
    public List<LicenceView> licences(Long companyId) {
        List<CompanyLicence> list = companyId == null ? CompanyLicence.list("order by id")
                : CompanyLicence.list("companyId = ?1 order by id", companyId);
        return list.stream().map(LicenceView::from).toList();
    }

    @Transactional
    public LicenceView addLicence(LicenceForm form) {
        validator.validate(form);
        if (!companyNames.exists(form.companyId())) {
            throw DomainException.notFound("company", form.companyId());
        }
        if (form.validFrom() != null && form.validTo() != null && form.validTo().isBefore(form.validFrom())) {
            throw DomainException.unprocessable("goals.licence.invalid-period");
        }
        if (CompanyLicence.count("type = ?1 and number = ?2", form.type(), form.number().trim()) > 0) {
            throw DomainException.conflict("goals.licence.duplicate", form.number());
        }
        CompanyLicence l = new CompanyLicence();
        l.companyId = form.companyId();
        l.type = form.type();
        l.number = form.number().trim();
        l.issuer = blankToNull(form.issuer());
        l.validFrom = form.validFrom();
        l.validTo = form.validTo();
        l.recordedBy = currentUser.username();
        l.recordedAt = clock.now();
        l.persist();
        audit.record("goal_licence", l.id, "CREATED", l.type + " " + l.number + " company " + l.companyId);
        return LicenceView.from(l);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static LocalDateTime dateTime(Object o) {
        return o == null ? null : o instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) o;
    }
}
