package io.investcrm.faults.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.investcrm.support.Tokens;

/**
 * Two replicas against one database (issue 14; the deploy manifests run two): the scheduled jobs do each reminder
 * once between them, and a plan uploaded on one is served by the other within the follow interval. Runs the packaged
 * app twice as processes: {@code ./mvnw -Pproduction package -DskipTests && ./mvnw test -Dtest=TwoReplicasDrill}.
 */
class TwoReplicasDrill {

    static final int TASKS = Integer.getInteger("faults.tasks", 1500);

    @Test
    void jobsRunOnceAndAPlanUploadReachesTheOtherReplica() throws Exception {
        try (SmtpSink sink = new SmtpSink(); Processes.Database db = new Processes.Database("replicas");
                Processes.App a = new Processes.App(Processes.APP_PORT, db, sink.port(), AppCrashDrill.QUICK_JOBS);
                Processes.App b = new Processes.App(Processes.APP_PORT + 1, db, sink.port(), AppCrashDrill.QUICK_JOBS)) {
            a.start();
            b.start();
            Drills.dueFollowUps(db, 50, TASKS);
            Processes.waitFor("every reminder delivered", Duration.ofSeconds(300),
                    () -> db.count("SELECT COUNT(*) FROM outbox_mail WHERE delivered_at IS NOT NULL") == TASKS);

            assertEquals(TASKS, db.count("SELECT COUNT(*) FROM notification WHERE kind = 'REMINDER'"),
                    "each task reminded once by the two replicas together");
            assertEquals(TASKS, db.count("SELECT COUNT(DISTINCT args) FROM notification WHERE kind = 'REMINDER'"));
            assertEquals(0, db.count("SELECT COUNT(*) FROM outbox_mail WHERE attempts <> 1"), "each mail claimed once");
            List<String> received = sink.messageIds();
            assertEquals(TASKS, received.size(), "each mail sent once");
            assertEquals(TASKS, new HashSet<>(received).size());
            long senders = db.count("SELECT COUNT(DISTINCT claimed_by) FROM outbox_mail");
            System.out.printf("two replicas: %d reminders, %d mails, sent by %d processes%n", TASKS, received.size(),
                    senders);

            // a revised plan uploaded on A is what B serves, within its follow interval (2 s)
            String shipped = Files.readString(Path.of("config", "plans", "futian-2035.yaml"));
            String revised = shipped.replaceFirst("version: \"2021.1\"", "version: \"2021.1-drill\"");
            assertEquals(201, Drills.post(a.url() + "/api/plan/versions", Tokens.ADMIN, "application/yaml", revised,
                    null).statusCode());
            long uploaded = System.nanoTime();
            assertTrue(Drills.get(a.url() + "/api/plan", Tokens.MANAGER).body().contains("2021.1-drill"),
                    "the uploading replica serves it at once");
            Processes.waitFor("replica B on the new plan", Duration.ofSeconds(10),
                    () -> Drills.get(b.url() + "/api/plan", Tokens.MANAGER).body().contains("2021.1-drill"));
            long ms = (System.nanoTime() - uploaded) / 1_000_000;
            System.out.printf("two replicas: replica B served the uploaded plan after %d ms%n", ms);
            assertTrue(ms <= 8_000, "B followed within its 2 s interval and one parse of the plan: " + ms + " ms");
        }
    }
}
