package io.investcrm.matching.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.investcrm.plan.model.TestPlans;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agreement of the engine with the evaluation set ({@code src/test/resources/matching/evaluation-set.yaml}): firms
 * described only in words (no industry chosen), as officers paste them. Prints the agreement and every miss; the
 * targets are 90 % for the top section and 90 % for an expected zone within the top three.
 */
class EvaluationSetTest {

    record Firm(String id, String kind, String text, String section, List<String> zones, String cite) {
    }

    record EvaluationSet(List<Firm> firms) {
    }

    static List<Firm> load() throws IOException {
        try (InputStream in = EvaluationSetTest.class.getResourceAsStream("/matching/evaluation-set.yaml")) {
            return new YAMLMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, EvaluationSet.class).firms();
        }
    }

    @Test
    void describedOnlyFirmsRankWhereThePlanPutsThem() throws IOException {
        MatchingEngine engine = new MatchingEngine(TestPlans.futian());
        List<Firm> firms = load();
        assertTrue(firms.size() >= 60, "at least 60 firms: " + firms.size());
        int sectionHits = 0;
        int zoneFirms = 0;
        int zoneHits = 0;
        int primaryHits = 0;
        List<String> misses = new ArrayList<>();
        for (Firm f : firms) {
            MatchProfile p = MatchProfile.builder().activity(MatchProfile.activitiesOf(f.text()).toArray(String[]::new))
                    .build();
            List<MatchResult> sections = engine.match(p, ResultType.SECTION);
            String top = sections.isEmpty() ? "-" : sections.get(0).ref();
            if (top.equals(f.section())) {
                sectionHits++;
            } else {
                misses.add(String.format("section %-28s expected %-6s got %-6s %s", f.id(), f.section(), top,
                        sections.stream().limit(3).map(r -> r.ref() + "=" + r.score()).toList()));
            }
            if (!f.zones().isEmpty()) {
                zoneFirms++;
                List<String> top3 = engine.match(p, ResultType.ZONE).stream().limit(3).map(MatchResult::code).toList();
                if (top3.stream().anyMatch(f.zones()::contains)) {
                    zoneHits++;
                } else {
                    misses.add(String.format("zone    %-28s expected %s got %s", f.id(), f.zones(), top3));
                }
                if (top3.contains(f.zones().get(0))) {
                    primaryHits++;
                }
            }
        }
        double sectionRate = 100.0 * sectionHits / firms.size();
        double zoneRate = 100.0 * zoneHits / zoneFirms;
        double primaryRate = 100.0 * primaryHits / zoneFirms;
        System.out.printf(Locale.ROOT, "Evaluation set: %d firms described only in words%n", firms.size());
        System.out.printf(Locale.ROOT, "  top section as expected: %d/%d = %.1f %%%n", sectionHits, firms.size(), sectionRate);
        System.out.printf(Locale.ROOT, "  an expected zone in the top 3: %d/%d = %.1f %%%n", zoneHits, zoneFirms, zoneRate);
        System.out.printf(Locale.ROOT, "  the first expected zone in the top 3: %d/%d = %.1f %%%n", primaryHits, zoneFirms,
                primaryRate);
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertTrue(sectionRate >= 90, "top section agreement " + sectionRate);
        assertTrue(zoneRate >= 90, "zone-in-top-3 agreement " + zoneRate);
    }
}
