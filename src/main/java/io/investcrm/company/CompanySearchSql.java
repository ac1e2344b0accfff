package io.investcrm.company;

import static io.investcrm.core.Text.blank;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import io.investcrm.company.identity.CreditCode;
import io.investcrm.company.identity.Lei;
import io.investcrm.company.identity.NameNormalizer;
import io.investcrm.company.identity.SearchKeys;
import io.investcrm.security.Visibility;
import io.investcrm.web.PageView;

/**
 * The company search, as plain SQL with ordinal parameters ({@code ?1 …}) run through a {@link Db}, so that the
 * application and the search benchmark run exactly the same statements.
 *
 * <p>Name fragments: the index table {@code company_name_gram} holds each live company's name terms
 * ({@link SearchKeys#terms}) with its {@code updated_at}. A search first counts, capped, how many rows each of the
 * query's terms has (the probe), then walks the rarest term's rows newest change first (the table's primary key,
 * {@code (gram, updated_at, company_id)}), checks the whole fragment with {@code search_text LIKE}, and stops at the
 * end of the page: its cost follows the page and the rarest term, not the size of the register. The join order is fixed
 * ({@code STRAIGHT_JOIN}, {@code FORCE INDEX}: both MySQL and MariaDB honour them) because the optimizer cannot know
 * that the walk may stop early. A query too short for any term (one Latin letter or digit) falls back to LIKE alone.
 *
 * <p>Counting stops at {@value #COUNT_CAP} + 1 matches ("more than {@value #COUNT_CAP}").
 */
public final class CompanySearchSql {

    /**
     * Counting stops here ({@link PageView#COUNT_CAP}): beyond a thousand matches nobody pages on, they refine the
     * search, and an exact count of a broad search would read most of the table. A total of {@value} + 1 means "more
     * than {@value}".
     */
    public static final int COUNT_CAP = PageView.COUNT_CAP;

