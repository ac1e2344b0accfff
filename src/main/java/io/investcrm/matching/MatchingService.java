package io.investcrm.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.investcrm.core.DomainException;
import io.investcrm.matching.engine.MatchResult;
import io.investcrm.matching.engine.MatchingEngine;
import io.investcrm.matching.engine.ResultType;
import io.investcrm.plan.PlanService;
import io.investcrm.plan.model.PlanDocument;
import io.investcrm.plan.model.PlanSection;
import io.investcrm.plan.model.Zone;

/**
 * Matches companies to the plan: a company's ranked sections and zones, the companies that fit a zone or section
 * best, and the gaps — priorities with no or few prospects in the pipeline. The scoring is the plain-Java
 * {@link MatchingEngine}; this service only reads companies and applies who may see what.
 */
@ApplicationScoped
public class MatchingService {

    @Inject
    PlanService plan;

    @Inject
    CompanyProfiles profiles;


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
        return plan.engine().match(row.profile()).stream().map(r -> MatchView.from(r, locale)).toList();
    }

    public List<CandidateView> zoneCandidates(String zoneCode, int limit) {
        MatchingEngine engine = plan.engine();
        if (engine.plan().zone(zoneCode).isEmpty()) {
            throw DomainException.notFound("zone", zoneCode);
        }
        return top(profiles.all(), row -> engine.scoreForZone(row.profile(), zoneCode), limit);
    }

    public List<CandidateView> sectionCandidates(String ref, int limit) {
        MatchingEngine engine = plan.engine();
        if (engine.plan().section(ref).isEmpty()) {
            throw DomainException.notFound("section", ref);
        }
        return top(profiles.all(), row -> engine.match(row.profile()).stream()
                .filter(r -> r.ref().equals(ref) && r.type() != ResultType.ZONE)
                .mapToDouble(MatchResult::score).max().orElse(0), limit);
    }

    /**
     * Where to hunt: every industry section of 五 and every zone of 六(二), with the prospects in the pipeline
     * and the companies in the register that fit it, fewest first.
     */
    public List<GapView> gaps(Locale locale) {
        MatchingEngine engine = plan.engine();
        PlanDocument doc = engine.plan();
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, GapView> keys = new LinkedHashMap<>();
        for (PlanSection s : doc.sections()) {
            if (!doc.industriesNamedIn(s.ref()).isEmpty() && s.ref().startsWith("五")) {
                keys.put("S" + s.ref(), new GapView("SECTION", s.ref(), s.ref(), s.title().get(locale), 0, 0));
            }
        }
        for (Zone z : doc.zones()) {
            keys.put("Z" + z.code(), new GapView("ZONE", z.ref(), z.code(), z.name().get(locale), 0, 0));
        }
        keys.keySet().forEach(k -> counts.put(k, new int[2]));
        for (CompanyProfiles.Row row : profiles.all()) {
            boolean inPipeline = row.stage() != null && "ACTIVE".equals(row.status());
            Map<String, Boolean> hit = new HashMap<>();
            for (MatchResult r : engine.match(row.profile())) {
                if (r.score() < gapThreshold) {
                    continue;
                }
                String key = r.type() == ResultType.ZONE ? "Z" + r.code() : "S" + r.ref();
                hit.put(key, true);
            }
            for (String key : hit.keySet()) {
                int[] c = counts.get(key);
                if (c != null) {
                    c[1]++;
                    if (inPipeline) {
                        c[0]++;
                    }
                }
            }
        }
        List<GapView> out = new ArrayList<>();
        keys.forEach((k, g) -> {
            int[] c = counts.get(k);
            if (c[0] <= gapMaxProspects) {
                out.add(new GapView(g.type(), g.ref(), g.code(), g.title(), c[0], c[1]));
            }
        });
        out.sort(Comparator.comparingInt(GapView::inPipeline).thenComparing(GapView::ref));
        return out;
    }

    private interface Scorer {
        double score(CompanyProfiles.Row row);
    }

    private List<CandidateView> top(List<CompanyProfiles.Row> rows, Scorer scorer, int limit) {
        int n = Math.max(1, Math.min(limit, 500));
        record Scored(CompanyProfiles.Row row, double score) {
        }
        Comparator<Scored> worstFirst = Comparator.comparingDouble(Scored::score)
                .thenComparing(s -> -s.row().companyId());
        PriorityQueue<Scored> heap = new PriorityQueue<>(worstFirst);
        for (CompanyProfiles.Row row : rows) {
            double score = scorer.score(row);
            if (score <= 0) {
                continue;
            }
            heap.add(new Scored(row, score));
            if (heap.size() > n) {
                heap.poll();
            }
        }
        List<Scored> best = new ArrayList<>(heap);
        best.sort(worstFirst.reversed());
        return best.stream().map(s -> new CandidateView(s.row().companyId(), s.row().displayName(),
                (int) Math.round(s.score()), s.row().stage(), s.row().status(), s.row().owner())).toList();
    }
}
