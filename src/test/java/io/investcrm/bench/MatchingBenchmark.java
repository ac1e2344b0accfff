package io.investcrm.bench;

import io.investcrm.matching.engine.MatchProfile;
import io.investcrm.matching.engine.MatchResult;
import io.investcrm.matching.engine.MatchingEngine;
import io.investcrm.matching.engine.RankingMembership;
import io.investcrm.plan.model.Industry;
import io.investcrm.plan.model.PlanDocument;
import io.investcrm.plan.model.PlanParser;
import io.investcrm.plan.model.PresenceKind;
import io.investcrm.plan.model.RankingScope;
import io.investcrm.plan.model.Zone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Measures the matching engine on generated companies (not a unit test; run its main method):
 * (a) matching one company against the whole plan — mean and p99 over many iterations after a warm-up, target ≤ 5 ms;
 * (b) ranking 100 000 companies for one zone with {@link MatchingEngine#scoreForZone} — total time, target ≤ 2 s.
 * Arguments: [zone code, default huaqiang-shangbu] [number of companies, default 100000].
 */
public final class MatchingBenchmark {

    private static final int WARM_UP = 20_000;
    private static final int ITERATIONS = 50_000;
    private static final String[] FILLERS = {"的研发、生产和销售", "技术咨询与技术服务", "及相关进出口业务", "解决方案",
        "平台运营", "for enterprise clients", "and related services", "设备租赁", "项目投资", "软件开发"};

    public static void main(String[] args) {
        String zone = args.length > 0 ? args[0] : "huaqiang-shangbu";
        int companies = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        PlanDocument plan = loadPlan();
        long built = System.nanoTime();
        MatchingEngine engine = new MatchingEngine(plan);
        System.out.printf("engine built in %.1f ms (%d industries, %d zones)%n", (System.nanoTime() - built) / 1e6,
                plan.industries().size(), plan.zones().size());

        List<MatchProfile> samples = generate(plan, 2_000, 1);
        int sink = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sink += engine.match(samples.get(i % samples.size())).size();
        }
        long[] nanos = new long[ITERATIONS];
        for (int i = 0; i < ITERATIONS; i++) {
            MatchProfile p = samples.get(i % samples.size());
            long t0 = System.nanoTime();
            sink += engine.match(p).size();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.printf("(a) match one company against the whole plan: %d iterations after %d warm-up: "
                        + "mean %.4f ms, p50 %.4f ms, p99 %.4f ms, max %.3f ms (target <= 5 ms)%n",
                ITERATIONS, WARM_UP, mean, nanos[ITERATIONS / 2] / 1e6, nanos[(int) (ITERATIONS * 0.99)] / 1e6,
                nanos[ITERATIONS - 1] / 1e6);

        List<MatchProfile> population = generate(plan, companies, 2);
        for (int run = 1; run <= 3; run++) {
            long t0 = System.nanoTime();
            double[] scores = new double[population.size()];
            Integer[] order = new Integer[population.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = engine.scoreForZone(population.get(i), zone);
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed()
                    .thenComparingInt(i -> i));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long matched = Arrays.stream(scores).filter(s -> s > 0).count();
            System.out.printf("(b) rank %,d companies for zone %s, run %d: %d ms total (%d with a fit; best %.2f) "
                    + "(target <= 2000 ms)%n", population.size(), zone, run, ms, matched, scores[order[0]]);
            sink += order[0];
        }
        List<MatchResult> example = engine.match(population.get(0));
        System.out.println("(sink " + sink + ", example company has " + example.size() + " matches)");
    }

    private static PlanDocument loadPlan() {
        PlanParser parser = new PlanParser();
        Path file = Path.of("config/plans/futian-2035.yaml");
        return Files.exists(file) ? parser.parse(file) : parser.parseResource("plans/futian-2035.yaml");
    }

    /** Companies drawn from the plan's own codes and keywords plus filler text, reproducibly from {@code seed}. */
    static List<MatchProfile> generate(PlanDocument plan, int count, long seed) {
        Random random = new Random(seed);
        List<String> codes = plan.industries().stream().map(Industry::code).toList();
        List<String> keywords = plan.industries().stream().flatMap(i -> i.keywords().stream()).toList();
        List<String> zones = plan.zones().stream().map(Zone::code).toList();
        PresenceKind[] kinds = PresenceKind.values();
        RankingScope[] scopes = RankingScope.values();
        String[] lists = {"fortune-global-500", "china-500", "listed", "national-high-tech-enterprise", "legal-500"};
        List<MatchProfile> out = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            MatchProfile.Builder b = MatchProfile.builder();
            if (random.nextInt(10) < 7) {
                for (int k = 1 + random.nextInt(2); k > 0; k--) {
                    b.industry(codes.get(random.nextInt(codes.size())));
                }
            }
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                b.activity("从事" + keywords.get(random.nextInt(keywords.size())) + FILLERS[random.nextInt(FILLERS.length)]
                        + "；" + keywords.get(random.nextInt(keywords.size())) + FILLERS[random.nextInt(FILLERS.length)]);
            }
            if (random.nextBoolean()) {
                b.presence(kinds[random.nextInt(kinds.length)]);
            }
            if (random.nextInt(5) == 0) {
                b.ranking(RankingMembership.of(lists[random.nextInt(lists.length)], scopes[random.nextInt(scopes.length)],
                        random.nextBoolean() ? codes.get(random.nextInt(codes.size())) : null, 1 + random.nextInt(100)));
            }
            if (random.nextInt(10) < 3) {
                b.spaceNeedM2(200.0 + random.nextInt(20_000));
            }
            if (random.nextInt(5) == 0) {
                b.preferredZone(zones.get(random.nextInt(zones.size())));
            }
            out.add(b.build());
        }
        return out;
    }

    private MatchingBenchmark() {
    }
}
