package io.investcrm.matching;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.investcrm.company.CompanyChanged;
import io.investcrm.core.DomainException;
import io.investcrm.matching.engine.MatchingEngine;
import io.investcrm.security.Visibility;
import io.investcrm.plan.model.PlanDocument;
import io.investcrm.plan.model.PlanSection;
import io.investcrm.plan.model.Zone;

/**
 * Matches companies to the plan: a company's ranked sections and zones (scored by the plain-Java
 * {@link MatchingEngine} when the company is written, and stored), the companies that fit a zone or section best,
 * and the gaps — priorities with no or few prospects in the pipeline. Every view reads what {@link MatchStore} keeps,
 * by index, with who may see what applied in the same SQL.
 */
@ApplicationScoped
public class MatchingService {

    @Inject
    MatchingEngines engines;

    @Inject
    MatchStore store;

    @Inject
    CompanyProfiles profiles;

    @Inject
    Visibility visibility;

    @Inject
    EntityManager em;

    @Inject
    MatchingConfig config;

    /**
     * A company's ranked matches, read from the stored results of the active plan version (one row) — scored on the
     * spot only when there is none yet (a rebuild under way) or when the company is on a ranking list (targets and
     * list-based HQ kinds rest on confirmed ranking links, which change without the company changing).
     */
    public List<MatchView> matches(long companyId, Locale locale) {
        MatchingEngines.Versioned v = engines.active();
        Object[] row = storedResults(v.versionId(), companyId);
        if (row == null) {
            throw DomainException.notFound("company", companyId);
        }
        if (row[0] != null && ((Number) row[1]).intValue() == 0) {
            return StoredMatch.read((byte[]) row[0]).stream().map(m -> MatchView.from(m.result(), locale)).toList();
        }
        CompanyProfiles.Row profile = profiles.one(companyId);
        if (profile == null) {
            throw DomainException.notFound("company", companyId);
        }
        return v.engine().match(profile.profile()).stream().map(r -> MatchView.from(r, locale)).toList();
    }

    /**
     * The live company's stored results (null when none) and how many confirmed ranking links it has, in one
     * statement with who may see it (security's rule in the SQL); null when it is absent, merged away or hidden.
     */
    private Object[] storedResults(long versionId, long companyId) {
        Visibility.Predicate visible = visibility.prospectSql("p");
        var query = em.createNativeQuery("""
                SELECT r.results, (SELECT COUNT(*) FROM ranking_entry e
                                   WHERE e.company_id = c.id AND e.link_status = 'CONFIRMED')
                FROM company c
                LEFT JOIN prospect p ON p.company_id = c.id
                LEFT JOIN company_match_result r ON r.plan_version_id = :version AND r.company_id = c.id
                WHERE c.id = :id AND c.survivor_id IS NULL AND\s""" + visible.sql())
                .setParameter("version", versionId).setParameter("id", companyId);
        visible.bind(query);
        List<?> rows = query.getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    /**
     * A company was created or changed (or merged): its stored scores and results follow in the same transaction, so
     * that whoever reads after the commit sees its new matches.
     */
    void onCompanyChanged(@Observes CompanyChanged changed) {
        // the company's rows are read back over JDBC on the transaction's connection: flush the entity first
        em.flush();
        MatchingEngines.Versioned v = engines.active();
        store.rescore(v.versionId(), v.engine(), changed.companyIds());
    }

    public List<CandidateView> zoneCandidates(String zoneCode, int limit) {
        MatchingEngines.Versioned v = engines.active();
        if (v.engine().plan().zone(zoneCode).isEmpty()) {
            throw DomainException.notFound("zone", zoneCode);
        }
        return candidates(v, "Z", zoneCode, limit);
    }

    public List<CandidateView> sectionCandidates(String ref, int limit) {
        MatchingEngines.Versioned v = engines.active();
        if (v.engine().plan().section(ref).isEmpty()) {
            throw DomainException.notFound("section", ref);
        }
        return candidates(v, "S", ref, limit);
    }

    /** Where the stored scores of the active plan version stand (rebuild progress). */
    public MatchStateView state() {
        return store.state(engines.active().versionId());
    }

    @SuppressWarnings("unchecked")
    private List<CandidateView> candidates(MatchingEngines.Versioned v, String kind, String code, int limit) {
        int n = Math.max(1, Math.min(limit, 500));
        Visibility.Predicate visible = visibility.prospectSql("p");
        // the rank index (plan_version_id, kind, code, score, company_id) walked best first, stopping at the limit;
        // join order and index fixed (honoured by MySQL and MariaDB) as the optimizer cannot know the walk stops early
        var query = em.createNativeQuery("""
                SELECT STRAIGHT_JOIN m.company_id, COALESCE(c.name_zh, c.name_en), m.score, p.stage, p.status, p.owner
                FROM company_match m FORCE INDEX (ix_company_match_rank)
                JOIN company c ON c.id = m.company_id AND c.survivor_id IS NULL
                LEFT JOIN prospect p ON p.company_id = m.company_id
                WHERE m.plan_version_id = :version AND m.kind = :kind AND m.code = :code AND\s""" + visible.sql()
                + " ORDER BY m.score DESC, m.company_id DESC LIMIT " + n)
                .setParameter("version", v.versionId()).setParameter("kind", kind).setParameter("code", code);
        visible.bind(query);
        List<CandidateView> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            out.add(new CandidateView(toLong(r[0]), (String) r[1], (int) Math.round(((Number) r[2]).doubleValue()),
                    (String) r[3], (String) r[4], (String) r[5]));
        }
        return out;
    }

