package io.investcrm.faults.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Application crash mid-delivery (issue 14): reminders committed before a kill -9 are delivered after the restart,
 * none twice. Runs the packaged app as a process against a mariadbd of its own; not in the suite (needs the
 * production build): {@code ./mvnw -Pproduction package -DskipTests && ./mvnw test -Dtest=AppCrashDrill}.
 */
class AppCrashDrill {

    static final int TASKS = Integer.getInteger("faults.tasks", 1500);
    static final int USERS = 50;

    /** Jobs every second instead of every 15 minutes; a claim held by a killed process ends after 5 s. */
    static final Map<String, String> QUICK_JOBS = Map.of("INVESTCRM_JOBS_REMINDERS_EVERY", "1s",
            "INVESTCRM_JOBS_REMINDERS_DELAYED", "1s", "INVESTCRM_OUTBOX_EVERY", "1s", "INVESTCRM_OUTBOX_DELAYED", "1s",
            "INVESTCRM_OUTBOX_LEASE", "PT5S");

    @Test
    void remindersCommittedBeforeAKillAreDeliveredAfterTheRestartOnce() throws Exception {
        try (SmtpSink sink = new SmtpSink(); Processes.Database db = new Processes.Database("appcrash");
                Processes.App app = new Processes.App(Processes.APP_PORT, db, sink.port(), QUICK_JOBS)) {
            app.start();
            Drills.dueFollowUps(db, USERS, TASKS);

            // kill -9 while the job is between the first and the last reminder, mails partly sent
            Processes.waitFor("first mails", Duration.ofSeconds(120), () -> sink.messageIds().size() >= 20);
            app.kill();
            long remindedAtKill = db.count("SELECT COUNT(*) FROM follow_up WHERE reminded_at IS NOT NULL");
            long queuedAtKill = db.count("SELECT COUNT(*) FROM outbox_mail");
            long deliveredAtKill = db.count("SELECT COUNT(*) FROM outbox_mail WHERE delivered_at IS NOT NULL");
            int sentAtKill = sink.messageIds().size();
            System.out.printf("app crash drill: at the kill %d of %d reminded, %d mails queued, %d marked delivered, "
                    + "%d received%n", remindedAtKill, TASKS, queuedAtKill, deliveredAtKill, sentAtKill);
            assertTrue(remindedAtKill < TASKS || deliveredAtKill < queuedAtKill,
                    "the kill came before the work was done (else raise -Dfaults.tasks)");

            app.start();
            Processes.waitFor("every reminder delivered", Duration.ofSeconds(300),
                    () -> db.count("SELECT COUNT(*) FROM outbox_mail WHERE delivered_at IS NOT NULL") == TASKS);

            assertEquals(TASKS, db.count("SELECT COUNT(*) FROM follow_up WHERE reminded_at IS NOT NULL"));
            assertEquals(TASKS, db.count("SELECT COUNT(*) FROM notification WHERE kind = 'REMINDER'"),
                    "one in-app reminder per task");
            assertEquals(TASKS, db.count("SELECT COUNT(DISTINCT args) FROM notification WHERE kind = 'REMINDER'"),
                    "no task reminded twice");
            assertEquals(TASKS, db.count("SELECT COUNT(*) FROM outbox_mail"), "one mail queued per reminder");
            List<String> received = sink.messageIds();
            Set<String> distinct = new HashSet<>(received);
            long resent = db.count("SELECT COUNT(*) FROM outbox_mail WHERE attempts > 1");
            System.out.printf("app crash drill: %d mails received, %d distinct, %d rows sent by a second attempt%n",
                    received.size(), distinct.size(), resent);
            assertEquals(TASKS, distinct.size(), "every queued mail reached the mail server");
            // the only copy possible is the one mail between the server's acceptance and the mark at the kill,
            // and it carries the same Message-ID
            assertTrue(received.size() - distinct.size() <= 1, "at most the mail in flight at the kill went twice: "
                    + (received.size() - distinct.size()));
        }
    }
}
