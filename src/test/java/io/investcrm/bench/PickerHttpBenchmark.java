package io.investcrm.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The company pickers' type-ahead over HTTP (issue 15 target: an answer ≤ 100 ms at 100 000 firms). Not a unit test:
 * run its main method against the packaged app started on the register that {@link CompanySearchBenchmark} loads
 * ({@code src/test/scripts/bench-picker.sh} does both). It simulates officers typing: for firms read from that
 * database, the growing prefixes of a Chinese trade name (1–4 characters), of an English name and of a credit code,
 * and the whole code, each sent as {@code GET /api/companies/suggest?q=} with a manager's and an officer's token
 * (visibility in SQL), one after another on a kept-alive connection as a browser sends them; prints p50/p95/p99/max
 * per kind of input and overall, in milliseconds, measured from sending the request to the last byte of the answer.
 *
 * <p>Arguments: base URL of the app, JDBC URL of its database, user, password ("-" for empty), firms to type (default 60).
 * Tokens for manager1 and officer1 come from the realm (sixth argument, default the Keycloak on :8180).
 */
public final class PickerHttpBenchmark {

    private PickerHttpBenchmark() {
    }

    record Firm(String nameZh, String nameEn, String code) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbc = args[1];
        String user = args[2];
        String password = "-".equals(args[3]) ? "" : args[3];
        int firms = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        String realm = args.length > 5 ? args[5] : "http://localhost:8180/realms/investcrm";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("manager", GoalsDashboardBenchmark.token(http, realm, "manager1"));
        tokens.put("officer", GoalsDashboardBenchmark.token(http, realm, "officer1"));
        // the first request of a user makes them known to the directory (team, for the officer's visibility rule)
        for (String token : tokens.values()) {
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/notifications")).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.discarding());
        }

        List<Firm> sample = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc, user, password); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name_zh, name_en, credit_code FROM company WHERE survivor_id IS NULL AND name_zh IS NOT NULL "
                        + "AND name_en IS NOT NULL AND credit_code IS NOT NULL "
                        + "ORDER BY RAND(7) LIMIT " + firms)) {
            while (rs.next()) {
                sample.add(new Firm(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        Map<String, List<Double>> byKind = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        // warm-up: the JIT and the connection pools, not measured
        Random random = new Random(3);
        for (int i = 0; i < 100; i++) {
            Firm f = sample.get(random.nextInt(sample.size()));
            call(http, base, tokens.get(i % 2 == 0 ? "manager" : "officer"), tradeName(f.nameZh()).substring(0, 2));
        }
        for (Firm f : sample) {
            String trade = tradeName(f.nameZh());
            for (Map.Entry<String, String> t : tokens.entrySet()) {
                for (int n = 1; n <= Math.min(4, trade.length()); n++) {
                    time(byKind, all, "zh typed " + n + " char" + (n > 1 ? "s" : ""), http, base, t.getValue(), trade.substring(0, n));
                }
                String en = f.nameEn() == null ? "" : f.nameEn();
                for (int n : new int[] { 3, 6 }) {
                    if (en.length() >= n) {
                        time(byKind, all, "en typed " + n + " letters", http, base, t.getValue(), en.substring(0, n));
                    }
                }
                for (int n : new int[] { 6, 10, 14 }) {
                    time(byKind, all, "credit code, first " + n, http, base, t.getValue(), f.code().substring(0, n));
                }
                time(byKind, all, "whole credit code", http, base, t.getValue(), f.code());
            }
        }
        System.out.printf("%-28s %6s %8s %8s %8s %8s%n", "typed", "n", "p50 ms", "p95 ms", "p99 ms", "max ms");
        byKind.forEach((k, v) -> print(k, v));
        print("ALL", all);
        // the JDBC driver's cleanup thread would keep exec:java waiting
        System.exit(0);
    }

    /** The distinctive part of a generated name: after the city, before the legal form (what an officer types). */
    static String tradeName(String zh) {
        String s = zh.replaceFirst("^(深圳市|深圳|广州市|上海|北京|杭州|香港)", "");
        return s.length() < 2 ? zh : s;
    }

    static void time(Map<String, List<Double>> byKind, List<Double> all, String kind, HttpClient http, String base, String token,
            String q) throws Exception {
        long t0 = System.nanoTime();
        call(http, base, token, q);
        double ms = (System.nanoTime() - t0) / 1e6;
        byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(ms);
        all.add(ms);
    }

    static void call(HttpClient http, String base, String token, String q) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/companies/suggest?q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " for " + q + ": " + response.body());
        }
    }

    static void print(String kind, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        System.out.printf("%-28s %6d %8.1f %8.1f %8.1f %8.1f%n", kind, sorted.size(), pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted.get(sorted.size() - 1));
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
