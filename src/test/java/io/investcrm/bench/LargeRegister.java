package io.investcrm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

import io.investcrm.company.CompanySearchIndex;
import io.investcrm.company.identity.NameNormalizer;

/**
 * A register of many companies and nothing else, loaded in bulk into a migrated database for the browser test of the
 * company pickers at district size (issue 15): the companies as {@link DistrictDataSet} names them (city + trade name
 * + trade + legal form, valid credit codes), an English name for a share of them, an alias for one in ten, their
 * industries, and their name search terms computed with the application's own rules ({@link CompanySearchIndex}) and
 * written in the order of the term table's clustered key. No pursuits, activities or offers: every firm is in nobody's
 * pipeline, so every user sees all of them. All rows are older than {@code before}, so the matching sweep leaves them
 * alone; ids continue after the largest one present.
 */
public final class LargeRegister {

    /** A loaded firm: what a person would type to find it. */
    public record Firm(long id, String nameZh, String nameEn, String alias, String creditCode) {
    }

    /** The firms in id order, the number of search terms written, and the time taken (generation and load). */
    public record Loaded(List<Firm> firms, long terms, double seconds) {
    }

    static final String[] ALIAS_WORDS = { "实业", "控股", "国际", "科创", "集团" };

    private LargeRegister() {
    }