    /** At most this many of a query's terms are probed for the rarest; LIKE verifies the whole fragment. */
    static final int MAX_PROBED_TERMS = 4;
    /** The probe counts a term's rows up to here: beyond it, any of the common terms drives equally well. */
    static final int PROBE_CAP = 5000;
    static final String NO_STAGE = "NONE";
    private static final String LIKE_ESCAPE = " ESCAPE '!'";
    private static final String PROSPECT_JOIN = " LEFT JOIN prospect p ON p.company_id = c.id";
    private static final Pattern PROSPECT_USE = Pattern.compile("(?<![A-Za-z0-9_])p\\.");
    private static final Pattern CODE_LIKE = Pattern.compile("[0-9A-Z]{18}|[0-9A-Z]{20}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public static final String COLUMNS = "c.id, c.name_zh, c.name_en, c.credit_code, c.hq_country, c.hq_city, "
            + "c.entity_role, c.version, p.stage, p.owner, c.preferred_zone";

    /** What a search may filter by; null or blank means "any". {@code stage} NONE means "no prospect yet". */
    public record Filter(String q, String creditCode, String industry, String zone, Long listId, String owner,
            String stage) {

        public static Filter byName(String q) {
            return new Filter(q, null, null, null, null, null, null);
        }
    }

    /** The statement pair and the parameters of each in order. */
    public record Sql(String select, String count, List<Object> params, List<Object> countParams) {

        Sql(String select, String count, List<Object> params) {
            this(select, count, params, params);
        }

        /** JDBC form of a statement: ordinal {@code ?n} markers become {@code ?} (parameters appear in order). */
        public static String jdbc(String sql) {
            return sql.replaceAll("\\?\\d+", "?");
        }
    }

    /** Runs a native statement with ordinal parameters: the application's entity manager, or plain JDBC. */
    @FunctionalInterface
    public interface Db {
        List<Object[]> rows(String sql, List<Object> params, int offset, int limit);
    }

    /**
     * How many rows each name term had when it was last probed (issue 14: the probe was the fourth-largest statement of
     * the mixed load). A count only chooses which term drives the walk, never what matches: a stale one can make a
     * search slower, not wrong. So counts are kept for ten minutes, up to {@value #MAX} terms (then forgotten all at
     * once), and a zero is never kept: "no name has this term" ends a search at the probe, and a firm created since must
     * be found.
     */
    public static final class TermCounts {
        static final int MAX = 50_000;
        static final long TTL_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(10);

        private record Count(long n, long at) {
        }

        private final java.util.concurrent.ConcurrentHashMap<String, Count> counts = new java.util.concurrent.ConcurrentHashMap<>();

        /** The kept count of a term, or -1 when none is kept (or it is older than ten minutes). */
        long get(String term) {
            Count c = counts.get(term);
            return c == null || System.nanoTime() - c.at() > TTL_NANOS ? -1 : c.n();
        }

        void put(String term, long n) {
            if (n <= 0) {
                return;
            }
            if (counts.size() >= MAX) {
                counts.clear();
            }
            counts.put(term, new Count(n, System.nanoTime()));
        }
    }

    /**
     * Runs a capped count: {@code run} counts now; an implementation may answer from a count kept under the version of
     * the rows it reads (the application's {@code ListCounts}).
     */
    @FunctionalInterface
    public interface Counter {
        long count(Filter f, String sql, List<Object> params, LongSupplier run);

        /** Counts every time (the search benchmark). */
        Counter DIRECT = (f, sql, params, run) -> run.getAsLong();
    }

    /** A page of {@link #COLUMNS} rows and the capped total (-1 when not counted). */
    public record Result(List<Object[]> rows, long total) {
    }

    private CompanySearchSql() {
    }

    /**
     * Runs a search: probe, page, and (when {@code count}) the capped count.
     *
     * @param visible the pipeline's visibility rule as a condition on prospect {@code p}
     */
    public static Result search(Db db, Filter f, Visibility.Predicate visible, int offset, int limit, boolean count) {
        return search(db, new TermCounts(), f, visible, offset, limit, count ? Counter.DIRECT : null);
    }

    /**
     * {@link #search(Db, Filter, Visibility.Predicate, int, int, boolean)}, probing only the terms {@code known} has no
     * count of, counting through {@code counter} (null: no count).
     */
    public static Result search(Db db, TermCounts known, Filter f, Visibility.Predicate visible, int offset, int limit,
            Counter counter) {
        boolean count = counter != null;
        List<String> terms = queryTerms(f);
        String driver = null;
        if (terms.size() == 1) {
            driver = terms.get(0);
        } else if (terms.size() > 1) {
            long fewest = Long.MAX_VALUE;
            List<String> unknown = new ArrayList<>();
            for (String t : terms) {
                long n = known.get(t);
                if (n < 0) {
                    unknown.add(t);
                } else if (n < fewest) {
                    fewest = n;
                    driver = t;
                }
            }
            if (!unknown.isEmpty()) {
                Sql probe = probe(unknown);
                for (Object[] r : db.rows(probe.select(), probe.params(), 0, unknown.size())) {
                    long n = ((Number) r[1]).longValue();
                    String term = unknown.get(((Number) r[0]).intValue());
                    known.put(term, n);
                    if (n < fewest) {
                        fewest = n;
                        driver = term;
                    }
                }
            }
            if (fewest == 0) {
                // a term no name has: nothing can match
                return new Result(List.of(), count ? 0 : -1);
            }
        }
        Sql sql = build(f, visible, driver);
        List<Object[]> rows = db.rows(sql.select(), sql.params(), offset, limit);
        long total = count ? PageView.cappedTotal(offset, limit, rows.size(), COUNT_CAP, () -> counter.count(f, sql.count(),
                sql.countParams(), () -> ((Number) db.rows(sql.count(), sql.countParams(), 0, 1).get(0)[0]).longValue())) : -1;
        return new Result(rows, total);
    }

    /** The index terms a filter's name query looks up (at most {@value #MAX_PROBED_TERMS}); none for an identifier. */
    static List<String> queryTerms(Filter f) {
        String q = f.q() == null ? "" : f.q().strip();
        if (q.isEmpty() || identifier(q) != null) {
            return List.of();
        }
        return pick(new ArrayList<>(SearchKeys.queryTerms(NameNormalizer.standard().fold(q))));
    }

    /** The pasted credit code or LEI a query is, or null. */
    private static String identifier(String q) {
        String compact = SPACES.matcher(q).replaceAll("").toUpperCase(Locale.ROOT);
        return CODE_LIKE.matcher(compact).matches() && (CreditCode.isValid(compact) || Lei.isValid(compact)) ? compact : null;
    }

    /** How many rows each term has, capped at {@value #PROBE_CAP}: rows of (term index, count). */
    static Sql probe(List<String> terms) {
        List<Object> params = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            parts.add("SELECT " + i + " AS k, COUNT(*) AS n FROM (SELECT 1 FROM company_name_gram WHERE gram = "
                    + p(params, terms.get(i)) + " LIMIT " + PROBE_CAP + ") t" + i);
        }
        return new Sql(String.join(" UNION ALL ", parts), null, params);
    }

