package io.investcrm.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Every 15 minutes: send due reminders, then escalate long-overdue follow-ups (idempotent across replicas). */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    @Inject
    ReminderService reminders;

    @Scheduled(every = "${investcrm.jobs.reminders-every:15m}", delayed = "${investcrm.jobs.reminders-delayed:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int sent = reminders.sendReminders();
        int escalated = reminders.escalateOverdue();
        if (sent + escalated > 0) {
            LOG.infof("follow-ups: %d reminders sent, %d escalated", sent, escalated);
        }
    }
}