    /**
     * Loads {@code n} companies into the database at {@code url} (already migrated); one in {@code englishEvery} has an
     * English name. The connection must allow {@code LOAD DATA LOCAL INFILE} (see {@link DistrictDataSet#url}).
     */
    public static Loaded load(String url, String user, String password, int n, int englishEvery, long seed,
            LocalDateTime before) throws SQLException, IOException {
        long t0 = System.nanoTime();
        Random random = new Random(seed);
        Path dir = Files.createTempDirectory("investcrm-register");
        List<Firm> firms = new ArrayList<>(n);
        long terms = 0;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            long first;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM company")) {
                rs.next();
                first = rs.getLong(1);
            }
            LocalDateTime latest = before.truncatedTo(ChronoUnit.SECONDS).minusMinutes(1);
            long base = latest.minusMinutes(500_000).toEpochSecond(ZoneOffset.UTC);
            // the search terms, bucketed by term; each row packed as (updated_at - base) << 32 | company id
            Map<String, long[]> byTerm = new HashMap<>();
            Map<String, Integer> counts = new HashMap<>();
            NameNormalizer names = NameNormalizer.standard();
            try (DistrictDataSet.Tsv company = new DistrictDataSet.Tsv(dir, "company");
                    DistrictDataSet.Tsv industry = new DistrictDataSet.Tsv(dir, "company_industry");
                    DistrictDataSet.Tsv alias = new DistrictDataSet.Tsv(dir, "company_alias")) {
                for (long id = first; id < first + n; id++) {
                    int t = random.nextInt(DistrictDataSet.TRADES.length);
                    String trade = "" + pick(random) + pick(random) + (random.nextInt(3) == 0 ? String.valueOf(pick(random)) : "");
                    String zh = DistrictDataSet.CITIES[random.nextInt(DistrictDataSet.CITIES.length)] + trade
                            + DistrictDataSet.TRADES[t] + DistrictDataSet.LEGAL[random.nextInt(DistrictDataSet.LEGAL.length)];
                    String en = random.nextInt(englishEvery) != 0 ? null
                            : DistrictDataSet.cap(DistrictDataSet.SYLLABLES[random.nextInt(DistrictDataSet.SYLLABLES.length)])
                                    + DistrictDataSet.cap(DistrictDataSet.SYLLABLES[random.nextInt(DistrictDataSet.SYLLABLES.length)])
                                    + " " + DistrictDataSet.EN_TRADES[t] + " "
                                    + DistrictDataSet.EN_LEGAL[random.nextInt(DistrictDataSet.EN_LEGAL.length)];
                    String aliasName = random.nextInt(10) != 0 ? null
                            : "" + pick(random) + pick(random) + pick(random) + ALIAS_WORDS[random.nextInt(ALIAS_WORDS.length)];
                    String code = DistrictDataSet.creditCode(id);
                    firms.add(new Firm(id, zh, en, aliasName, code));
                    List<String> all = new ArrayList<>(Arrays.asList(zh, en));
                    if (aliasName != null) {
                        all.add(aliasName);
                    }
                    String searchText = CompanySearchIndex.searchText(all);
                    long updated = base + random.nextInt(500_000) * 60L;
                    LocalDateTime up = LocalDateTime.ofEpochSecond(updated, 0, ZoneOffset.UTC);
                    company.row(id, zh, en, searchText, names.normalized(zh), code, "CN", "深圳", "STANDALONE",
                            random.nextInt(3) == 0 ? DistrictDataSet.ZONES[random.nextInt(DistrictDataSet.ZONES.length)] : null,
                            up.minusDays(random.nextInt(200)), "bench", up, "bench");
                    industry.row(id, DistrictDataSet.TRADE_INDUSTRIES[t]);
                    if (aliasName != null) {
                        alias.row(id, "ALIAS", aliasName, names.normalized(aliasName), up, "bench");
                    }
                    long packed = (updated - base) << 32 | id;
                    for (String g : CompanySearchIndex.grams(searchText)) {
                        int k = counts.merge(g, 1, Integer::sum) - 1;
                        long[] rows = byTerm.get(g);
                        if (rows == null || rows.length == k) {
                            rows = rows == null ? new long[8] : Arrays.copyOf(rows, rows.length * 2);
                            byTerm.put(g, rows);
                        }
                        rows[k] = packed;
                    }
                }
            }
            // in the order of the table's clustered key (gram, updated_at, company_id): the load appends
            try (DistrictDataSet.Tsv gram = new DistrictDataSet.Tsv(dir, "company_name_gram")) {
                for (Map.Entry<String, long[]> e : new TreeMap<>(byTerm).entrySet()) {
                    long[] rows = Arrays.copyOf(e.getValue(), counts.get(e.getKey()));
                    Arrays.sort(rows);
                    for (long r : rows) {
                        gram.row(e.getKey(), LocalDateTime.ofEpochSecond(base + (r >>> 32), 0, ZoneOffset.UTC), r & 0xFFFFFFFFL);
                    }
                    terms += rows.length;
                }
            }
            System.out.printf("  %d companies, %d search terms written in %.1f s%n", n, terms, (System.nanoTime() - t0) / 1e9);
            load(c, dir, "company", "id, name_zh, name_en, search_text, norm_name, credit_code, hq_country, hq_city, "
                    + "entity_role, preferred_zone, created_at, created_by, updated_at, updated_by");
            load(c, dir, "company_industry", "company_id, industry_code");
            load(c, dir, "company_alias", "company_id, kind, name, norm_name, created_at, created_by");
            load(c, dir, "company_name_gram", "gram, updated_at, company_id");
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE TABLE company, company_alias, company_industry, company_name_gram");
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
        return new Loaded(firms, terms, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Loads one table's file with the checks off; the term table's secondary and foreign keys are dropped first and
     * built again after (one sort instead of millions of random inserts), as {@link DistrictDataSet} does.
     */
    static void load(Connection c, Path dir, String table, String columns) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET foreign_key_checks = 0, unique_checks = 0");
            long t0 = System.nanoTime();
            List<String> keys = table.equals("company_name_gram") ? DistrictDataSet.dropSecondaryKeys(s, table) : List.of();
            String file = dir.resolve(table + ".tsv").toString().replace("\\", "/");
            int rows = s.executeUpdate("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE " + table
                    + " CHARACTER SET utf8mb4 (" + columns + ")");
            long t1 = System.nanoTime();
            if (!keys.isEmpty()) {
                s.execute("ALTER TABLE " + table + " " + String.join(", ", keys.stream().map(k -> "ADD " + k).toList()));
            }
            System.out.printf("  %-18s %,10d rows %6.1f s%s%n", table, rows, (t1 - t0) / 1e9,
                    keys.isEmpty() ? "" : String.format(" + %.1f s for %d keys", (System.nanoTime() - t1) / 1e9, keys.size()));
            s.execute("SET foreign_key_checks = 1, unique_checks = 1");
        }
    }

    static char pick(Random random) {
        return DistrictDataSet.TRADE_CHARS.charAt(random.nextInt(DistrictDataSet.TRADE_CHARS.length()));
    }
}
