package io.investcrm.activity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.investcrm.core.AppClock;
import io.investcrm.outbox.OutboxDelivery;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Reminders fire once per office day (even with two replicas racing) and escalate once to the leader. */
@QuarkusTest
class ReminderServiceTest {

    static final String OFFICER_MAIL = "officer1@investcrm.local";
    static final String MANAGER_MAIL = "manager1@investcrm.local";

    @Inject
    ReminderService reminders;

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxDelivery delivery;

    @Inject
    AppClock clock;

    @BeforeEach
    void setUp() {
        TestData.signIn(Tokens.OFFICER);
        TestData.signIn(Tokens.MANAGER);
        mailbox.clear();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void daysAhead(int days) {
        clock.set(Clock.fixed(Instant.now().plus(Duration.ofDays(days)), ZoneOffset.UTC));
    }

    /** A follow-up due tomorrow on a prospect whose responsible leader is manager1; returns its unique title. */
    static String taskDueTomorrow() {
        long company = TestData.createCompany(Tokens.OFFICER, TestData.company());
        TestData.startProspect(Tokens.OFFICER, company, Map.of("leader", Tokens.MANAGER));
        String title = "提交落户方案 " + TestData.next();
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "MEETING");
        body.put("companyIds", List.of(company));
        body.put("summary", "谈选址");
        body.put("followUps", List.of(Map.of("title", title, "dueOn", LocalDate.now(AppClock.OFFICE_ZONE).plusDays(1).toString())));
        given().header("Authorization", Tokens.bearer(Tokens.OFFICER)).contentType(ContentType.JSON).body(body)
                .post("/api/activities").then().statusCode(201);
        return title;
    }

    List<Mail> mailsAbout(String to, String title) {
        delivery.deliverDue();
        return mailbox.getMailsSentTo(to).stream().filter(m -> m.getSubject().contains(title)).toList();
    }

    @Test
    void aReminderFiresOncePerOfficeDay() {
        String title = taskDueTomorrow();
        reminders.sendReminders();
        reminders.sendReminders();
        List<Mail> first = mailsAbout(OFFICER_MAIL, title);
        assertEquals(1, first.size(), "one reminder however often the job runs");
        assertEquals(true, first.get(0).getText().contains(title));
        given().header("Authorization", Tokens.bearer(Tokens.OFFICER)).header("Accept-Language", "en")
                .get("/api/notifications").then().statusCode(200).body("message", hasItem(containsString(title)));

        daysAhead(1);
        reminders.sendReminders();
        reminders.sendReminders();
        assertEquals(2, mailsAbout(OFFICER_MAIL, title).size(), "the next office day brings the next reminder");
        daysAhead(2);
        reminders.sendReminders();
        List<Mail> all = mailsAbout(OFFICER_MAIL, title);
        assertEquals(3, all.size());
        assertEquals(true, all.get(2).getSubject().contains("逾期"), all.get(2).getSubject());
    }

    @Test
    void twoReplicasRacingSendEachReminderOnce() throws Exception {
        String title = taskDueTomorrow();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> replicas = List.of(reminders::sendReminders, reminders::sendReminders);
            List<Integer> counts = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(replicas)) {
                counts.add(f.get());
            }
            assertEquals(1, mailsAbout(OFFICER_MAIL, title).size(), "sent by " + counts);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOverdueTaskEscalatesOnceToTheResponsibleLeaderAfterNDays() {
        String title = taskDueTomorrow();
        daysAhead(3);
        reminders.escalateOverdue();
        assertEquals(0, mailsAbout(MANAGER_MAIL, title).size(), "overdue by 2 days: not yet");
        daysAhead(4);
        reminders.escalateOverdue();
        reminders.escalateOverdue();
        List<Mail> escalations = mailsAbout(MANAGER_MAIL, title);
        assertEquals(1, escalations.size(), "escalated once");
        assertEquals(true, escalations.get(0).getText().contains(Tokens.OFFICER));
        given().header("Authorization", Tokens.bearer(Tokens.MANAGER)).header("Accept-Language", "en")
                .get("/api/notifications").then().statusCode(200).body("message", hasItem(containsString(title)));
    }

    @Test
    void aDoneTaskIsNeitherRemindedNorEscalated() {
        String title = taskDueTomorrow();
        long id = given().header("Authorization", Tokens.bearer(Tokens.OFFICER)).get("/api/tasks")
                .then().extract().<Number>path("find { it.title == '" + title + "' }.id").longValue();
        given().header("Authorization", Tokens.bearer(Tokens.OFFICER)).contentType(ContentType.JSON)
                .post("/api/tasks/" + id + "/done").then().statusCode(200);
        daysAhead(10);
        reminders.sendReminders();
        reminders.escalateOverdue();
        assertEquals(0, mailsAbout(OFFICER_MAIL, title).size());
        assertEquals(0, mailsAbout(MANAGER_MAIL, title).size());
    }
}
