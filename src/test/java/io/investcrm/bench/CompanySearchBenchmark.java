package io.investcrm.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.investcrm.company.CompanySearchIndex;
import io.investcrm.company.CompanySearchSql;
import io.investcrm.security.Visibility;

/**
 * Company search at 100 000 companies (not a unit test; run its main method). Creates its own database on a MariaDB or
 * MySQL server, migrates it with the application's Flyway scripts, loads generated firms with Chinese and English
 * names (loaded by {@link DistrictDataSet}: search text and terms computed by {@link CompanySearchIndex}, as the
 * application writes them; no activities or offers), then times
 * a few hundred mixed searches — each the page query plus the count query of {@link CompanySearchSql}, exactly the
 * statements {@code CompanySearch.search} runs (probe, page, capped count), every other one with an officer's
 * visibility rule — and prints p50/p95/p99 overall and per kind of search.
 *
 * <p>Arguments: [JDBC URL of the server, default jdbc:mysql://127.0.0.1:3306/] [companies, default 100000]
 * [user, default root] [password, default empty; "-" for empty] [reuse: search the data of the previous run]. Otherwise the database
 * {@code investcrm_search_bench} is dropped and rebuilt.
 */
public final class CompanySearchBenchmark {

    /** The database it owns on that server ({@code -Dbench.db=…}: another run's name, so parallel runs never share one). */
    static final String DB = System.getProperty("bench.db", "investcrm_search_bench");
    static final int SEARCHES_PER_KIND = 60;
    static final Visibility.Predicate MANAGER = new Visibility.Predicate("1 = 1", Map.of());
    static final Visibility.Predicate OFFICER = Visibility.officerSql("p", Visibility.params("officer7", "team-a"));
    /** Searches slower than this (milliseconds; -Dbench.slow=…) are printed with their filter, to see what is slow. */
    static final double SLOW_MS = Double.parseDouble(System.getProperty("bench.slow", "1e9"));
    static final String[] INDUSTRIES = { "sci-tech.semiconductor.ic-design", "sci-tech.software-it.data-services",
        "health-plus.biomedicine", "finance.funds", "professional.legal", "professional.accounting-tax",
        "professional.management-consulting", "intelligent-plus.ai", "fashion.design.industrial-design", "finance.insurance" };
    static final String[] ZONES = { "hetao", "huaqiang-shangbu", "xiangmihu", "futian-cbd", "meilin-caitian" };
    static final String[] STAGES = { "LEAD", "CONTACTED", "VISITED", "NEGOTIATING", "OFFER", "SIGNED", "LANDED" };

    private CompanySearchBenchmark() {
    }

