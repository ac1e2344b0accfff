package io.investcrm.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The reverse views over HTTP against a running application (not a unit test; run its main method): zone and
 * section candidates, the gap view and a company's own matches, as an officer (visibility rule in the SQL) and as a
 * manager, one request at a time after a warm-up; prints p50/p95/p99 per kind.
 *
 * <p>Arguments: [app URL, default http://localhost:8085] [Keycloak realm URL, default
 * http://localhost:8180/realms/investcrm] [requests per kind, default 200] [highest company id, default 100000].
 * The application must have finished rebuilding its scores ({@code GET /api/matching/status} says READY).
 */
public final class MatchingHttpBenchmark {

    static final String[] ZONES = { "hetao", "xiangmihu", "futian-cbd", "huaqiang-shangbu", "meilin-caitian",
            "dajinsha-chegongmiao", "bagualing", "antuoshan" };
    static final String[] SECTIONS = { "五(二)1", "五(二)2", "五(二)3", "五(三)1", "五(三)2", "五(三)3", "五(三)4", "五(四)1",
            "五(四)2", "五(四)3" };

    public static void main(String[] args) throws Exception {
        String app = args.length > 0 ? args[0] : "http://localhost:8085";
        String realm = args.length > 1 ? args[1] : "http://localhost:8180/realms/investcrm";
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int maxId = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        HttpClient http = HttpClient.newHttpClient();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String user : List.of("officer1", "manager1")) {
            tokens.put(user, GoalsDashboardBenchmark.token(http, realm, user));
        }
        Random random = new Random(12);
        Map<String, List<Double>> times = new LinkedHashMap<>();
        long tokensAt = System.nanoTime();
        for (int round = -1; round < n; round++) {
            if (System.nanoTime() - tokensAt > 120_000_000_000L) {
                // access tokens live 300 s
                for (String user : List.copyOf(tokens.keySet())) {
                    tokens.put(user, GoalsDashboardBenchmark.token(http, realm, user));
                }
                tokensAt = System.nanoTime();
            }
            for (Map.Entry<String, String> t : tokens.entrySet()) {
                String as = t.getKey();
                String zone = ZONES[random.nextInt(ZONES.length)];
                String section = SECTIONS[random.nextInt(SECTIONS.length)];
                time(http, t.getValue(), app + "/api/zones/" + zone + "/candidates?limit=20", "zone candidates (" + as + ")",
                        round, times);
                time(http, t.getValue(), app + "/api/plan/sections/" + URLEncoder.encode(section, StandardCharsets.UTF_8)
                        + "/candidates?limit=20", "section candidates (" + as + ")", round, times);
                time(http, t.getValue(), app + "/api/plan/gaps", "gap view (" + as + ")", round, times);
                time(http, t.getValue(), app + "/api/companies/" + (1 + random.nextInt(maxId)) + "/matches",
                        "a company's matches (" + as + ")", round, times);
            }
        }
        System.out.printf(Locale.ROOT, "%-34s %8s %8s %8s %8s%n", "kind", "n", "p50 ms", "p95 ms", "p99 ms");
        times.forEach((kind, list) -> {
            double[] a = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-34s %8d %8.1f %8.1f %8.1f%n", kind, a.length, pct(a, 50), pct(a, 95), pct(a, 99));
        });
    }

    private static void time(HttpClient http, String token, String url, String kind, int round,
            Map<String, List<Double>> times) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - started) / 1e6;
        // a hidden company answers 404 as designed: still a measured request
        if (response.statusCode() != 200 && response.statusCode() != 404) {
            throw new IllegalStateException(url + " → " + response.statusCode() + " " + response.body());
        }
        if (round >= 0) {
            times.computeIfAbsent(kind, k -> new ArrayList<>()).add(ms);
        }
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

}
