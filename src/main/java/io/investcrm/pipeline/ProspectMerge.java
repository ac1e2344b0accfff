package io.investcrm.pipeline;

import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.investcrm.company.CompanyMergePreview;
import io.investcrm.company.CompanyMerged;

/**
 * One pursuit per company after a merge: the survivor's pursuit wins and the loser's history joins it; a lone loser
 * pursuit moves whole.
 */
@ApplicationScoped
public class ProspectMerge {

    @Inject
    EntityManager em;

    @Inject
    Event<ProspectsMerged> prospectsMerged;

    void preview(@Observes CompanyMergePreview preview) {
        Long sp = prospectOf(preview.survivorId());
        Long lp = prospectOf(preview.loserId());
        preview.count("prospect", lp == null ? "NONE" : sp == null ? "MOVE" : "EVENTS");
        preview.count("prospectEvents", lp == null ? 0L : ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM prospect_event WHERE prospect_id = ?1").setParameter(1, lp).getSingleResult()).longValue());
    }

    void merged(@Observes @Priority(40) CompanyMerged merged) {
        Long sp = prospectOf(merged.survivorId());
        Long lp = prospectOf(merged.loserId());
        if (lp == null) {
            merged.moved("prospect", "NONE");
            return;
        }
        if (sp == null) {
            em.createNativeQuery("UPDATE prospect SET company_id = ?1 WHERE id = ?2").setParameter(1, merged.survivorId())
                    .setParameter(2, lp).executeUpdate();
            merged.moved("prospect", "MOVE");
            return;
        }
        Object[] old = (Object[]) em.createNativeQuery("SELECT stage, status, owner FROM prospect WHERE id = ?1")
                .setParameter(1, lp).getSingleResult();
        merged.moved("prospect", "EVENTS");
        merged.moved("loserProspect", Map.of("id", lp, "stage", String.valueOf(old[0]), "status", String.valueOf(old[1]),
                "owner", String.valueOf(old[2])));
        merged.moved("prospectEvents", em.createNativeQuery("UPDATE prospect_event SET prospect_id = ?1 WHERE prospect_id = ?2")
                .setParameter(1, sp).setParameter(2, lp).executeUpdate());
        // whatever points at the loser's pursuit (offers) repoints before it goes
        prospectsMerged.fire(new ProspectsMerged(sp, lp));
        em.createNativeQuery("DELETE FROM prospect WHERE id = ?1").setParameter(1, lp).executeUpdate();
    }

    private Long prospectOf(long companyId) {
        List<?> rows = em.createNativeQuery("SELECT id FROM prospect WHERE company_id = ?1").setParameter(1, companyId)
                .getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }
}