    record Firm(String nameZh, String nameEn, String code) {
    }

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0] : "jdbc:mysql://127.0.0.1:3306/";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        String user = args.length > 2 ? args[2] : "root";
        String password = args.length > 3 && !"-".equals(args[3]) ? args[3] : "";
        boolean reuse = args.length > 4 && "reuse".equals(args[4]);
        String url = server + DB + "?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC&rewriteBatchedStatements=true";
        Random random = new Random(42);
        List<Firm> firms = new ArrayList<>(n);
        if (!reuse) {
            // the district data set's bulk loader (issue 14), without activities and offers: companies, terms, prospects, lists
            DistrictDataSet.Loaded loaded = DistrictDataSet.create(server, DB, user, password,
                    new DistrictDataSet.Size(n, 0, n * 3 / 10, 0, 500, 20), 42);
            loaded.firms().forEach(f -> firms.add(new Firm(f.nameZh(), f.nameEn(), f.creditCode())));
            System.out.printf("loaded %d companies in %.1f s%n", firms.size(), loaded.seconds());
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            if (reuse) {
                // the data of an earlier run: read the firms back instead of writing them again
                DistrictDataSet.firms(c).forEach(f -> firms.add(new Firm(f.nameZh(), f.nameEn(), f.creditCode())));
                System.out.printf("read %d companies%n", firms.size());
            }
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE TABLE company, company_name_gram, company_industry, prospect, ranking_entry");
            }
            run(c, firms, random);
        }
    }

    static void run(Connection c, List<Firm> firms, Random random) throws SQLException {
        Map<String, List<CompanySearchSql.Filter>> kinds = new LinkedHashMap<>();
        for (int i = 0; i < SEARCHES_PER_KIND; i++) {
            Firm f = firms.get(random.nextInt(firms.size()));
            String zh = f.nameZh().replaceAll("^(深圳市|深圳|广州市|上海|北京|杭州|香港)", "");
            int len = 2 + random.nextInt(3);
            int start = random.nextInt(Math.max(1, Math.min(zh.length() - len, 3)));
            add(kinds, "zh fragment (2-4 chars)", CompanySearchSql.Filter.byName(zh.substring(start, start + len)));
            String word = f.nameEn().split(" ")[0];
            add(kinds, "en fragment", CompanySearchSql.Filter.byName(word.substring(0, Math.min(word.length(), 4 + random.nextInt(6)))));
            add(kinds, "zh trade name + industry", CompanySearchSql.Filter.byName(zh.substring(0, Math.min(zh.length(), 5))));
            add(kinds, "1 char", CompanySearchSql.Filter.byName(String.valueOf(pick(random))));
            // two letters, as in EY or HK: most pairs are rare in pinyin names, some (an, hu) are everywhere
            add(kinds, "2 letters", CompanySearchSql.Filter.byName("" + (char) ('a' + random.nextInt(26)) + (char) ('a' + random.nextInt(26))));
            // Hong Kong firms have no credit code: the next firm that has one
            Firm coded = f;
            for (int k = firms.indexOf(f); coded.code() == null; k = (k + 1) % firms.size()) {
                coded = firms.get(k);
            }
            add(kinds, "whole credit code", CompanySearchSql.Filter.byName(coded.code()));
            add(kinds, "credit code prefix", new CompanySearchSql.Filter(null, coded.code().substring(0, 14), null, null, null, null, null));
            add(kinds, "industry + zone", new CompanySearchSql.Filter(null, null, INDUSTRIES[random.nextInt(INDUSTRIES.length)].split("\\.")[0],
                    ZONES[random.nextInt(ZONES.length)], null, null, null));
            add(kinds, "list membership", new CompanySearchSql.Filter(null, null, null, null, (long) (1 + random.nextInt(3)), null, null));
            add(kinds, "owner + stage", new CompanySearchSql.Filter(null, null, null, null, null, "officer" + (1 + random.nextInt(20)),
                    STAGES[random.nextInt(STAGES.length)]));
            add(kinds, "no filter", new CompanySearchSql.Filter(null, null, null, null, null, null, null));
        }
        for (int i = 0; i < 30; i++) {
            // warm-up: buffer pool and statement caches
            time(c, kinds.values().iterator().next().get(i % SEARCHES_PER_KIND), MANAGER, 0);
        }
        List<Long> all = new ArrayList<>();
        System.out.printf("%-28s %8s %8s %8s %8s%n", "search", "p50 ms", "p95 ms", "p99 ms", "max ms");
        for (Map.Entry<String, List<CompanySearchSql.Filter>> e : kinds.entrySet()) {
            List<Long> times = new ArrayList<>();
            int page = 0;
            for (CompanySearchSql.Filter f : e.getValue()) {
                // every other search as an officer: the visibility rule joins the prospect and filters in SQL
                Visibility.Predicate viewer = page % 2 == 0 ? MANAGER : OFFICER;
                long t = time(c, f, viewer, page++ % 3);
                times.add(t);
                if (t / 1e6 > SLOW_MS) {
                    System.out.printf("  slow: %.1f ms %s%n", t / 1e6, f);
                }
            }
            all.addAll(times);
            print(e.getKey(), times);
        }
        print("ALL (" + all.size() + " searches)", all);
    }

    static void add(Map<String, List<CompanySearchSql.Filter>> kinds, String kind, CompanySearchSql.Filter f) {
        kinds.computeIfAbsent(kind, k -> new ArrayList<>()).add(f);
    }

    /** One search as the application runs it: the probe, a page of 20 and the count; nanoseconds. */
    static long time(Connection c, CompanySearchSql.Filter filter, Visibility.Predicate viewer, int page) {
        long t0 = System.nanoTime();
        CompanySearchSql.search((sql, params, offset, limit) -> rows(c, sql, params, offset, limit), filter, viewer,
                page * 20, 20, true);
        return System.nanoTime() - t0;
    }

    static List<Object[]> rows(Connection c, String sql, List<Object> params, int offset, int limit) {
        try (PreparedStatement ps = c.prepareStatement(CompanySearchSql.Sql.jdbc(sql) + " LIMIT " + limit + " OFFSET " + offset)) {
            bind(ps, params);
            List<Object[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    static void print(String label, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-28s %8.1f %8.1f %8.1f %8.1f%n", label, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted[sorted.length - 1] / 1e6);
    }

    static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static char pick(Random random) {
        return DistrictDataSet.TRADE_CHARS.charAt(random.nextInt(DistrictDataSet.TRADE_CHARS.length()));
    }

    static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