    /**
     * Where to hunt: every industry section of 五 and every zone of 六(二), with the prospects in the pipeline
     * and the companies in the register that fit it, fewest first. The figures come from the counts kept per zone,
     * section and visibility scope ({@code company_match_count}, V018): a few thousand rows, whatever the register's
     * size.
     */
    public List<GapView> gaps(Locale locale) {
        MatchingEngines.Versioned v = engines.active();
        PlanDocument doc = v.engine().plan();
        Map<String, GapView> keys = new LinkedHashMap<>();
        for (PlanSection s : doc.sections()) {
            if (!doc.industriesNamedIn(s.ref()).isEmpty() && s.ref().startsWith("五")) {
                keys.put("S" + s.ref(), new GapView("SECTION", s.ref(), s.ref(), s.title().get(locale), 0, 0));
            }
        }
        for (Zone z : doc.zones()) {
            keys.put("Z" + z.code(), new GapView("ZONE", z.ref(), z.code(), z.name().get(locale), 0, 0));
        }
        Map<String, int[]> counts = gapCounts(v.versionId());
        List<GapView> out = new ArrayList<>();
        keys.forEach((k, g) -> {
            int[] c = counts.getOrDefault(k, new int[2]);
            if (c[0] <= config.gapMaxProspects()) {
                out.add(new GapView(g.type(), g.ref(), g.code(), g.title(), c[0], c[1]));
            }
        });
        out.sort(Comparator.comparingInt(GapView::inPipeline).thenComparing(GapView::ref));
        return out;
    }

    /**
     * Per kind and code ({@code "Z" + zone}, {@code "S" + ref}): the visible companies fitting it in the pipeline
     * (active pursuit) and in the register. A manager sums every scope. An officer sums the scopes visible to the
     * whole team — not pursued, or neither confidential nor another team's (pooled or the officer's team) — and adds,
     * row by row, the few pursuits visible to them alone as owner or leader: together exactly
     * {@link Visibility#prospectSql}'s rule (issue 5), as a recount checks (MatchCountsTest).
     */
    @SuppressWarnings("unchecked")
    Map<String, int[]> gapCounts(long versionId) {
        Visibility.Predicate visible = visibility.prospectSql("p");
        List<Object[]> rows;
        if (visible.params().isEmpty()) {
            rows = em.createNativeQuery("""
                    SELECT kind, code, SUM(CASE WHEN active THEN n ELSE 0 END), SUM(n) FROM company_match_count
                    WHERE plan_version_id = :version GROUP BY kind, code""")
                    .setParameter("version", versionId).getResultList();
        } else {
            var query = em.createNativeQuery("""
                    SELECT kind, code, SUM(CASE WHEN active THEN n ELSE 0 END), SUM(n) FROM company_match_count
                    WHERE plan_version_id = :version
                      AND (pursued = FALSE OR (confidential = FALSE AND (pooled = TRUE OR team_code = :visTeam)))
                    GROUP BY kind, code
                    UNION ALL
                    SELECT m.kind, m.code, SUM(CASE WHEN p.status = 'ACTIVE' THEN 1 ELSE 0 END), COUNT(*)
                    FROM prospect p
                    JOIN company_match m ON m.plan_version_id = :version AND m.company_id = p.company_id
                    JOIN company_match_setting s ON s.id = 1 AND m.score >= s.gap_threshold
                    WHERE ((p.owner IS NOT NULL AND p.owner = :visUser) OR (p.leader IS NOT NULL AND p.leader = :visUser))
                      AND NOT (p.confidential = FALSE
                               AND (p.owner IS NULL OR (p.team_code IS NOT NULL AND p.team_code = :visTeam)))
                    GROUP BY m.kind, m.code""").setParameter("version", versionId);
            visible.bind(query);
            rows = query.getResultList();
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Object[] r : rows) {
            int[] c = counts.computeIfAbsent(r[0] + (String) r[1], k -> new int[2]);
            c[0] += ((Number) r[2]).intValue();
            c[1] += ((Number) r[3]).intValue();
        }
        return counts;
    }

    private static long toLong(Object o) {
        return o instanceof BigInteger b ? b.longValue() : ((Number) o).longValue();
    }
}
