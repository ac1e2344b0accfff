package io.investcrm.company.ranking;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.investcrm.company.CompanyMergePreview;
import io.investcrm.company.CompanyMerged;

/** Ranking entries linked to the loser link to the survivor after a merge: a listed firm counts once (专栏9, 专栏10). */
@ApplicationScoped
public class RankingMerge {

    @Inject
    EntityManager em;

    void preview(@Observes CompanyMergePreview preview) {
        preview.count("rankingEntries", ((Number) em.createNativeQuery("SELECT COUNT(*) FROM ranking_entry WHERE company_id = ?1")
                .setParameter(1, preview.loserId()).getSingleResult()).longValue());
    }

    void merged(@Observes @Priority(30) CompanyMerged merged) {
        merged.moved("rankingEntries", em.createNativeQuery("UPDATE ranking_entry SET company_id = ?1 WHERE company_id = ?2")
                .setParameter(1, merged.survivorId()).setParameter(2, merged.loserId()).executeUpdate());
    }
}