    /**
     * The search statements for a filter, limited to what {@code visible} (a condition on prospect {@code p})
     * allows; {@code driver} is the name term whose rows the search walks (null: no name terms).
     */
    static Sql build(Filter f, Visibility.Predicate visible, String driver) {
        List<Object> params = new ArrayList<>();
        StringBuilder from = new StringBuilder();
        List<String> where = new ArrayList<>();
        String order;
        String q = f.q() == null ? "" : f.q().strip();
        String id = q.isEmpty() ? null : identifier(q);
        if (driver != null) {
            // the other terms are not joined: reading the company row for LIKE costs what a term lookup costs
            from.append(" FROM company_name_gram d FORCE INDEX (PRIMARY) JOIN company c ON c.id = d.company_id");
            where.add("d.gram = " + p(params, driver));
            order = " ORDER BY d.updated_at DESC, d.company_id DESC";
        } else {
            from.append(" FROM company c");
            order = " ORDER BY c.updated_at DESC, c.id DESC";
        }
        where.add("c.survivor_id IS NULL");
        if (id != null) {
            // a pasted identifier finds its company directly
            where.add(id.length() == 18 ? "c.credit_code = " + p(params, id) : "c.lei = " + p(params, id));
        } else if (!q.isEmpty()) {
            String folded = NameNormalizer.standard().fold(q);
            if (!folded.isEmpty()) {
                where.add("c.search_text LIKE " + p(params, "%" + escapeLike(folded) + "%") + LIKE_ESCAPE);
            }
        }
        // the pipeline's visibility rule (team, pool, confidential) applies to every list and export
        where.add(visible.ordinal(params));
        if (!blank(f.creditCode())) {
            where.add(creditCodeCondition(f.creditCode(), params));
        }
        if (!blank(f.industry())) {
            where.add("EXISTS (SELECT 1 FROM company_industry ci WHERE ci.company_id = c.id AND "
                    + industryCondition("ci", f.industry(), params) + ")");
        }
        if (!blank(f.zone())) {
            where.add("c.preferred_zone = " + p(params, f.zone()));
        }
        if (f.listId() != null) {
            where.add("EXISTS (SELECT 1 FROM ranking_entry e WHERE e.company_id = c.id AND e.list_id = "
                    + p(params, f.listId()) + " AND e.link_status = 'CONFIRMED')");
        }
        if (!blank(f.owner())) {
            where.add("p.owner = " + p(params, f.owner()));
        }
        if (!blank(f.stage())) {
            where.add(NO_STAGE.equals(f.stage()) ? "p.id IS NULL" : "p.stage = " + p(params, f.stage()));
        }
        String whereSql = " WHERE " + String.join(" AND ", where);
        String hint = driver != null ? "STRAIGHT_JOIN " : "";
        String withProspect = from + PROSPECT_JOIN;
        String select = "SELECT " + hint + COLUMNS + withProspect + whereSql + order;
        // no name query (so no driving term): the count may walk the zone's rows of the industry
        if (q.isEmpty() && countsByZoneIndustryRows(f)) {
            List<Object> countParams = new ArrayList<>();
            return new Sql(select, zoneIndustryCount(f, visible, countParams), params, countParams);
        }
        // the count joins the prospect only when a condition needs it (an officer's visibility, owner, stage)
        String countFrom = PROSPECT_USE.matcher(whereSql).find() ? withProspect : from.toString();
        return new Sql(select, "SELECT COUNT(*) FROM (SELECT " + hint + "c.id" + countFrom + whereSql + " LIMIT "
                + (COUNT_CAP + 1) + ") capped", params);
    }

