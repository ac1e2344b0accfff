package io.investcrm.activity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.investcrm.audit.AuditService;
import io.investcrm.company.contact.ContactErased;
import io.investcrm.core.AppClock;
import io.investcrm.security.CurrentUser;
import io.investcrm.security.pii.PersonMentions;

/**
 * Erasure reaches the visit log (PIPL art. 47, issue 13): in every activity the erased person took part in or that
 * belongs to their firm — deleted ones too, through their recorded history — each mention of the person (see
 * {@link PersonMentions}) in the place, summary, outcome and next step, in the titles of the follow-ups, in the
 * reminders that quote those titles and in the recorded before/after values becomes {@code ***}. The rest of a note
 * stays (it is the firm's business); the activity keeps its link to the contact's tombstone, gets a new version (an
 * edit begun before cannot write the name back) and an audit row "redact" naming the contact id only.
 */
@ApplicationScoped
public class ActivityErasure {

    @Inject
    EntityManager em;

    @Inject
    AuditService audit;

    @Inject
    AppClock clock;

    @Inject
    CurrentUser currentUser;

    @Transactional(Transactional.TxType.MANDATORY)
    void onContactErased(@Observes ContactErased erased) {
        PersonMentions mentions = erased.mentions();
        Set<Long> ids = new LinkedHashSet<>();
        @SuppressWarnings("unchecked")
        List<Number> live = em.createNativeQuery("SELECT activity_id FROM activity_contact WHERE contact_id = ?1 "
                + "UNION SELECT activity_id FROM activity_company WHERE company_id = ?2")
                .setParameter(1, erased.contactId()).setParameter(2, erased.companyId()).getResultList();
        live.forEach(n -> ids.add(n.longValue()));
        ids.addAll(audit.everListing(ActivityService.AUDIT_TYPE, "companyIds", erased.companyId()));
        ids.addAll(audit.everListing(ActivityService.AUDIT_TYPE, "contactIds", erased.contactId()));
        if (ids.isEmpty()) {
            return;
        }
        for (Activity a : Activity.<Activity>list("id in ?1", ids)) {
            String place = mentions.redact(a.place);
            String summary = mentions.redact(a.summary);
            String outcome = mentions.redact(a.outcome);
            String nextStep = mentions.redact(a.nextStep);
            if (!Objects.equals(place, a.place) || !Objects.equals(summary, a.summary) || !Objects.equals(outcome, a.outcome)
                    || !Objects.equals(nextStep, a.nextStep)) {
                a.place = place;
                a.summary = summary;
                a.outcome = outcome;
                a.nextStep = nextStep;
                a.updatedAt = clock.now();
                a.updatedBy = currentUser.username();
                audit.record(ActivityService.AUDIT_TYPE, a.id, "redact", "contact " + erased.contactId());
            }
        }
        List<FollowUp> followUps = FollowUp.list("activityId in ?1 or companyId = ?2", ids, erased.companyId());
        List<String[]> retitled = new ArrayList<>();
        for (FollowUp f : followUps) {
            String title = mentions.redact(f.title);
            if (!Objects.equals(title, f.title)) {
                retitled.add(new String[] { f.title, title });
                f.title = title;
            }
        }
        for (String[] titles : retitled) {
            String prefix = titles[0] + Notification.ARG_SEPARATOR;
            for (Notification n : Notification.<Notification>list("args like ?1 escape '!'", like(prefix) + "%")) {
                n.args = titles[1] + n.args.substring(titles[0].length());
            }
        }
        audit.redactValues(ActivityService.AUDIT_TYPE, ids, mentions::redact);
    }

    private static String like(String literal) {
        return literal.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
