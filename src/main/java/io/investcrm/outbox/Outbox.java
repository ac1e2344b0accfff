package io.investcrm.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.investcrm.core.AppClock;

/**
 * Queues a mail in the caller's transaction (issue 14): it is sent only if that transaction commits, and it is sent
 * even if the process dies right after the commit ({@link OutboxDelivery} picks it up on any replica). The mail is
 * never sent inside the business transaction, so a slow or failing mail server neither holds nor undoes a change.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    AppClock clock;

    /**
     * Queues one mail; {@code dedupeKey} names what it is about (e.g. {@code reminder:42:2026-12-01:a@b}), and a
     * second mail with the same key is ignored — the one already queued is the one that goes out.
     *
     * @return whether this call queued it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean mail(String dedupeKey, String to, String subject, String body) {
        return em.createNativeQuery("INSERT IGNORE INTO outbox_mail (dedupe_key, recipient, subject, body, created_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, dedupeKey).setParameter(2, to)
                .setParameter(3, subject.length() > 1000 ? subject.substring(0, 1000) : subject)
                .setParameter(4, body).setParameter(5, clock.now()).executeUpdate() == 1;
    }
}
