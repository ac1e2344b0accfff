package io.investcrm.activity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.investcrm.core.AppClock;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The activity log, follow-up tasks, notifications and the company timeline on the real database. */
@QuarkusTest
class ActivityResourceTest {

    @Inject
    AppClock clock;

    @Inject
    EntityManager em;

    @BeforeEach
    void knownUsers() {
        for (String u : List.of(Tokens.OFFICER, Tokens.OFFICER_2, Tokens.OFFICER_OTHER_TEAM, Tokens.MANAGER)) {
            TestData.signIn(u);
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("Accept-Language", "en");
    }

    static LocalDate officeToday() {
        return LocalDate.now(AppClock.OFFICE_ZONE);
    }

    static long companyOf(long prospectId) {
        return as(Tokens.ADMIN).get("/api/prospects/" + prospectId).then().extract().<Number>path("companyId").longValue();
    }

    static Map<String, Object> visit(long companyId, String summary) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "VISIT");
        body.put("companyIds", List.of(companyId));
        body.put("summary", summary);
        return body;
    }

    long insertContact(long companyId, String masked) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("INSERT INTO contact (company_id, name_masked, title, source, consent, created_at, created_by, "
                    + "updated_at, updated_by) VALUES (?1, ?2, 'CFO', 'test', 'GIVEN', ?3, 'test', ?3, 'test')")
                    .setParameter(1, companyId).setParameter(2, masked).setParameter(3, LocalDateTime.now()).executeUpdate();
            return ((Number) em.createNativeQuery("SELECT MAX(id) FROM contact WHERE company_id = ?1").setParameter(1, companyId)
                    .getSingleResult()).longValue();
        });
    }

    @Test
    void loggingAVisitWithFollowUpsAnswers201AndCountsAsProgress() {
        long prospect = TestData.newProspect(Tokens.OFFICER);
        long company = companyOf(prospect);
        long contact = insertContact(company, "张*");
        Map<String, Object> body = visit(company, "参观总部，讨论区域总部选址");
        body.put("place", "福田区 卓越世纪中心");
        body.put("officers", List.of(Tokens.OFFICER_2));
        body.put("contactIds", List.of(contact));
        body.put("outcome", "有意向设立华南区域总部");
        body.put("nextStep", "发送政策包");
        body.put("followUps", List.of(
                Map.of("title", "发送政策包", "dueOn", officeToday().plusDays(2).toString()),
                Map.of("title", "安排现场看楼", "assignee", Tokens.OFFICER_2, "dueOn", officeToday().plusDays(5).toString())));
        String location = as(Tokens.OFFICER).body(body).post("/api/activities")
                .then().statusCode(201).header("Location", containsString("/api/activities/"))
                .body("officers", hasItems(Tokens.OFFICER, Tokens.OFFICER_2))
                .body("companies[0].id", equalTo((int) company)).body("contactCount", equalTo(1))
                .body("contactNames", equalTo(List.of("张*")))
                .body("followUps", hasSize(2)).body("followUps.assignee", hasItems(Tokens.OFFICER, Tokens.OFFICER_2))
                .body("createdBy", equalTo(Tokens.OFFICER))
                .extract().header("Location");
        as(Tokens.OFFICER_2).get(location).then().statusCode(200).body("summary", equalTo("参观总部，讨论区域总部选址"));
        as(Tokens.OFFICER).get("/api/prospects/" + prospect).then().body("lastActivityAt", notNullValue());
        as(Tokens.OFFICER).get("/api/companies/" + company + "/timeline").then().statusCode(200)
                .body("type", hasItems("ACTIVITY", "PIPELINE")).body("[0].type", equalTo("ACTIVITY"))
                .body("[0].kind", equalTo("VISIT")).body("[0].contactCount", equalTo(1))
                .body("find { it.type == 'PIPELINE' }.kind", equalTo("STARTED"));
        as(Tokens.OFFICER_2).queryParam("due", "week").get("/api/tasks").then().statusCode(200)
                .body("title", hasItem("安排现场看楼"));
    }

    @Test
    void officersLoggingVisitsToTheSameFirmAtOnceAllSucceedAndThePursuitKeepsTheLatest() throws Exception {
        long prospect = TestData.newProspect(Tokens.OFFICER);
        long company = companyOf(prospect);
        int before = as(Tokens.OFFICER).get("/api/prospects/" + prospect).then().extract().path("version");
        // after the pursuit's start (its last progress until now), within the few minutes a log may be ahead of the clock
        LocalDateTime latest = LocalDateTime.now(ZoneOffset.UTC).plusMinutes(5).withSecond(7).withNano(0);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Map<String, Object> body = visit(company, "同时拜访 " + i);
                // the visits' times in no order: the pursuit must end with the latest, whichever commits last
                body.put("occurredAt", latest.minusHours((i * 5) % 12).toString());
                String user = i % 2 == 0 ? Tokens.OFFICER : Tokens.OFFICER_2;
                answers.add(pool.submit(() -> as(user).body(body).post("/api/activities").statusCode()));
            }
            for (java.util.concurrent.Future<Integer> a : answers) {
                // an update of the loaded pursuit answered some of them 409 (issue 14)
                org.junit.jupiter.api.Assertions.assertEquals(201, a.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        as(Tokens.OFFICER).get("/api/prospects/" + prospect).then().statusCode(200)
                .body("lastActivityAt", equalTo(latest.toString()))
                // each visit is a change of the pursuit: an edit read before them is refused, not written over them
                .body("version", equalTo(before + 12));
        // an older visit logged afterwards does not move the pursuit back
        Map<String, Object> old = visit(company, "补录上月拜访");
        old.put("occurredAt", latest.minusDays(30).toString());
        as(Tokens.OFFICER).body(old).post("/api/activities").then().statusCode(201);
        as(Tokens.OFFICER).get("/api/prospects/" + prospect).then().body("lastActivityAt", equalTo(latest.toString()))
                .body("lastProgressAt", equalTo(latest.toString()));
    }

    @Test
    void oneActivityWithSeveralFirmsAppearsOnEachTimeline() {
        long a = companyOf(TestData.newProspect(Tokens.OFFICER));
        long b = TestData.createCompany(Tokens.OFFICER, TestData.company());
        Map<String, Object> body = visit(a, "招商推介会 roadshow " + TestData.next());
        body.put("kind", "EVENT");
        body.put("companyIds", List.of(a, b));
        as(Tokens.OFFICER).body(body).post("/api/activities").then().statusCode(201).body("companies", hasSize(2));
        as(Tokens.OFFICER).get("/api/companies/" + b + "/timeline").then().body("kind", hasItem("EVENT"));
        as(Tokens.OFFICER).get("/api/companies/" + a + "/timeline").then().body("kind", hasItem("EVENT"));
    }

    @Test
    void badActivitiesAreRefusedWithEveryViolation() {
        long mine = companyOf(TestData.newProspect(Tokens.OFFICER));
        long otherFirm = TestData.createCompany(Tokens.OFFICER, TestData.company());
        long foreignContact = insertContact(otherFirm, "李*");
        Map<String, Object> body = new HashMap<>();
        body.put("companyIds", List.of(mine, 987654321L));
        body.put("contactIds", List.of(foreignContact));
        body.put("officers", List.of("no-such-user"));
        body.put("occurredAt", LocalDateTime.now(ZoneOffset.UTC).plusDays(2).toString());
        body.put("followUps", List.of(Map.of("title", "late", "dueOn", officeToday().minusDays(1).toString()), Map.of("title", "")));
        as(Tokens.OFFICER).body(body).post("/api/activities").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("validation.failed"))
                .body("violations.field", hasItems("kind", "summary", "companyIds", "contactIds", "officers", "occurredAt",
                        "followUps[0].dueOn"))
                .body("violations.message", hasItem("Company 987654321 does not exist."));
        as(Tokens.OFFICER).body(Map.of("kind", "PHONE", "companyIds", List.of(), "summary", "x")).post("/api/activities")
                .then().statusCode(400).body("violations.field", hasItem("companyIds"));
    }

    @Test
    void activitiesOfAnotherTeamsFirmAreHidden() {
        long company = companyOf(TestData.newProspect(Tokens.OFFICER));
        String location = as(Tokens.OFFICER).body(visit(company, "team-a only")).post("/api/activities")
                .then().statusCode(201).extract().header("Location");
        as(Tokens.OFFICER_OTHER_TEAM).get(location).then().statusCode(404).body("code", equalTo("activity.not-found"));
        as(Tokens.OFFICER_OTHER_TEAM).body(visit(company, "sneaky")).post("/api/activities")
                .then().statusCode(400).body("violations.field", hasItem("companyIds"));
        as(Tokens.MANAGER).get(location).then().statusCode(200);
    }

    @Test
    void myTasksOverdueAndThisWeekAndDone() {
        long company = companyOf(TestData.newProspect(Tokens.OFFICER));
        String title = "回访确认选址 " + TestData.next();
        Map<String, Object> body = visit(company, "call");
        body.put("followUps", List.of(Map.of("title", title, "dueOn", officeToday().plusDays(1).toString())));
        long task = as(Tokens.OFFICER).body(body).post("/api/activities").then().statusCode(201)
                .extract().<Number>path("followUps[0].id").longValue();
        as(Tokens.OFFICER).queryParam("due", "week").get("/api/tasks").then().body("title", hasItem(title));
        as(Tokens.OFFICER).queryParam("due", "overdue").get("/api/tasks").then().body("title", not(hasItem(title)));
        clock.set(Clock.fixed(Instant.now().plus(Duration.ofDays(4)), ZoneOffset.UTC));
        as(Tokens.OFFICER).queryParam("due", "overdue").get("/api/tasks").then()
                .body("find { it.id == " + task + " }.daysOverdue", equalTo(3))
                .body("find { it.id == " + task + " }.overdue", equalTo(true));
        as(Tokens.OFFICER).queryParam("due", "week").get("/api/tasks").then().body("title", not(hasItem(title)));
        as(Tokens.OFFICER).queryParam("due", "someday").get("/api/tasks").then().statusCode(400)
                .body("code", equalTo("task.due.invalid"));

        as(Tokens.OFFICER_OTHER_TEAM).post("/api/tasks/" + task + "/done").then().statusCode(404);
        as(Tokens.OFFICER_2).post("/api/tasks/" + task + "/done").then().statusCode(403).body("code", equalTo("task.not-yours"));
        as(Tokens.OFFICER).post("/api/tasks/" + task + "/done").then().statusCode(200).body("done", equalTo(true));
        as(Tokens.OFFICER).post("/api/tasks/" + task + "/done").then().statusCode(409).body("code", equalTo("task.already-done"));
        as(Tokens.OFFICER).get("/api/tasks").then().body("id", not(hasItem((int) task)));
    }

    @Test
    void timelineOfAnUnknownCompanyIs404AndNotificationsAnswer() {
        as(Tokens.OFFICER).get("/api/companies/987654321/timeline").then().statusCode(404).body("code", equalTo("company.not-found"));
        as(Tokens.OFFICER).get("/api/notifications").then().statusCode(200);
        as(Tokens.OFFICER).post("/api/notifications/987654321/read").then().statusCode(404);
    }
}
