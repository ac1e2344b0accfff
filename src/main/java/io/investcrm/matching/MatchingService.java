package io.investcrm.matching;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.investcrm.core.DomainException;
import io.investcrm.matching.engine.MatchingEngine;
import io.investcrm.security.Visibility;
import io.investcrm.plan.model.PlanDocument;
import io.investcrm.plan.model.PlanSection;
import io.investcrm.plan.model.Zone;

/**
 * Matches companies to the plan: a company's ranked sections and zones (scored on the spot by the plain-Java
 * {@link MatchingEngine}), the companies that fit a zone or section best, and the gaps — priorities with no or few
 * prospects in the pipeline. The reverse views read the stored scores ({@link MatchStore}) by index, with who may see
 * what applied in the same SQL.
 */
@ApplicationScoped
public class MatchingService {

    private static final Logger LOG = Logger.getLogger(MatchingService.class);

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

    /** A prospect counts as "fitting" a priority from this score on (0–100), for the gap view. */
    @ConfigProperty(name = "investcrm.matching.gap-threshold", defaultValue = "50")
    double gapThreshold;

    /** A priority with at most this many prospects in the pipeline is shown as a gap. */
    @ConfigProperty(name = "investcrm.matching.gap-max-prospects", defaultValue = "2")
    int gapMaxProspects;

    public List<MatchView> matches(long companyId, Locale locale) {
        CompanyProfiles.Row row = profiles.one(companyId);
        if (row == null) {
            throw DomainException.notFound("company", companyId);
        }
        return engines.engine().match(row.profile()).stream().map(r -> MatchView.from(r, locale)).toList();
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
        catchUp(v);
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
     * and the companies in the register that fit it, fewest first.
     */
    @SuppressWarnings("unchecked")
    public List<GapView> gaps(Locale locale) {
        MatchingEngines.Versioned v = engines.active();
        catchUp(v);
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
        Visibility.Predicate visible = visibility.prospectSql("p");
        var query = em.createNativeQuery("""
                SELECT m.kind, m.code, COUNT(*),
                       SUM(CASE WHEN p.stage IS NOT NULL AND p.status = 'ACTIVE' THEN 1 ELSE 0 END)
                FROM company_match m
                JOIN company c ON c.id = m.company_id AND c.survivor_id IS NULL
                LEFT JOIN prospect p ON p.company_id = m.company_id
                WHERE m.plan_version_id = :version AND m.score >= :threshold AND\s""" + visible.sql()
                + " GROUP BY m.kind, m.code")
                .setParameter("version", v.versionId()).setParameter("threshold", gapThreshold);
        visible.bind(query);
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            counts.put(r[0] + (String) r[1], new int[] { ((Number) r[3]).intValue(), ((Number) r[2]).intValue() });
        }
        List<GapView> out = new ArrayList<>();
        keys.forEach((k, g) -> {
            int[] c = counts.getOrDefault(k, new int[2]);
            if (c[0] <= gapMaxProspects) {
                out.add(new GapView(g.type(), g.ref(), g.code(), g.title(), c[0], c[1]));
            }
        });
        out.sort(Comparator.comparingInt(GapView::inPipeline).thenComparing(GapView::ref));
        return out;
    }

    /** Reads include every company change made so far (one indexed range read when there is none). */
    private void catchUp(MatchingEngines.Versioned v) {
        try {
            if (store.state(v.versionId()) == null && store.claimRebuild(v.versionId())) {
                // no background rebuild has started yet (e.g. right after start-up): this request does it
                long after = 0;
                while ((after = store.rebuildBatch(v.versionId(), v.engine(), after)) >= 0) {
                    // batches of MatchStore.BATCH
                }
                store.finishRebuild(v.versionId());
            }
            while (store.sweep(v.versionId(), v.engine()) == MatchStore.BATCH) {
                // keep going until caught up
            }
        } catch (RuntimeException e) {
            // a concurrent sweep of the same rows: the stored scores are at most a few seconds behind
            LOG.debug("match sweep skipped", e);
        }
    }

    private static long toLong(Object o) {
        return o instanceof BigInteger b ? b.longValue() : ((Number) o).longValue();
    }
}
