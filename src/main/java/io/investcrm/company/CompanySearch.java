package io.investcrm.company;

import static io.investcrm.core.Text.blank;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.investcrm.core.ListCounts;
import io.investcrm.security.Visibility;
import io.investcrm.web.PageView;

/** The company list's search: name fragments and filters, newest change first, only what the reader may see. */
@ApplicationScoped
public class CompanySearch {

    /** What the start of a unified social credit code looks like: digits and capitals, at least one digit. */
    private static final Pattern CODE_PREFIX = Pattern.compile("(?=.*[0-9])[0-9A-Za-z]{4,18}");

    @Inject
    EntityManager em;

    @Inject
    Visibility visibility;

    @Inject
    ListCounts listCounts;

    /** The name terms' row counts, shared by every search of this replica (a heuristic, see TermCounts). */
    private final CompanySearchSql.TermCounts termCounts = new CompanySearchSql.TermCounts();

    public PageView<CompanySummary> list(String query, Integer page, Integer size) {
        return search(CompanySearchSql.Filter.byName(query), page, size);
    }

    /** The filtered, paged company list (newest change first). */
    public PageView<CompanySummary> search(CompanySearchSql.Filter filter, Integer page, Integer size) {
        int[] ps = PageView.clamp(page, size);
        CompanySearchSql.Result found = CompanySearchSql.search(this::nativeRows, termCounts, filter, visibility.prospectSql("p"),
                ps[0] * ps[1], ps[1], this::count);
        return new PageView<>(found.rows().stream().map(CompanySummary::fromRow).toList(), ps[0], ps[1], found.total());
    }

    /**
     * The type-ahead of the company pickers: a name fragment, alias or credit code (a pasted code, or the first
     * characters of one), newest change first, visibility in SQL, no count (issue 15: pickers at 100 000 firms).
     */
    public List<CompanySummary> suggest(String q, int size) {
        String text = q == null ? "" : q.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        Map<Long, CompanySummary> found = new LinkedHashMap<>();
        if (CODE_PREFIX.matcher(text).matches()) {
            CompanySearchSql.Filter byCode = new CompanySearchSql.Filter(null, text, null, null, null, null, null);
            CompanySearchSql.search(this::nativeRows, termCounts, byCode, visibility.prospectSql("p"), 0, size, null).rows()
                    .forEach(r -> found.putIfAbsent(CompanySummary.toLong(r[0]), CompanySummary.fromRow(r)));
        }
        if (found.size() < size) {
            CompanySearchSql.search(this::nativeRows, termCounts, CompanySearchSql.Filter.byName(text), visibility.prospectSql("p"), 0,
                    size, null).rows().forEach(r -> found.putIfAbsent(CompanySummary.toLong(r[0]), CompanySummary.fromRow(r)));
        }
        return found.values().stream().limit(size).toList();
    }

    /** The ids of a filtered list in its order, at most {@code limit}, without counting. */
    List<Long> ids(CompanySearchSql.Filter filter, int limit) {
        return CompanySearchSql.search(this::nativeRows, termCounts, filter, visibility.prospectSql("p"), 0, limit, null)
                .rows().stream().map(r -> CompanySummary.toLong(r[0])).toList();
    }

    /**
     * A list's capped count. Lists without a name query (industry, zone, ranking list, owner, stage) are browsed
     * again and again with nothing changed, and their counts are the dearest (the industry + zone list's: 8 ms of the
     * database at idle): kept ({@link ListCounts}). A name search's count is run each time: typed fragments rarely
     * repeat (the mixed load's ~4 000 fragments and 100 officers never hit), and reading the version would only add a
     * statement.
     */
    private long count(CompanySearchSql.Filter f, String sql, List<Object> params, LongSupplier run) {
        return blank(f.q()) ? listCounts.count(sql, params, !blank(f.stage()), run) : run.getAsLong();
    }

    /** {@link CompanySearchSql.Db} on the entity manager: rows as arrays, also for one-column statements. */
    @SuppressWarnings("unchecked")
    private List<Object[]> nativeRows(String sql, List<Object> params, int offset, int limit) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return ((List<Object>) query.setFirstResult(offset).setMaxResults(limit).getResultList()).stream()
                .map(r -> r instanceof Object[] a ? a : new Object[] { r }).toList();
    }
}
