package io.investcrm.offer;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.investcrm.company.Company;
import io.investcrm.company.CompanyMergePreview;
import io.investcrm.company.CompanyMerged;
import io.investcrm.pipeline.ProspectsMerged;

/**
 * Offers follow their company into a merge, and the pursuit they were made in; their audit rows (their history) follow
 * the offers. Moved offers get a new version, so an edit begun before the merge is refused (409).
 */
@ApplicationScoped
public class OfferMerge {

    @Inject
    EntityManager em;

    void preview(@Observes CompanyMergePreview preview) {
        preview.count("offers", ((Number) em.createNativeQuery("SELECT COUNT(*) FROM offer WHERE company_id = ?1")
                .setParameter(1, preview.loserId()).getSingleResult()).longValue());
    }

    /** Offers made during the loser's pursuit now belong to the surviving pursuit. */
    void prospectsMerged(@Observes ProspectsMerged merged) {
        em.createNativeQuery("UPDATE offer SET prospect_id = ?1, version = version + 1 WHERE prospect_id = ?2")
                .setParameter(1, merged.survivorProspectId()).setParameter(2, merged.loserProspectId()).executeUpdate();
    }

    /**
     * The loser's offers move to the survivor and count for the survivor's group from now on (issue 11: cumulative
     * thresholds by group), as do the offers of the loser's group members, whose companies join the survivor's group.
     */
    void merged(@Observes @Priority(50) CompanyMerged merged) {
        Long survivorGroup = Company.<Company>findById(merged.survivorId()).groupKey();
        em.createNativeQuery("UPDATE offer SET group_key = ?1, version = version + 1 WHERE (company_id = ?2 OR group_key = ?2) AND group_key IS NOT NULL")
                .setParameter(1, survivorGroup).setParameter(2, merged.loserId()).executeUpdate();
        merged.moved("offers", em.createNativeQuery("UPDATE offer SET company_id = ?1, version = version + 1 WHERE company_id = ?2")
                .setParameter(1, merged.survivorId()).setParameter(2, merged.loserId()).executeUpdate());
    }
}
