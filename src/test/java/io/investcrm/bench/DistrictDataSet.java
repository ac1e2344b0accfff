package io.investcrm.bench;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;

import io.investcrm.company.CompanySearchIndex;
import io.investcrm.company.identity.CreditCode;
import io.investcrm.company.identity.Lei;
import io.investcrm.company.identity.NameNormalizer;

/**
 * A district-size data set for the benchmarks and the load test (issue 14): by default 100 000 companies with Chinese
 * and English names, groups and valid identifiers, 1 000 000 activities with follow-ups, 30 000 prospects across
 * stages and 20 teams, 10 000 offers with their approval steps, 500 users and six ranking lists. The schema is made
 * by the application's Flyway scripts; the rows are written as tab-separated files and loaded with {@code LOAD DATA
 * LOCAL INFILE} (foreign-key and unique checks off for the session), the name search terms computed with the
 * application's own rules ({@link CompanySearchIndex#grams}) and written in the order of their clustered key.
 *
 * <p>The realm's demo users keep their names and teams: {@code officer1}, {@code officer2} and {@code manager1} in
 * {@code team-a}, {@code officer3} in {@code team-b}, each owning a few hundred prospects, so that tokens from the
 * real Keycloak see a realistic share of the data. Generated users ({@code u001}…) only exist in the database.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=io.investcrm.bench.DistrictDataSet
 * -Dexec.classpathScope=test "-Dexec.args=[JDBC server URL] [database] [scale]"} — defaults
 * {@code jdbc:mysql://127.0.0.1:3306/}, {@code investcrm_load}, {@code 1.0} (user root, empty password; override with
 * {@code -Dbench.user=}, {@code -Dbench.password=}). The database is dropped and made again.
 */
public final class DistrictDataSet {

    /** How many of each; {@link #scaled} shrinks or grows all of them together. */
    public record Size(int companies, int activities, int prospects, int offers, int users, int teams) {

        public static final Size DISTRICT = new Size(100_000, 1_000_000, 30_000, 10_000, 500, 20);

        public Size scaled(double f) {
            return new Size(Math.max(100, (int) (companies * f)), (int) (activities * f), Math.max(30, (int) (prospects * f)),
                    (int) (offers * f), Math.max(20, (int) (users * f)), teams);
        }
    }

    /** A generated company, for benchmarks that search for what was loaded. */
    public record Firm(long id, String nameZh, String nameEn, String creditCode) {
    }

    /** What was loaded: the firms in id order, the prospects' company ids, and the load time. */
    public record Loaded(List<Firm> firms, long[] prospectCompanyIds, double seconds) {
    }

