package io.investcrm.company;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Companies' display names and existence for other features (pipeline, activities, offers, goals): one query, company's own rule. */
@ApplicationScoped
public class CompanyNames {

    @Inject
    EntityManager em;

    /** Display names by id, in one query; unknown ids are absent. */
    public Map<Long, String> of(Collection<Long> companyIds) {
        Map<Long, String> names = new HashMap<>();
        if (companyIds.isEmpty()) {
            return names;
        }
        // native: Hibernate translates an HQL query with a list parameter anew on every run (it caches no plan for
        // it), 10 % of the app's CPU on the team's prospect list and on logging a visit (issue 14, JFR)
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, name_zh, name_en FROM company WHERE id IN (:ids)")
                .setParameter("ids", companyIds).getResultList();
        for (Object[] row : rows) {
            names.put(((Number) row[0]).longValue(), Company.displayName((String) row[1], (String) row[2]));
        }
        return names;
    }

    /**
     * Whether the company exists (merged-away records included): one native statement. Loading the entity (with its
     * industries) cost two, and Panache's {@code count} translates its query again on every call (Hibernate keeps no
     * plan for a result count): 19 % of a logged visit's CPU on the mixed load (issue 14, JFR).
     */
    public boolean exists(long companyId) {
        return !em.createNativeQuery("SELECT 1 FROM company WHERE id = ?1").setParameter(1, companyId).setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** The display name of one company, or null when there is no such company. */
    public String of(long companyId) {
        return of(List.of(companyId)).get(companyId);
    }
}
