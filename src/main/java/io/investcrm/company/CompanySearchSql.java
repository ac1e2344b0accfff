package io.investcrm.company;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.investcrm.company.identity.CreditCode;
import io.investcrm.pipeline.Visibility;
import io.investcrm.company.identity.Lei;
import io.investcrm.company.identity.NameNormalizer;
import io.investcrm.company.identity.SearchKeys;

/**
 * The SQL of the company search, as plain text and ordinal parameters ({@code ?1 …}), so that the application and the
 * search benchmark run exactly the same statements.
 *
 * <p>Name fragments: the folded query's bigrams must all be present in {@code company_name_gram} (one indexed join per
 * bigram; the optimizer starts from the rarest), then {@code search_text LIKE} verifies the bigrams are adjacent and in
 * order. A one-character query has no bigram and falls back to LIKE alone.
 */
public final class CompanySearchSql {

    /**
     * Counting stops here: beyond a thousand matches nobody pages on, they refine the search, and an exact count of a
     * broad search would read most of the table. A total of {@value} + 1 means "more than {@value}".
     */
    public static final int COUNT_CAP = 1000;

    /** At most this many bigrams are joined; LIKE verifies the rest. */
    static final int MAX_GRAM_JOINS = 4;
    static final String NO_STAGE = "NONE";
    private static final Pattern CODE_LIKE = Pattern.compile("[0-9A-Z]{18}|[0-9A-Z]{20}");

    public static final String COLUMNS = "c.id, c.name_zh, c.name_en, c.credit_code, c.hq_country, c.hq_city, "
            + "c.entity_role, c.version, p.stage, p.owner, c.preferred_zone";

    /** What a search may filter by; null or blank means "any". {@code stage} NONE means "no prospect yet". */
    public record Filter(String q, String creditCode, String industry, String zone, Long listId, String owner,
            String stage) {

        public static Filter byName(String q) {
            return new Filter(q, null, null, null, null, null, null);
        }
    }

    /** The statement pair and the parameters in order. */
    public record Sql(String select, String count, List<Object> params) {

        /** JDBC form of a statement: ordinal {@code ?n} markers become {@code ?} (parameters appear in order). */
        public static String jdbc(String sql) {
            return sql.replaceAll("\\?\\d+", "?");
        }
    }

    private CompanySearchSql() {
    }

    /** The search statements for a filter, limited to what {@code visible} (a condition on prospect {@code p}) allows. */
    public static Sql build(Filter f, Visibility.Predicate visible) {
        List<Object> params = new ArrayList<>();
        StringBuilder from = new StringBuilder(" FROM company c");
        List<String> where = new ArrayList<>();
        where.add("c.survivor_id IS NULL");
        String q = f.q() == null ? "" : f.q().strip();
        if (!q.isEmpty()) {
            String compact = q.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
            if (CODE_LIKE.matcher(compact).matches() && (CreditCode.isValid(compact) || Lei.isValid(compact))) {
                // a pasted identifier finds its company directly
                where.add(compact.length() == 18 ? "c.credit_code = " + p(params, compact) : "c.lei = " + p(params, compact));
            } else {
                String folded = NameNormalizer.standard().fold(q);
                List<String> grams = pick(new ArrayList<>(SearchKeys.ngrams(folded)));
                if (folded.codePointCount(0, folded.length()) >= 2) {
                    int i = 0;
                    for (String g : grams) {
                        i++;
                        from.append(" JOIN company_name_gram g").append(i).append(" ON g").append(i)
                                .append(".company_id = c.id AND g").append(i).append(".gram = ").append(p(params, g));
                    }
                }
                if (!folded.isEmpty()) {
                    where.add("c.search_text LIKE " + p(params, "%" + escapeLike(folded) + "%"));
                }
            }
        }
        from.append(" LEFT JOIN prospect p ON p.company_id = c.id");
        // the pipeline's visibility rule (team, pool, confidential) applies to every list and export
        where.add(visible.ordinal(params));
        if (!blank(f.creditCode())) {
            where.add("c.credit_code LIKE " + p(params, escapeLike(f.creditCode().strip().toUpperCase(Locale.ROOT)) + "%"));
        }
        if (!blank(f.industry())) {
            // an industry includes its sub-industries (codes are dotted paths)
            where.add("EXISTS (SELECT 1 FROM company_industry ci WHERE ci.company_id = c.id AND (ci.industry_code = "
                    + p(params, f.industry()) + " OR ci.industry_code LIKE " + p(params, escapeLike(f.industry()) + ".%") + "))");
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
        return new Sql("SELECT " + COLUMNS + from + whereSql + " ORDER BY c.updated_at DESC, c.id DESC",
                "SELECT COUNT(*) FROM (SELECT c.id" + from + whereSql + " LIMIT " + (COUNT_CAP + 1) + ") capped", params);
    }

    /** Spread the joins over the query: the first, the last and evenly between. */
    static List<String> pick(List<String> grams) {
        if (grams.size() <= MAX_GRAM_JOINS) {
            return grams;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < MAX_GRAM_JOINS; i++) {
            String g = grams.get(i * (grams.size() - 1) / (MAX_GRAM_JOINS - 1));
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

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
