package io.investcrm.offer;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.investcrm.offer.approval.Delegation;
import io.investcrm.security.UserDirectory;
import io.investcrm.core.AppClock;
import io.investcrm.outbox.Outbox;
import io.investcrm.web.Messages;

/**
 * Tells deciders by e-mail (issue 11): a decision has arrived for their role (and for whoever holds it by delegation),
 * or a decision waited past its service time and is escalated. Escalation claims the step with a conditional UPDATE
 * first, so one replica sends it once; the mail is queued in the same transaction and sent by the outbox.
 */
@ApplicationScoped
public class OfferNotifier {

    @Inject
    OfferConfig config;

    @Inject
    UserDirectory users;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    AppClock clock;

    /** A step is now awaited: its role's mailbox and its delegates hear of it (in the action's transaction). */
    void arrived(Offer o, OfferApproval step) {
        if (step == null) {
            return;
        }
        Object[] args = { o.title, o.id, step.stepNo, o.currentRound().size(), office(step.dueAt) };
        for (String to : recipients(step.requiredRole)) {
            send("offer-arrived:" + o.id + ":" + o.roundNo + ":" + step.stepNo + ":" + to, to, "offer.mail.arrived", args);
        }
    }

    /** Pending steps past their due time, not yet escalated (the escalation job's work list). */
    public List<Long> overdueSteps() {
        return em.createQuery("select a.id from OfferApproval a where a.decision is null and a.escalatedAt is null"
                + " and a.dueAt <= :now and a.offer.status = :submitted and a.roundNo = a.offer.roundNo order by a.id",
                Long.class).setParameter("now", clock.now()).setParameter("submitted", OfferStatus.SUBMITTED)
                .getResultList();
    }

    /** Claims one overdue step and tells the escalation role; false when another run claimed it first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean escalate(long approvalId) {
        LocalDateTime now = clock.now();
        int claimed = em.createNativeQuery("UPDATE offer_approval SET escalated_at = ?1 WHERE id = ?2"
                + " AND escalated_at IS NULL AND decision IS NULL AND due_at <= ?1")
                .setParameter(1, now).setParameter(2, approvalId).executeUpdate();
        if (claimed != 1) {
            return false;
        }
        OfferApproval a = em.find(OfferApproval.class, approvalId);
        Object[] args = { a.offer.title, a.offer.id, a.stepNo, a.requiredRole, office(a.dueAt) };
        for (String to : recipients(config.escalationRole())) {
            send("offer-escalated:" + approvalId + ":" + to, to, "offer.mail.escalated", args);
        }
        return true;
    }

    private static final DateTimeFormatter OFFICE_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Stored times are UTC; the mail shows Shenzhen office time to the minute. */
    static String office(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(AppClock.OFFICE_ZONE).format(OFFICE_MINUTES);
    }

    private Set<String> recipients(String role) {
        Set<String> to = new LinkedHashSet<>();
        String configured = config.roleMail().get(role);
        if (configured != null) {
            Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(to::add);
        }
        LocalDateTime now = clock.now();
        for (Delegation d : Delegation.<Delegation>list("role = ?1 and revokedAt is null and startsAt <= ?2 and endsAt > ?2",
                role, now)) {
            users.emailOf(d.delegate).ifPresent(to::add);
        }
        return to;
    }

    /** Queued in the action's transaction: it goes out once that commits, even if this process dies (issue 14). */
    private void send(String dedupeKey, String to, String key, Object[] args) {
        // the office works in Chinese; the mail carries both languages so nobody is left out
        String subject = Messages.format(Messages.ZH, key + ".subject", args) + " / "
                + Messages.format(Messages.EN, key + ".subject", args);
        String body = Messages.format(Messages.ZH, key, args) + "\n\n" + Messages.format(Messages.EN, key, args);
        outbox.mail(dedupeKey, to, subject, body);
    }
}