    /** A credit code's first characters, as typed (spaces around, lower case), as a condition on the firm. */
    private static String creditCodeCondition(String prefix, List<Object> params) {
        return "c.credit_code LIKE " + p(params, escapeLike(prefix.strip().toUpperCase(Locale.ROOT)) + "%") + LIKE_ESCAPE;
    }

    /** An industry and its sub-industries (codes are dotted paths) as a condition on {@code alias.industry_code}. */
    private static String industryCondition(String alias, String industry, List<Object> params) {
        return "(" + alias + ".industry_code = " + p(params, industry) + " OR " + alias + ".industry_code LIKE "
                + p(params, escapeLike(industry) + ".%") + LIKE_ESCAPE + ")";
    }

    /**
     * The capped count of an industry + zone list (issue 14, V023): it walks the zone's rows of the industry in
     * {@code company_industry}'s (zone, industry, firm) index — ~1 300 rows in the district data set instead of the
     * zone's ~4 200 firms — and looks up for each firm only whether it survives (in the survivor index, not the firm's
     * row) and its pursuit. The zone is the index's copy of the firm's zone, which the database keeps (V023's triggers).
     * A firm with two sub-industries of the industry has two rows: DISTINCT counts it once. Measured on the district
     * data set (docs/benchmarks.md §2): 6 ms instead of 15 ms on the server. Its parameters are its own, added to
     * {@code params} in the order of its markers (Sql.jdbc numbers them in order).
     */
    private static String zoneIndustryCount(Filter f, Visibility.Predicate visible, List<Object> params) {
        String zone = p(params, f.zone());
        String ind = industryCondition("zi", f.industry(), params);
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM (SELECT DISTINCT STRAIGHT_JOIN zi.company_id FROM "
                + "company_industry zi FORCE INDEX (ix_company_industry_zone) JOIN company c FORCE INDEX (ix_company_survivor) "
                + "ON c.id = zi.company_id AND c.survivor_id IS NULL");
        String vis = visible.ordinal(params);
        boolean prospect = PROSPECT_USE.matcher(vis).find() || NO_STAGE.equals(f.stage());
        if (prospect) {
            sql.append(PROSPECT_JOIN);
        }
        sql.append(" WHERE zi.zone_code = ").append(zone).append(" AND ").append(ind).append(" AND ").append(vis);
        if (!blank(f.creditCode())) {
            sql.append(" AND ").append(creditCodeCondition(f.creditCode(), params));
        }
        if (NO_STAGE.equals(f.stage())) {
            sql.append(" AND p.id IS NULL");
        }
        return sql.append(" LIMIT ").append(COUNT_CAP + 1).append(") capped").toString();
    }

    /**
     * Whether the count of an industry + zone list walks the zone's firms of the industry ({@link #zoneIndustryCount})
     * rather than every firm of the zone. Not when another condition could drive the walk better (a list, an owner, a
     * stage: the prospect or the list entries are then the smaller side).
     */
    static boolean countsByZoneIndustryRows(Filter f) {
        return !blank(f.zone()) && !blank(f.industry()) && f.listId() == null && blank(f.owner())
                && (blank(f.stage()) || NO_STAGE.equals(f.stage()));
    }

    /** Spread the joins over the query: the first, the last and evenly between. */
    static List<String> pick(List<String> grams) {
        if (grams.size() <= MAX_PROBED_TERMS) {
            return grams;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < MAX_PROBED_TERMS; i++) {
            String g = grams.get(i * (grams.size() - 1) / (MAX_PROBED_TERMS - 1));
            if (!out.contains(g)) {
                out.add(g);
            }
        }
        return out;
    }

    private static String p(List<Object> params, Object value) {
        params.add(value);
        return "?" + params.size();
    }

    /** Escapes for {@code LIKE … ESCAPE '!'}: explicit, so that no SQL mode (NO_BACKSLASH_ESCAPES) changes it. */
    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
