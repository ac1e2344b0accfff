package io.investcrm.company;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Companies' display names for other features (pipeline, activities, offers): one query, company's own rule. */
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
        for (Object[] row : em.createQuery("select c.id, c.nameZh, c.nameEn from Company c where c.id in :ids", Object[].class)
                .setParameter("ids", companyIds).getResultList()) {
            names.put((Long) row[0], Company.displayName((String) row[1], (String) row[2]));
        }
        return names;
    }

    /** The display name of one company, or null when there is no such company. */
    public String of(long companyId) {
        return of(java.util.List.of(companyId)).get(companyId);
    }
}
