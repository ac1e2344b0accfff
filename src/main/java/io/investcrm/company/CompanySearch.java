package io.investcrm.company;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.investcrm.security.Visibility;
import io.investcrm.web.PageView;

/** The company list's search: name fragments and filters, newest change first, only what the reader may see. */
@ApplicationScoped
public class CompanySearch {

    @Inject
    EntityManager em;

    @Inject
    Visibility visibility;

    public PageView<CompanySummary> list(String query, Integer page, Integer size) {
        return search(CompanySearchSql.Filter.byName(query), page, size);
    }

    /** The filtered, paged company list (newest change first). */
    public PageView<CompanySummary> search(CompanySearchSql.Filter filter, Integer page, Integer size) {
        int[] ps = PageView.clamp(page, size);
        CompanySearchSql.Result found = CompanySearchSql.search(this::nativeRows, filter, visibility.prospectSql("p"),
                ps[0] * ps[1], ps[1], true);
        return new PageView<>(found.rows().stream().map(CompanySummary::fromRow).toList(), ps[0], ps[1], found.total());
    }

    /** The ids of a filtered list in its order, at most {@code limit}, without counting. */
    List<Long> ids(CompanySearchSql.Filter filter, int limit) {
        return CompanySearchSql.search(this::nativeRows, filter, visibility.prospectSql("p"), 0, limit, false)
                .rows().stream().map(r -> CompanySummary.toLong(r[0])).toList();
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
