package io.investcrm.outbox;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.investcrm.core.AppClock;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the queued mails: each row is claimed with a conditional UPDATE (a lease naming this process), sent, then
 * marked delivered by the holder of the claim only. Two replicas never send the same row at once; a process killed
 * while holding a claim leaves it to whoever claims it after the lease ends. The one window left is a kill between
 * the mail server's acceptance and the mark (milliseconds): that mail goes again with the same {@code Message-ID},
 * by which mail clients drop the copy.
 */
@ApplicationScoped
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class);

    /** Names this process in {@code claimed_by} (pid@host, as the JVM reports it). */
    static final String PROCESS = ManagementFactory.getRuntimeMXBean().getName();

    @Inject
    EntityManager em;

    @Inject
    AppClock clock;

    @Inject
    Mailer mailer;

    @ConfigProperty(name = "investcrm.outbox.lease", defaultValue = "PT2M")
    Duration lease;

    @ConfigProperty(name = "investcrm.outbox.batch", defaultValue = "200")
    int batch;

    /** A queued row as the sender needs it. */
    record Queued(long id, String recipient, String subject, String body) {
    }

    @Scheduled(every = "${investcrm.outbox.every:10s}", delayed = "${investcrm.outbox.delayed:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            int sent;
            do {
                sent = deliverDue();
            } while (sent == batch);
        } catch (RuntimeException e) {
            LOG.warn("Outbox not delivered; will retry", e);
        }
    }

    /** One pass over the rows nobody holds: claims, sends and marks each; returns how many this process sent. */
    public int deliverDue() {
        int sent = 0;
        for (Long id : pending()) {
            Queued q = claim(id);
            if (q == null) {
                continue;
            }
            try {
                mailer.send(Mail.withText(q.recipient(), q.subject(), q.body())
                        .addHeader("Message-ID", messageId(q.id())));
            } catch (RuntimeException e) {
                release(q.id(), e);
                continue;
            }
            markDelivered(q.id());
            sent++;
        }
        return sent;
    }

    /** Stable per row: a copy sent again after a crash is recognisably the same mail. */
    static String messageId(long id) {
        return "<outbox-" + id + "@investcrm>";
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Long> pending() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM outbox_mail WHERE delivered_at IS NULL "
                + "AND (claimed_until IS NULL OR claimed_until < ?1) ORDER BY id LIMIT ?2")
                .setParameter(1, clock.now()).setParameter(2, batch).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** The row, if this process's conditional UPDATE took it (nobody delivered it and no lease is running). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Queued claim(long id) {
        LocalDateTime now = clock.now();
        int claimed = em.createNativeQuery("UPDATE outbox_mail SET claimed_by = ?1, claimed_until = ?2, "
                + "attempts = attempts + 1 WHERE id = ?3 AND delivered_at IS NULL "
                + "AND (claimed_until IS NULL OR claimed_until < ?4)")
                .setParameter(1, PROCESS).setParameter(2, now.plus(lease)).setParameter(3, id).setParameter(4, now)
                .executeUpdate();
        if (claimed != 1) {
            return null;
        }
        Object[] row = (Object[]) em.createNativeQuery("SELECT recipient, subject, body FROM outbox_mail WHERE id = ?1")
                .setParameter(1, id).getSingleResult();
        return new Queued(id, (String) row[0], (String) row[1], (String) row[2]);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void markDelivered(long id) {
        em.createNativeQuery("UPDATE outbox_mail SET delivered_at = ?1, claimed_until = NULL, last_error = NULL "
                + "WHERE id = ?2 AND claimed_by = ?3 AND delivered_at IS NULL")
                .setParameter(1, clock.now()).setParameter(2, id).setParameter(3, PROCESS).executeUpdate();
    }

    /** A failed send: tried again (here or elsewhere) a minute later, so a mail server that is down is not hammered. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void release(long id, RuntimeException e) {
        LOG.warnf("Mail %d not sent: %s", id, e.getMessage());
        String error = String.valueOf(e.getMessage());
        em.createNativeQuery("UPDATE outbox_mail SET claimed_until = ?1, last_error = ?2 WHERE id = ?3 AND claimed_by = ?4")
                .setParameter(1, clock.now().plusMinutes(1))
                .setParameter(2, error.length() > 1000 ? error.substring(0, 1000) : error).setParameter(3, id)
                .setParameter(4, PROCESS).executeUpdate();
    }
}
