package io.investcrm.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.flywaydb.core.Flyway;

import io.investcrm.company.CompanySearchIndex;
import io.investcrm.company.CompanySearchSql;
import io.investcrm.company.identity.CreditCode;
import io.investcrm.company.identity.NameNormalizer;
import io.investcrm.security.Visibility;

/**
 * Company search at 100 000 companies (not a unit test; run its main method). Creates its own database on a MariaDB or
 * MySQL server, migrates it with the application's Flyway scripts, loads generated firms with Chinese and English
 * names (search text and bigrams computed by {@link CompanySearchIndex}, as the application writes them), then times
 * a few hundred mixed searches — each the page query plus the count query of {@link CompanySearchSql}, exactly the
 * statements {@code CompanyService.search} runs (probe, page, capped count), every other one with an officer's
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
    static final String[] CITIES = { "深圳市", "深圳", "广州市", "上海", "北京", "杭州", "香港", "", "", "" };
    static final String TRADE_CHARS = "华信腾讯百度京东美团中兴平安招商万科比亚迪顺丰大疆汇顶创维康佳金蝶迈瑞欣旺达立德赛光明新宏远泰和盛通利鑫源恒祥嘉禾鹏程海天云智联数星辰辉耀博雅龙凤长城方南北前沿未来银河宇宙正道安居乐业永丰富强";
    static final String[] TRADES = { "科技", "电子", "半导体", "信息技术", "数据服务", "生物医药", "医疗器械", "智能制造", "新能源",
        "资产管理", "投资", "融资租赁", "保险经纪", "律师事务所", "会计师事务所", "管理咨询", "文化传媒", "设计", "供应链", "物流" };
    static final String[] EN_TRADES = { "Technology", "Electronics", "Semiconductor", "Information Technology", "Data Services",
        "Biopharma", "Medical Devices", "Smart Manufacturing", "New Energy", "Asset Management", "Investment", "Leasing",
        "Insurance Brokers", "Law Firm", "Accounting", "Management Consulting", "Media", "Design", "Supply Chain", "Logistics" };
    static final String[] SYLLABLES = { "hua", "xin", "teng", "xun", "bai", "du", "jing", "dong", "mei", "tuan", "zhong", "xing",
        "ping", "an", "zhao", "shang", "wan", "ke", "bi", "ya", "di", "shun", "feng", "da", "jiang", "hui", "ding", "chuang",
        "wei", "kang", "jia", "jin", "die", "mai", "rui", "peng", "cheng", "hai", "tian", "yun", "zhi", "lian", "long", "bo" };
    static final String[] LEGAL = { "有限公司", "股份有限公司", "集团有限公司", "（深圳）有限公司", "有限责任公司" };
    static final String[] EN_LEGAL = { "Co., Ltd.", "Limited", "Group Holdings", "(Shenzhen) Co., Ltd.", "LLP", "Inc." };
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
        if (!reuse) {
            try (Connection admin = DriverManager.getConnection(server, user, password); Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DB);
                s.execute("CREATE DATABASE " + DB + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        }
        String url = server + DB + "?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC&rewriteBatchedStatements=true";
        Random random = new Random(42);
        List<Firm> firms = new ArrayList<>(n);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            long t0 = System.nanoTime();
            if (reuse) {
                // the data of an earlier run: read the firms back instead of writing them again
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name_zh, name_en, credit_code FROM company ORDER BY id")) {
                    while (rs.next()) {
                        firms.add(new Firm(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            } else {
                Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
                load(c, n, random, firms);
            }
            System.out.printf("%s %d companies in %.1f s%n", reuse ? "read" : "loaded", firms.size(), (System.nanoTime() - t0) / 1e9);
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE TABLE company, company_name_gram, company_industry, prospect, ranking_entry");
            }
            run(c, firms, random);
        }
    }

    static void load(Connection c, int n, Random random, List<Firm> firms) throws SQLException {
        c.setAutoCommit(false);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        try (PreparedStatement company = c.prepareStatement("INSERT INTO company (id, version, name_zh, name_en, search_text, "
                + "norm_name, credit_code, hq_country, hq_city, entity_role, preferred_zone, created_at, created_by, updated_at, "
                + "updated_by) VALUES (?, 0, ?, ?, ?, ?, ?, 'CN', ?, 'STANDALONE', ?, ?, 'bench', ?, 'bench')");
                PreparedStatement gram = c.prepareStatement("INSERT INTO company_name_gram (gram, company_id, updated_at) VALUES (?, ?, ?)");
                PreparedStatement industry = c.prepareStatement("INSERT INTO company_industry (company_id, industry_code) VALUES (?, ?)");
                PreparedStatement prospect = c.prepareStatement("INSERT INTO prospect (company_id, stage, status, owner, "
                        + "stage_entered_at, last_progress_at, created_at, updated_at, team_code) VALUES (?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= n; id++) {
                int t = random.nextInt(TRADES.length);
                String trade = "" + pick(random) + pick(random) + (random.nextInt(3) == 0 ? String.valueOf(pick(random)) : "");
                String zh = CITIES[random.nextInt(CITIES.length)] + trade + TRADES[t] + LEGAL[random.nextInt(LEGAL.length)];
                String en = cap(SYLLABLES[random.nextInt(SYLLABLES.length)]) + cap(SYLLABLES[random.nextInt(SYLLABLES.length)])
                        + " " + EN_TRADES[t] + " " + EN_LEGAL[random.nextInt(EN_LEGAL.length)];
                String code = creditCode(id);
                firms.add(new Firm(zh, en, code));
                String searchText = CompanySearchIndex.searchText(List.of(zh, en));
                company.setLong(1, id);
                company.setString(2, zh);
                company.setString(3, en);
                company.setString(4, searchText);
                company.setString(5, NameNormalizer.standard().normalized(zh));
                company.setString(6, code);
                company.setString(7, "深圳");
                company.setString(8, random.nextInt(3) == 0 ? ZONES[random.nextInt(ZONES.length)] : null);
                Timestamp updated = Timestamp.valueOf(now.toLocalDateTime().minusMinutes(random.nextInt(500_000)));
                company.setTimestamp(9, updated);
                company.setTimestamp(10, updated);
                company.addBatch();
                for (String g : CompanySearchIndex.grams(searchText)) {
                    gram.setString(1, g);
                    gram.setLong(2, id);
                    gram.setTimestamp(3, updated);
                    gram.addBatch();
                }
                industry.setLong(1, id);
                industry.setString(2, INDUSTRIES[t % INDUSTRIES.length]);
                industry.addBatch();
                if (random.nextInt(10) < 3) {
                    prospect.setLong(1, id);
                    prospect.setString(2, STAGES[random.nextInt(STAGES.length)]);
                    int officer = 1 + random.nextInt(20);
                    prospect.setString(3, "officer" + officer);
                    for (int i = 4; i <= 7; i++) {
                        prospect.setTimestamp(i, now);
                    }
                    prospect.setString(8, officer % 2 == 0 ? "team-b" : "team-a");
                    prospect.addBatch();
                }
                if (id % 2000 == 0) {
                    company.executeBatch();
                    gram.executeBatch();
                    industry.executeBatch();
                    prospect.executeBatch();
                    c.commit();
                }
            }
            company.executeBatch();
            gram.executeBatch();
            industry.executeBatch();
            prospect.executeBatch();
            c.commit();
        }
        // three lists of 500 firms each, linked and confirmed
        try (PreparedStatement list = c.prepareStatement("INSERT INTO ranking_list (id, code, list_year, name_zh, name_en, scope, "
                + "created_at, created_by) VALUES (?, ?, 2024, ?, ?, 'MAINLAND', ?, 'bench')");
                PreparedStatement entry = c.prepareStatement("INSERT INTO ranking_entry (list_id, rank_no, entry_name, company_id, "
                        + "link_status) VALUES (?, ?, ?, ?, 'CONFIRMED')")) {
            for (int l = 1; l <= 3; l++) {
                list.setLong(1, l);
                list.setString(2, "bench-" + l);
                list.setString(3, "榜单" + l);
                list.setString(4, "List " + l);
                list.setTimestamp(5, now);
                list.executeUpdate();
                for (int r = 1; r <= 500; r++) {
                    long id = 1 + random.nextInt(n);
                    entry.setLong(1, l);
                    entry.setInt(2, r);
                    entry.setString(3, firms.get((int) id - 1).nameZh());
                    entry.setLong(4, id);
                    entry.addBatch();
                }
                entry.executeBatch();
            }
            c.commit();
        }
        c.setAutoCommit(true);
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
            add(kinds, "whole credit code", CompanySearchSql.Filter.byName(f.code()));
            add(kinds, "credit code prefix", new CompanySearchSql.Filter(null, f.code().substring(0, 14), null, null, null, null, null));
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
        return TRADE_CHARS.charAt(random.nextInt(TRADE_CHARS.length()));
    }

    static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A valid unified social credit code for a sequence number. */
    static String creditCode(long seq) {
        String first17 = String.format("91440300%09d", seq * 7919L % 1_000_000_000L);
        return first17 + CreditCode.checkCharacter(first17);
    }
}
