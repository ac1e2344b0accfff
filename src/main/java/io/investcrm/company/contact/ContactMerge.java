package io.investcrm.company.contact;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.investcrm.company.CompanyMergePreview;
import io.investcrm.company.CompanyMerged;

/** Contacts follow their company into a merge; they get a new version, so an edit begun before it is refused (409). */
@ApplicationScoped
public class ContactMerge {

    @Inject
    EntityManager em;

    void preview(@Observes CompanyMergePreview preview) {
        preview.count("contacts", ((Number) em.createNativeQuery("SELECT COUNT(*) FROM contact WHERE company_id = ?1")
                .setParameter(1, preview.loserId()).getSingleResult()).longValue());
    }

    void merged(@Observes @Priority(10) CompanyMerged merged) {
        merged.moved("contacts", em.createNativeQuery("UPDATE contact SET company_id = ?1, version = version + 1 WHERE company_id = ?2")
                .setParameter(1, merged.survivorId()).setParameter(2, merged.loserId()).executeUpdate());
    }
}
