package io.investcrm.activity;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.investcrm.company.CompanyMergePreview;
import io.investcrm.company.CompanyMerged;

/** Visits and follow-ups follow their company into a merge. */
@ApplicationScoped
public class ActivityMerge {

    @Inject
    EntityManager em;

    @Inject
    ActivityCounts counts;

    void preview(@Observes CompanyMergePreview preview) {
        preview.count("activities", count("SELECT COUNT(*) FROM activity_company WHERE company_id = ?1", preview.loserId()));
        preview.count("followUps", count("SELECT COUNT(*) FROM follow_up WHERE company_id = ?1", preview.loserId()));
    }

    void merged(@Observes @Priority(20) CompanyMerged merged) {
        long s = merged.survivorId();
        long l = merged.loserId();
        merged.moved("activities", moveActivities(s, l));
        // moved follow-ups get a new version: an edit begun before the merge is refused (409) instead of moving them back
        merged.moved("followUps", em.createNativeQuery("UPDATE follow_up SET company_id = ?1, version = version + 1 WHERE company_id = ?2")
                .setParameter(1, s).setParameter(2, l).executeUpdate());
    }

    /** An activity that names both firms keeps one link, to the survivor. */
    @SuppressWarnings("unchecked")
    private int moveActivities(long s, long l) {
        // the moved activities may now name a firm of another zone: their counts go out and come back after the move
        List<Long> moved = ((List<Object>) em.createNativeQuery("SELECT activity_id FROM activity_company WHERE company_id = ?1")
                .setParameter(1, l).getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
        counts.remove(moved);
        List<Object> both = em.createNativeQuery("SELECT a.activity_id FROM activity_company a JOIN activity_company b "
                + "ON b.activity_id = a.activity_id AND b.company_id = ?1 WHERE a.company_id = ?2")
                .setParameter(1, s).setParameter(2, l).getResultList();
        if (!both.isEmpty()) {
            em.createNativeQuery("DELETE FROM activity_company WHERE company_id = ?1 AND activity_id IN (?2)")
                    .setParameter(1, l).setParameter(2, both.stream().map(id -> ((Number) id).longValue()).toList())
                    .executeUpdate();
        }
        int n = both.size() + em.createNativeQuery("UPDATE activity_company SET company_id = ?1 WHERE company_id = ?2")
                .setParameter(1, s).setParameter(2, l).executeUpdate();
        counts.add(moved);
        return n;
    }

    private long count(String sql, long id) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue();
    }
}