    static final String[] CITIES = { "深圳市", "深圳", "广州市", "上海", "北京", "杭州", "香港", "", "", "" };
    static final String TRADE_CHARS = "华信腾讯百度京东美团中兴平安招商万科比亚迪顺丰大疆汇顶创维康佳金蝶迈瑞欣旺达立德赛光明新宏远泰和盛通利鑫源恒祥嘉禾鹏程海天云智联数星辰辉耀博雅龙凤长城方南北前沿未来银河宇宙正道安居乐业永丰富强";
    static final String[] TRADES = { "科技", "电子", "半导体", "信息技术", "数据服务", "生物医药", "医疗器械", "智能制造", "新能源",
        "资产管理", "投资", "融资租赁", "保险经纪", "律师事务所", "会计师事务所", "管理咨询", "文化传媒", "设计", "供应链", "物流" };
    static final String[] EN_TRADES = { "Technology", "Electronics", "Semiconductor", "Information Technology", "Data Services",
        "Biopharma", "Medical Devices", "Smart Manufacturing", "New Energy", "Asset Management", "Investment", "Leasing",
        "Insurance Brokers", "Law Firm", "Accounting", "Management Consulting", "Media", "Design", "Supply Chain", "Logistics" };
    /** The plan's industry code for each of {@link #TRADES}. */
    static final String[] TRADE_INDUSTRIES = { "sci-tech.software-it", "sci-tech.electronics", "sci-tech.semiconductor.ic-design",
        "sci-tech.software-it", "sci-tech.software-it.data-services", "health-plus.biomedicine", "health-plus.medical-treatment-testing",
        "intelligent-plus.smart-manufacturing", "green-plus.new-energy", "finance.wealth-management", "finance.venture-capital",
        "finance.leasing", "finance.insurance", "professional.legal", "professional.accounting-tax",
        "professional.management-consulting", "fashion.digital-creative.media", "fashion.design.industrial-design",
        "trade-exhibition.supply-chain", "trade-exhibition.cross-border-logistics" };
    static final String[] SYLLABLES = { "hua", "xin", "teng", "xun", "bai", "du", "jing", "dong", "mei", "tuan", "zhong", "xing",
        "ping", "an", "zhao", "shang", "wan", "ke", "bi", "ya", "di", "shun", "feng", "da", "jiang", "hui", "ding", "chuang",
        "wei", "kang", "jia", "jin", "die", "mai", "rui", "peng", "cheng", "hai", "tian", "yun", "zhi", "lian", "long", "bo" };
    static final String[] LEGAL = { "有限公司", "股份有限公司", "集团有限公司", "（深圳）有限公司", "有限责任公司" };
    static final String[] EN_LEGAL = { "Co., Ltd.", "Limited", "Group Holdings", "(Shenzhen) Co., Ltd.", "LLP", "Inc." };
    static final String[] ZONES = { "hetao", "xiangmihu", "futian-cbd", "huaqiang-shangbu", "meilin-caitian",
        "dajinsha-chegongmiao", "bagualing", "antuoshan" };
    static final String[] STAGES = { "LEAD", "CONTACTED", "VISITED", "NEGOTIATING", "OFFER", "SIGNED", "LANDED" };
    /** PipelineConfig#escalationDays' default: an open task overdue by this many days was escalated. */
    static final int ESCALATION_DAYS = 3;
    /** Cumulative share (of 100) of prospects in each stage: a funnel. */
    static final int[] STAGE_FUNNEL = { 30, 55, 70, 82, 90, 95, 100 };
    static final String[] KINDS = { "PHONE", "MEETING", "VISIT", "HOSTED_VISIT", "EVENT", "EMAIL" };
    static final String[] SURNAMES = { "张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭" };
    static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "涛", "明", "超", "秀英", "晓东" };
    /** Demo users of the realm (username, team): their tokens are what the load test uses. */
    static final String[][] REALM_USERS = { { "officer1", "team-a" }, { "officer2", "team-a" }, { "officer3", "team-b" },
        { "manager1", "team-a" }, { "approver1", null }, { "admin1", null } };

    private DistrictDataSet() {
    }

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0] : "jdbc:mysql://127.0.0.1:3306/";
        String db = args.length > 1 ? args[1] : "investcrm_load";
        double scale = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
        Loaded loaded = create(server, db, System.getProperty("bench.user", "root"), System.getProperty("bench.password", ""),
                Size.DISTRICT.scaled(scale), 42);
        System.out.printf("loaded %d companies into %s in %.1f s%n", loaded.firms().size(), db, loaded.seconds());
    }

    /** The JDBC URL of a database on a server URL such as {@code jdbc:mysql://127.0.0.1:3306/}, with bulk options. */
    public static String url(String server, String db) {
        return server + db + "?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC&rewriteBatchedStatements=true"
                + "&allowLoadLocalInfile=true";
    }

    /**
     * Drops and makes {@code db}, migrates it with the application's scripts and loads a data set of {@code size}. The
     * phases overlap: Flyway runs while the generator writes the first files, and each file is loaded as soon as it is
     * written — the search terms (the largest table) on a connection of their own, everything else on a second one.
     */
    public static Loaded create(String server, String db, String user, String password, Size size, long seed)
            throws SQLException, IOException {
        long t0 = System.nanoTime();
        System.out.printf("  load average at start: %s%n", loadAverage());
        try (Connection admin = DriverManager.getConnection(server, user, password); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db);
            s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        String url = url(server, db);
        Path dir = Files.createTempDirectory("investcrm-dataset");
        java.util.concurrent.ExecutorService schemaLane = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.ExecutorService termLane = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.ExecutorService restLane = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<?> schema = schemaLane.submit(() -> {
                long f0 = System.nanoTime();
                Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
                phase(t0, "schema (Flyway)", f0);
                return null;
            });
            List<java.util.concurrent.Future<?>> loads = new ArrayList<>();
            Generator g = new Generator(size, new Random(seed), dir, table -> loads.add(
                    (table.equals("company_name_gram") ? termLane : restLane).submit(() -> {
                        schema.get();
                        try (Connection c = DriverManager.getConnection(url, user, password)) {
                            load(c, dir, table, t0);
                        }
                        return null;
                    })));
            long g0 = System.nanoTime();
            g.write();
            phase(t0, "all files written", g0);
            for (var f : loads) {
                f.get();
            }
            long a0 = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                // the loaded data is a new version of every figure (V021; the loads skipped the per-row triggers)
                s.executeUpdate("INSERT INTO figures_change (topic) VALUES ('pipeline'), ('activity'), ('offer'), ('goals'), ('lists'), ('stages')");
                s.execute("ANALYZE TABLE company, company_name_gram, company_industry, prospect, prospect_event, activity, "
                        + "activity_company, activity_officer, activity_day_count, activity_week_count, follow_up, offer, "
                        + "offer_approval, ranking_entry, app_user");
            }
            phase(t0, "ANALYZE TABLE", a0);
            System.out.printf("  load average at end: %s%n", loadAverage());
            return new Loaded(g.firms, g.prospectCompanies, (System.nanoTime() - t0) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            schemaLane.shutdownNow();
            termLane.shutdownNow();
            restLane.shutdownNow();
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    /** Prints a phase's own time and when it ended (seconds since the start of the load). */
    static void phase(long start, String what, long phaseStart) {
        long now = System.nanoTime();
        System.out.printf("  %-40s %6.1f s  (done at %5.1f s)%n", what, (now - phaseStart) / 1e9, (now - start) / 1e9);
    }

    /** The 1, 5 and 15 minute load averages of this machine (Linux), or "?" elsewhere. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Reads the firms of a database loaded earlier (for benchmarks run again on the same data). */
    public static List<Firm> firms(Connection c) throws SQLException {
        List<Firm> firms = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, name_zh, name_en, credit_code FROM company ORDER BY id")) {
            while (rs.next()) {
                firms.add(new Firm(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return firms;
    }

    /** The tables in load order, each with the columns its file holds. */
    static final String[][] TABLES = {
        { "team", "code, name_zh, name_en, leader" },
        { "app_user", "username, display_name, email, team_code, active" },
        { "company", "id, name_zh, name_en, search_text, norm_name, credit_code, hk_company_no, lei, hq_country, hq_city, "
                + "parent_id, group_id, entity_role, presence_sought, business_activities, revenue_cny_m, headcount, "
                + "space_need_sqm, preferred_zone, created_at, created_by, updated_at, updated_by" },
        { "company_industry", "company_id, industry_code" },
        { "company_name_gram", "gram, updated_at, company_id" },
        { "prospect", "id, company_id, stage, status, owner, owner_since, leader, team_code, confidential, stage_entered_at, "
                + "last_activity_at, last_progress_at, signed_on, agreement_ref, registered_on, local_credit_code, "
                + "landing_evidence, landing_recorded_by, landing_verified_by, landing_verified_at, created_at, updated_at" },
        { "prospect_event", "prospect_id, kind, from_value, to_value, actor, occurred_at" },
        { "activity", "id, kind, occurred_at, place, summary, outcome, next_step, created_by, created_at" },
        { "activity_company", "activity_id, company_id" },
        { "activity_officer", "activity_id, username" },
        { "follow_up", "company_id, activity_id, title, assignee, due_on, done_at, reminded_at, escalated_at, created_by, created_at" },
        { "activity_day_count", "zone_code, day, username, n" },
        { "activity_week_count", "zone_code, week, username, n" },
        { "offer", "id, company_id, prospect_id, kind, title, status, zone_code, building, floor_area_sqm, rent_per_sqm_month, "
                + "rent_free_months, subsidy_amount_cny, policy_basis, term_months, conditions, awaiting_role, owner, created_by, "
                + "created_at, updated_at, submitted_by, submitted_at, decided_at, round_no" },
        { "offer_approval", "offer_id, round_no, step_no, step_name, required_role, decided_by, decision, reason, decided_at, "
                + "arrived_at" },
        { "audit_event", "entity_type, entity_id, action, actor, occurred_at" },
        { "ranking_list", "id, code, list_year, name_zh, name_en, scope, source, created_at, created_by" },
        { "ranking_entry", "list_id, rank_no, entry_name, entry_name_en, credit_code, company_id, link_status, link_score" },
    };

    /** Tables large enough that their secondary keys are dropped for the load and built again afterwards (sorted). */
    static final java.util.Set<String> DEFERRED_KEYS = java.util.Set.of("company_name_gram", "activity", "activity_company",
            "follow_up");

    /** The columns of each table's file. */
    static final Map<String, String> COLUMNS = java.util.Arrays.stream(TABLES)
            .collect(java.util.stream.Collectors.toMap(t -> t[0], t -> t[1]));

    /**
     * Loads one table's file. The secondary keys and foreign keys of the largest tables are dropped first and made
     * again after the load: InnoDB then builds each key by sorting once instead of inserting millions of entries at
     * random places.
     */
    static void load(Connection c, Path dir, String table, long start) throws SQLException {
        try (Statement s = c.createStatement()) {
            // a bulk load of consistent data: the checks would only slow it down; the figures' change log (V021) gets one
            // row per topic at the end instead of one per loaded row
            s.execute("SET foreign_key_checks = 0, unique_checks = 0, @investcrm_bulk_load = 1");
            long t0 = System.nanoTime();
            List<String> keys = DEFERRED_KEYS.contains(table) ? dropSecondaryKeys(s, table) : List.of();
            String file = dir.resolve(table + ".tsv").toString().replace("\\", "/");
            int rows = s.executeUpdate("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE " + table
                    + " CHARACTER SET utf8mb4 (" + COLUMNS.get(table) + ")");
            long t1 = System.nanoTime();
            if (!keys.isEmpty()) {
                s.execute("ALTER TABLE " + table + " " + String.join(", ", keys.stream().map(k -> "ADD " + k).toList()));
            }
            long t2 = System.nanoTime();
            System.out.printf("  %-18s %,10d rows %6.1f s%s  (done at %5.1f s)%n", table, rows, (t1 - t0) / 1e9,
                    keys.isEmpty() ? "" : String.format(" + %.1f s for %d keys", (t2 - t1) / 1e9, keys.size()),
                    (t2 - start) / 1e9);
            s.execute("SET foreign_key_checks = 1, unique_checks = 1");
        }
    }

    /**
     * Drops the plain (non-unique) keys and foreign keys of a table, as {@code SHOW CREATE TABLE} declares them, and
     * returns their declarations to add again. The schema afterwards is exactly the migrated one.
     */
    static List<String> dropSecondaryKeys(Statement s, String table) throws SQLException {
        List<String> keys = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        List<String> fkDrops = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SHOW CREATE TABLE " + table)) {
            rs.next();
            for (String line : rs.getString(2).split("\n")) {
                String l = line.trim().replaceAll(",$", "");
                if (l.startsWith("KEY ")) {
                    keys.add(l);
                    drops.add("DROP KEY " + l.split("\\s+")[1]);
                } else if (l.startsWith("CONSTRAINT ") && l.contains("FOREIGN KEY")) {
                    keys.add(l);
                    fkDrops.add("DROP FOREIGN KEY " + l.split("\\s+")[1]);
                }
            }
        }
        // a key that backs a foreign key can only go after (or with) the foreign key; keys go back before the foreign keys
        if (!fkDrops.isEmpty()) {
            s.execute("ALTER TABLE " + table + " " + String.join(", ", fkDrops));
        }
        if (!drops.isEmpty()) {
            s.execute("ALTER TABLE " + table + " " + String.join(", ", drops));
        }
        keys.sort(java.util.Comparator.comparing(k -> k.startsWith("CONSTRAINT") ? 1 : 0));
        return keys;
    }

    /** Writes one tab-separated file per table, in the format {@code LOAD DATA} reads by default. */
    static final class Tsv implements Closeable {
        private final BufferedWriter out;
        private final StringBuilder line = new StringBuilder(256);

        Tsv(Path dir, String table) throws IOException {
            out = Files.newBufferedWriter(dir.resolve(table + ".tsv"), StandardCharsets.UTF_8);
        }

        void row(Object... values) {
            line.setLength(0);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    line.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    line.append("\\N");
                } else if (v instanceof Boolean b) {
                    line.append(b ? '1' : '0');
                } else if (v instanceof LocalDateTime t) {
                    line.append(t.toLocalDate()).append(' ').append(t.toLocalTime().truncatedTo(ChronoUnit.SECONDS));
                } else {
                    String s = v.toString();
                    for (int k = 0; k < s.length(); k++) {
                        char ch = s.charAt(k);
                        switch (ch) {
                            case '\t' -> line.append("\\t");
                            case '\n' -> line.append("\\n");
                            case '\\' -> line.append("\\\\");
                            default -> line.append(ch);
                        }
                    }
                }
            }
            line.append('\n');
            try {
                out.append(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A search-term row: the term (no tab, newline or backslash), a formatted time and the company id. */
        void raw(String term, String time, int companyId) {
            try {
                out.append(term).append('\t').append(time).append('\t').append(Integer.toString(companyId)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** The generator: deterministic for a seed. */
    static final class Generator {
        final Size size;
        final Random random;
        final Path dir;
        final LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        final List<Firm> firms = new ArrayList<>();
        /** Each firm's preferred zone (null when none), by id. */
        final Map<Long, String> zones = new HashMap<>();
        /** Activities per (zone or "" for all, day, officer), as ActivityCounts keeps them: summed while they are written. */
        final Map<String, Integer> dayCounts = new HashMap<>();
        long[] prospectCompanies;
        /** Officers (and managers working as officers) with their team; leaders per team. */
        final List<String[]> officers = new ArrayList<>();
        final Map<String, String> leaders = new HashMap<>();
        final Map<String, List<String>> teamOfficers = new HashMap<>();
        /** Told each table whose file is complete, so that its load can start while the generator goes on. */
        final java.util.function.Consumer<String> written;

        Generator(Size size, Random random, Path dir, java.util.function.Consumer<String> written) {
            this.size = size;
            this.random = random;
            this.dir = dir;
            this.written = written;
        }

        void write() throws IOException {
            long t0 = System.nanoTime();
            users();
            done("team", "app_user");
            long[] updated = companies();
            phase(t0, "files: companies and search terms", t0);
            long t1 = System.nanoTime();
            prospectsActivitiesOffers(updated);
            rankings();
            done("ranking_list", "ranking_entry");
            phase(t0, "files: the rest", t1);
        }

        /** Records a firm's zone and returns it (in the place of the expression, so the random sequence stays the same). */
        String zone(long id, String zone) {
            if (zone != null) {
                zones.put(id, zone);
            }
            return zone;
        }

        void done(String... tables) {
            for (String t : tables) {
                written.accept(t);
            }
        }

        String teamCode(int t) {
            return t == 0 ? "team-a" : t == 1 ? "team-b" : String.format("team-%02d", t + 1);
        }

        void users() throws IOException {
            try (Tsv team = new Tsv(dir, "team"); Tsv user = new Tsv(dir, "app_user")) {
                Map<String, String> demoTeams = new HashMap<>();
                for (String[] u : REALM_USERS) {
                    demoTeams.put(u[0], u[1]);
                }
                for (int t = 0; t < size.teams(); t++) {
                    String code = teamCode(t);
                    // the first generated user of the team (u<i> is in team i mod teams) leads it; manager1 the demo teams
                    int first = t;
                    while (first < REALM_USERS.length) {
                        first += size.teams();
                    }
                    String leader = t < 2 ? "manager1" : String.format("u%03d", first);
                    leaders.put(code, leader);
                    teamOfficers.put(code, new ArrayList<>());
                    team.row(code, "招商" + chineseNumber(t + 1) + "组", "Team " + (t < 2 ? (char) ('A' + t) : String.valueOf(t + 1)), leader);
                }
                for (String[] u : REALM_USERS) {
                    user.row(u[0], u[0], u[0] + "@investcrm.local", u[1], true);
                    if (u[1] != null) {
                        officers.add(new String[] { u[0], u[1] });
                        teamOfficers.get(u[1]).add(u[0]);
                    }
                }
                for (int i = REALM_USERS.length; i < size.users(); i++) {
                    String name = String.format("u%03d", i);
                    String code = teamCode(i % size.teams());
                    user.row(name, SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)],
                            name + "@investcrm.local", code, true);
                    officers.add(new String[] { name, code });
                    teamOfficers.get(code).add(name);
                }
            }
        }

        /** Companies, their industries and search terms; returns each company's updated_at (epoch seconds). */
        long[] companies() throws IOException {
            int n = size.companies();
            long[] updated = new long[n + 1];
            long base = now.minusDays(400).toEpochSecond(ZoneOffset.UTC);
            // the search terms, bucketed by term; each row packed as (updated_at - base) << 24 | company id
            Map<String, long[]> terms = new HashMap<>();
            Map<String, Integer> termCounts = new HashMap<>();
            NameNormalizer names = NameNormalizer.standard();
            try (Tsv company = new Tsv(dir, "company"); Tsv industry = new Tsv(dir, "company_industry")) {
                long group = 0;
                int members = 0;
                for (int id = 1; id <= n; id++) {
                    int t = random.nextInt(TRADES.length);
                    String trade = "" + pick() + pick() + (random.nextInt(3) == 0 ? String.valueOf(pick()) : "");
                    boolean hk = random.nextInt(12) == 0;
                    String city = hk ? "香港" : CITIES[random.nextInt(CITIES.length)];
                    String zh = city + trade + TRADES[t] + LEGAL[random.nextInt(LEGAL.length)];
                    String en = cap(SYLLABLES[random.nextInt(SYLLABLES.length)]) + cap(SYLLABLES[random.nextInt(SYLLABLES.length)])
                            + " " + EN_TRADES[t] + " " + EN_LEGAL[random.nextInt(EN_LEGAL.length)];
                    String code = hk ? null : creditCode(id);
                    firms.add(new Firm(id, zh, en, code));
                    String searchText = CompanySearchIndex.searchText(List.of(zh, en));
                    LocalDateTime up = now.minusMinutes(random.nextInt(500_000));
                    updated[id] = up.toEpochSecond(ZoneOffset.UTC);
                    // groups: every 25th firm heads a group of up to three members that follow it
                    String role = "STANDALONE";
                    Long parent = null;
                    Long groupId = null;
                    if (id % 25 == 1) {
                        group = id;
                        groupId = group;
                        members = 1 + random.nextInt(3);
                        role = "GLOBAL_HQ";
                    } else if (members > 0) {
                        members--;
                        parent = group;
                        groupId = group;
                        role = hk ? "HK_FIRM" : "LOCAL_ENTITY";
                    }
                    company.row(id, zh, en, searchText, names.normalized(zh), code,
                            hk ? String.valueOf(1_000_000 + id) : null, random.nextInt(10) == 0 ? lei(id) : null,
                            hk ? "HK" : "CN", hk ? "香港" : "深圳", parent, groupId,
                            role, random.nextInt(4) == 0 ? "REGIONAL_HQ" : null, TRADES[t] + "；研发、销售与服务",
                            random.nextInt(3) == 0 ? String.valueOf(10 + random.nextInt(50_000)) + ".00" : null,
                            random.nextInt(2) == 0 ? 10 + random.nextInt(5000) : null,
                            random.nextInt(3) == 0 ? 100 + random.nextInt(5000) : null,
                            zone(id, random.nextInt(3) == 0 ? ZONES[random.nextInt(ZONES.length)] : null),
                            up.minusDays(random.nextInt(200)), "bench", up, "bench");
                    industry.row(id, TRADE_INDUSTRIES[t]);
                    if (random.nextInt(5) == 0) {
                        String second = TRADE_INDUSTRIES[random.nextInt(TRADE_INDUSTRIES.length)];
                        if (!second.equals(TRADE_INDUSTRIES[t])) {
                            industry.row(id, second);
                        }
                    }
                    long packed = (updated[id] - base) << 24 | id;
                    for (String g : CompanySearchIndex.grams(searchText)) {
                        int k = termCounts.merge(g, 1, Integer::sum) - 1;
                        long[] rows = terms.get(g);
                        if (rows == null || rows.length == k) {
                            rows = rows == null ? new long[8] : Arrays.copyOf(rows, rows.length * 2);
                            terms.put(g, rows);
                        }
                        rows[k] = packed;
                    }
                }
            }
            done("company", "company_industry");
            // in the order of the table's clustered key (gram, updated_at, company_id): the load appends. Each company's
            // time is formatted once (the terms are 70 rows a company)
            String[] times = new String[n + 1];
            for (int id = 1; id <= n; id++) {
                LocalDateTime up = LocalDateTime.ofEpochSecond(updated[id], 0, ZoneOffset.UTC);
                times[id] = up.toLocalDate() + " " + up.toLocalTime();
            }
            try (Tsv gram = new Tsv(dir, "company_name_gram")) {
                for (Map.Entry<String, long[]> e : new TreeMap<>(terms).entrySet()) {
                    long[] rows = Arrays.copyOf(e.getValue(), termCounts.get(e.getKey()));
                    Arrays.sort(rows);
                    for (long r : rows) {
                        int id = (int) (r & 0xFFFFFF);
                        gram.raw(e.getKey(), times[id], id);
                    }
                }
            }
            done("company_name_gram");
            return updated;
        }

        void prospectsActivitiesOffers(long[] updated) throws IOException {
            int n = size.companies();
            // distinct companies for the prospects: a partial shuffle of 1..n
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = i + 1;
            }
            int pn = Math.min(size.prospects(), n);
            for (int i = 0; i < pn; i++) {
                int j = i + random.nextInt(n - i);
                int tmp = ids[i];
                ids[i] = ids[j];
                ids[j] = tmp;
            }
            prospectCompanies = new long[pn];
            String[] owners = new String[pn];
            String[] stages = new String[pn];
            try (Tsv prospect = new Tsv(dir, "prospect"); Tsv event = new Tsv(dir, "prospect_event")) {
                for (int i = 0; i < pn; i++) {
                    long companyId = ids[i];
                    prospectCompanies[i] = companyId;
                    int s = 0;
                    for (int roll = random.nextInt(100); roll >= STAGE_FUNNEL[s]; s++) {
                    }
                    String stage = STAGES[s];
                    stages[i] = stage;
                    int statusRoll = random.nextInt(100);
                    String status = statusRoll < 80 ? "ACTIVE" : statusRoll < 88 ? "ON_HOLD" : statusRoll < 96 ? "LOST" : "ABANDONED";
                    // the demo officers own a few hundred each (their lists are what the load test reads); 10 % in the pool
                    String owner;
                    String team;
                    int who = random.nextInt(100);
                    if (who < 10) {
                        owner = null;
                        team = null;
                    } else if (who < 13) {
                        String[] demo = officers.get(random.nextInt(4));
                        owner = demo[0];
                        team = demo[1];
                    } else {
                        String[] o = officers.get(random.nextInt(officers.size()));
                        owner = o[0];
                        team = o[1];
                    }
                    owners[i] = owner;
                    LocalDateTime created = now.minusDays(30 + random.nextInt(700));
                    LocalDateTime entered = now.minusDays(random.nextInt(120));
                    LocalDateTime lastActivity = now.minusDays(random.nextInt(60));
                    boolean signed = s >= 5;
                    boolean landed = s == 6;
                    boolean verified = landed && random.nextBoolean();
                    prospect.row(i + 1, companyId, stage, status, owner, owner == null ? null : created,
                            team == null ? null : leaders.get(team), team, random.nextInt(33) == 0, entered, lastActivity, entered,
                            signed ? entered.toLocalDate().minusDays(5) : null, signed ? "FT-BENCH-" + (i + 1) : null,
                            landed ? entered.toLocalDate() : null, landed ? creditCode(5_000_000L + i) : null,
                            landed ? "营业执照及租赁合同" : null, landed ? owner : null,
                            verified ? "manager1" : null, verified ? entered.plusDays(1) : null, created, lastActivity);
                    event.row(i + 1, "STARTED", null, "LEAD", owner == null ? "bench" : owner, created);
                    if (s > 0) {
                        event.row(i + 1, "STAGE", STAGES[s - 1], stage, owner == null ? "bench" : owner, entered);
                    }
                }
            }
            done("prospect", "prospect_event");
            activities(n, pn, owners);
            done("activity", "activity_company", "activity_officer", "follow_up");
            activityCounts();
            done("activity_day_count", "activity_week_count");
            offers(pn, owners, stages);
            done("offer", "offer_approval", "audit_event");
        }

        void activities(int n, int pn, String[] owners) throws IOException {
            try (Tsv activity = new Tsv(dir, "activity"); Tsv ac = new Tsv(dir, "activity_company");
                    Tsv ao = new Tsv(dir, "activity_officer"); Tsv followUp = new Tsv(dir, "follow_up")) {
                for (int id = 1; id <= size.activities(); id++) {
                    // most contact is with firms being pursued; the rest with the register at large
                    long company;
                    String by;
                    if (random.nextInt(10) < 7) {
                        int p = random.nextInt(pn);
                        company = prospectCompanies[p];
                        by = owners[p] != null ? owners[p] : officers.get(random.nextInt(officers.size()))[0];
                    } else {
                        company = 1 + random.nextInt(n);
                        by = officers.get(random.nextInt(officers.size()))[0];
                    }
                    String kind = KINDS[random.nextInt(KINDS.length)];
                    LocalDateTime at = now.minusMinutes(random.nextInt(1_000_000));
                    String name = firms.get((int) company - 1).nameZh();
                    activity.row(id, kind, at, "VISIT".equals(kind) ? "福田区投资推广署" : null,
                            "与" + name + "沟通落户福田事宜，介绍产业政策与片区定位", random.nextBoolean() ? "对方有意在福田设立机构" : null,
                            random.nextInt(3) == 0 ? "提交空间方案" : null, by, at);
                    ac.row(id, company);
                    ao.row(id, by);
                    // one firm and one officer an activity: one count for every zone's row, one for its firm's zone
                    dayCounts.merge("\t" + at.toLocalDate() + "\t" + by, 1, Integer::sum);
                    String zone = zones.get(company);
                    if (zone != null) {
                        dayCounts.merge(zone + "\t" + at.toLocalDate() + "\t" + by, 1, Integer::sum);
                    }
                    if (random.nextInt(10) < 3) {
                        LocalDate due = at.toLocalDate().plusDays(3 + random.nextInt(28));
                        boolean past = due.isBefore(now.toLocalDate());
                        boolean done = past && random.nextInt(10) < 8;
                        // a running office's state: this morning's reminders went out (every open task due by
                        // tomorrow), and a task overdue by the escalation's 3 days was escalated then; otherwise
                        // the app's first reminder run sends ~70 000 reminders and mails in the middle of a benchmark
                        boolean open = !done;
                        boolean remind = open && !due.isAfter(now.toLocalDate().plusDays(1));
                        LocalDate escalate = due.plusDays(ESCALATION_DAYS);
                        followUp.row(company, id, "跟进" + name + "的选址需求", by, due, done ? at.plusDays(2) : null,
                                remind ? now : null, open && !escalate.isAfter(now.toLocalDate()) ? escalate.atStartOfDay() : null,
                                by, at);
                    }
                }
            }
        }

        /**
         * The counts the application keeps per officer and day and per officer and ISO week (V017), written as files
         * from the sums made while the activities were written: a bulk load instead of grouping a million rows in the
         * database (issue 14: the whole set in under two minutes). ActivityCounts.RECOUNT gives the same rows.
         */
        void activityCounts() throws IOException {
            Map<String, Integer> weeks = new HashMap<>();
            try (Tsv days = new Tsv(dir, "activity_day_count")) {
                for (Map.Entry<String, Integer> e : dayCounts.entrySet()) {
                    String[] k = e.getKey().split("\t", -1);
                    LocalDate day = LocalDate.parse(k[1]);
                    days.row(k[0], day, k[2], e.getValue());
                    LocalDate monday = day.minusDays(day.getDayOfWeek().getValue() - 1);
                    weeks.merge(k[0] + "\t" + monday + "\t" + k[2], e.getValue(), Integer::sum);
                }
            }
            try (Tsv week = new Tsv(dir, "activity_week_count")) {
                for (Map.Entry<String, Integer> e : weeks.entrySet()) {
                    String[] k = e.getKey().split("\t", -1);
                    week.row(k[0], LocalDate.parse(k[1]), k[2], e.getValue());
                }
            }
        }

        void offers(int pn, String[] owners, String[] stages) throws IOException {
            String[] statuses = { "DRAFT", "SUBMITTED", "APPROVED", "REJECTED", "WITHDRAWN", "ACCEPTED", "DECLINED" };
            int[] cumulative = { 15, 45, 65, 75, 80, 95, 100 };
            try (Tsv offer = new Tsv(dir, "offer"); Tsv approval = new Tsv(dir, "offer_approval");
                    Tsv audit = new Tsv(dir, "audit_event")) {
                for (int id = 1; id <= size.offers(); id++) {
                    int p = random.nextInt(pn);
                    // offers come late in a pursuit: pick again (once) when the first one is early
                    if (stages[p].equals("LEAD") || stages[p].equals("CONTACTED")) {
                        p = random.nextInt(pn);
                    }
                    String owner = owners[p] != null ? owners[p] : officers.get(random.nextInt(officers.size()))[0];
                    int s = 0;
                    for (int roll = random.nextInt(100); roll >= cumulative[s]; s++) {
                    }
                    String status = statuses[s];
                    boolean space = random.nextBoolean();
                    boolean large = random.nextInt(4) == 0;
                    String area = space ? (large ? 2000 + random.nextInt(4000) : 100 + random.nextInt(1800)) + ".00" : null;
                    String amount = space ? null : (large ? 1_000_001 + random.nextInt(4_000_000) : 50_000 + random.nextInt(900_000)) + ".00";
                    LocalDateTime created = now.minusDays(1 + random.nextInt(300));
                    boolean submitted = s > 0 && s != 4 || (s == 4 && random.nextBoolean());
                    LocalDateTime submittedAt = submitted ? created.plusDays(1) : null;
                    boolean decided = s == 2 || s == 3 || s == 5 || s == 6;
                    LocalDateTime decidedAt = decided ? created.plusDays(3) : null;
                    offer.row(id, prospectCompanies[p], p + 1, space ? "SPACE" : "SUBSIDY",
                            space ? "办公空间方案 " + id : "落户补贴方案 " + id, status,
                            space ? ZONES[random.nextInt(ZONES.length)] : null, space ? "福田区某大厦 " + (1 + random.nextInt(40)) + " 层" : null,
                            area, space ? (80 + random.nextInt(120)) + ".00" : null, space ? random.nextInt(13) : null, amount,
                            space ? null : "福田区支持产业高质量发展若干措施", 12 * (1 + random.nextInt(5)), "注册地及纳统在福田",
                            s == 1 ? "approver" : null, owner, owner, created, decidedAt != null ? decidedAt : submittedAt != null ? submittedAt : created,
                            submitted ? owner : null, submittedAt, decidedAt, submitted ? 1 : 0);
                    audit.row("offer", id, "create", owner, created);
                    if (submitted) {
                        audit.row("offer", id, "submit", owner, submittedAt);
                        // a submitted offer is in its first approval round (the offer's round_no names it); the steps
                        // are named as in investcrm.offer.steps (the routing reads a step's service time by its name)
                        approval.row(id, 1, 1, "section-chief", "approver", decided ? "approver1" : null, decided ? (s == 3 ? "REJECTED" : "APPROVED") : null,
                                s == 3 ? "不符合政策条件" : null, decidedAt, submittedAt);
                        if (large) {
                            approval.row(id, 1, 2, "district-leader", "manager", decided && s != 3 ? "manager1" : null, decided && s != 3 ? "APPROVED" : null,
                                    null, decided && s != 3 ? decidedAt : null, decided && s != 3 ? decidedAt : null);
                        }
                    }
                }
            }
        }

        void rankings() throws IOException {
            Object[][] lists = { { "fortune-global-500", "世界500强", "Fortune Global 500", "INTERNATIONAL", 500 },
                { "china-500", "中国500强", "China Top 500 Enterprises", "MAINLAND", 500 },
                { "private-500", "民营500强", "China Top 500 Private Enterprises", "MAINLAND", 500 },
                { "listed", "上市公司", "Listed companies", "MAINLAND", 2000 },
                { "hk-law-top20", "香港律师行前20", "Hong Kong top-20 law firms", "HONG_KONG", 20 },
                { "national-high-tech-enterprise", "国家高新技术企业", "National high-tech enterprises", "MAINLAND", 3000 } };
            try (Tsv list = new Tsv(dir, "ranking_list"); Tsv entry = new Tsv(dir, "ranking_entry")) {
                for (int l = 0; l < lists.length; l++) {
                    Object[] d = lists[l];
                    list.row(l + 1, d[0], 2024, d[1], d[2], d[3], "基准数据", now, "bench");
                    int entries = Math.min((Integer) d[4], firms.size() / 10);
                    for (int r = 1; r <= entries; r++) {
                        Firm f = firms.get(random.nextInt(firms.size()));
                        int roll = random.nextInt(10);
                        String status = roll < 7 ? "CONFIRMED" : roll < 9 ? "PROPOSED" : "UNLINKED";
                        entry.row(l + 1, r, f.nameZh(), f.nameEn(), f.creditCode(), "UNLINKED".equals(status) ? null : f.id(),
                                status, "UNLINKED".equals(status) ? null : "CONFIRMED".equals(status) ? "1.000" : "0.850");
                    }
                }
            }
        }

        char pick() {
            return TRADE_CHARS.charAt(random.nextInt(TRADE_CHARS.length()));
        }
    }

    static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String chineseNumber(int n) {
        String digits = "零一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        return (n >= 20 ? String.valueOf(digits.charAt(n / 10)) : "") + "十" + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
    }

    /** A valid unified social credit code (GB 32100) for a sequence number, with the check character of the rules. */
    public static String creditCode(long seq) {
        String first17 = String.format("91440300%09d", seq * 7919L % 1_000_000_000L);
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** A valid LEI (ISO 17442) for a sequence number. */
    static String lei(long seq) {
        String first18 = String.format("5493%012d00", seq);
        return first18 + Lei.checkDigits(first18);
    }
}
