package io.investcrm.activity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.investcrm.company.CompanyNames;
import io.investcrm.core.AppClock;
import io.investcrm.outbox.Outbox;
import io.investcrm.pipeline.PipelineConfig;
import io.investcrm.pipeline.ProspectService;
import io.investcrm.security.UserDirectory;
import io.investcrm.web.Messages;

/**
 * Follow-up reminders by e-mail and in the app: once per office day from the day before a task is due while it is
 * open, and one escalation to the responsible leader when it is overdue by N days. Safe on several replicas: each
 * reminder is claimed with a conditional UPDATE before anything is sent, so only one replica sends it.
 */
@ApplicationScoped
public class ReminderService {

    private static final Logger LOG = Logger.getLogger(ReminderService.class);

    static final String REMINDER = "REMINDER";
    static final String ESCALATION = "ESCALATION";

    @Inject
    EntityManager em;

    @Inject
    AppClock clock;

    @Inject
    PipelineConfig config;

    @Inject
    UserDirectory users;

    @Inject
    ProspectService prospects;

    @Inject
    Outbox outbox;

    @Inject
    CompanyNames companyNames;

    /** Reminds the assignees of open tasks due tomorrow or earlier that were not reminded yet today. */
    @ActivateRequestContext
    public int sendReminders() {
        LocalDate today = clock.today();
        LocalDateTime startOfDay = startOfOfficeDay(today);
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM follow_up WHERE done_at IS NULL AND due_on <= ?1 "
                + "AND (reminded_at IS NULL OR reminded_at < ?2) ORDER BY id")
                .setParameter(1, today.plusDays(1)).setParameter(2, startOfDay).getResultList();
        int sent = 0;
        for (Number id : ids) {
            if (remindOne(id.longValue(), startOfDay)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Claims the reminder (only one replica's UPDATE changes the row), then writes the notification and queues the
     * mail in the same transaction: all three commit together or not at all, and the outbox sends the mail after.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean remindOne(long id, LocalDateTime startOfDay) {
        LocalDateTime now = clock.now();
        int claimed = em.createNativeQuery("UPDATE follow_up SET reminded_at = ?1 WHERE id = ?2 AND done_at IS NULL "
                + "AND (reminded_at IS NULL OR reminded_at < ?3)")
                .setParameter(1, now).setParameter(2, id).setParameter(3, startOfDay).executeUpdate();
        if (claimed != 1) {
            return false;
        }
        FollowUp f = FollowUp.findById(id);
        boolean overdue = f.isOverdue(clock.today());
        String key = overdue ? "notification.task.overdue" : "notification.task.due";
        notify(f.assignee, REMINDER, key, f, now);
        return true;
    }

    /** Tells the responsible leader (else the team leader) once about each task overdue by the configured days. */
    @ActivateRequestContext
    public int escalateOverdue() {
        LocalDate limit = clock.today().minusDays(config.escalationDays());
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM follow_up WHERE done_at IS NULL AND escalated_at IS NULL "
                + "AND due_on <= ?1 ORDER BY id").setParameter(1, limit).getResultList();
        int escalated = 0;
        for (Number id : ids) {
            if (escalateOne(id.longValue())) {
                escalated++;
            }
        }
        return escalated;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean escalateOne(long id) {
        FollowUp f = FollowUp.findById(id);
        Optional<String> target = f == null ? Optional.empty() : escalationTarget(f);
        if (target.isEmpty()) {
            // nobody to tell yet: left unclaimed, so naming a leader later still escalates it
            return false;
        }
        LocalDateTime now = clock.now();
        int claimed = em.createNativeQuery("UPDATE follow_up SET escalated_at = ?1 WHERE id = ?2 AND done_at IS NULL "
                + "AND escalated_at IS NULL").setParameter(1, now).setParameter(2, id).executeUpdate();
        if (claimed != 1) {
            return false;
        }
        em.refresh(f);
        notify(target.get(), ESCALATION, "notification.task.escalated", f, now);
        return true;
    }

    private Optional<String> escalationTarget(FollowUp f) {
        return prospects.escalationTarget(f.companyId)
                .or(() -> users.find(f.assignee).flatMap(u -> users.leaderOfTeam(u.teamCode)))
                .filter(leader -> !leader.equals(f.assignee));
    }

    private void notify(String recipient, String kind, String key, FollowUp f, LocalDateTime now) {
        String company = f.companyId == null ? "—" : Objects.requireNonNullElse(companyNames.of(f.companyId), "—");
        Object[] args = { f.title, company, f.dueOn.toString(), f.assignee };
        Notification n = new Notification();
        n.recipient = recipient;
        n.kind = kind;
        n.messageKey = key;
        n.args = String.join(Notification.ARG_SEPARATOR, f.title, company, f.dueOn.toString(), f.assignee);
        n.link = "/tasks";
        n.createdAt = now;
        n.persist();
        Optional<String> email = users.emailOf(recipient);
        if (email.isPresent()) {
            // the office works in Chinese; the mail carries both languages so nobody is left out
            String subject = Messages.format(Messages.ZH, key + ".subject", args) + " / "
                    + Messages.format(Messages.EN, key + ".subject", args);
            String body = Messages.format(Messages.ZH, key, args) + "\n\n" + Messages.format(Messages.EN, key, args);
            // queued with the claim and the in-app notification: sent once they commit, even after a crash (issue 14)
            outbox.mail("notification:" + n.id, email.get(), subject, body);
        } else {
            LOG.debugf("no e-mail address for %s; in-app notification only", recipient);
        }
    }

    /** Stored timestamps are UTC; an office day starts at midnight Shenzhen time. */
    static LocalDateTime startOfOfficeDay(LocalDate day) {
        return day.atStartOfDay(AppClock.OFFICE_ZONE).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
