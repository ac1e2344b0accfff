package io.investcrm.activity;

import static io.investcrm.activity.ActivityResourceTest.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.investcrm.core.AppClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Correcting and deleting a logged activity (issue 15): who may, the grace period, stale versions, the audit trail. */
@QuarkusTest
class ActivityCorrectionTest {

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

    /** A visit logged by officer1 at a firm officer1 pursues (team-a), with one follow-up; returns its JSON. */
    static ValidatableResponse loggedVisit(long company, String summary) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "VISIT");
        body.put("companyIds", List.of(company));
        body.put("place", "卓越时代广场");
        body.put("summary", summary);
        body.put("followUps", List.of(Map.of("title", "寄送政策材料", "dueOn", LocalDate.now(AppClock.OFFICE_ZONE).plusDays(3).toString())));
        return as(Tokens.OFFICER).body(body).post("/api/activities").then().statusCode(201);
    }

    static Map<String, Object> correction(int version, long company, String summary) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        body.put("kind", "MEETING");
        body.put("occurredAt", LocalDateTime.now().minusHours(2).withNano(0).toString());
        body.put("place", "福田区政府");
        body.put("companyIds", List.of(company));
        body.put("summary", summary);
        body.put("outcome", "同意下周提交方案");
        return body;
    }

    @Test
    void theAuthorCorrectsAVisitAndEveryChangedFieldIsInItsHistory() {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        ValidatableResponse logged = loggedVisit(company, "拜访财务总监，了解区域总部计划（错字）");
        long id = logged.extract().<Number>path("id").longValue();
        int version = logged.extract().path("version");
        logged.body("correctable", equalTo(true)).body("deletableUntil", notNullValue());

        as(Tokens.OFFICER).body(correction(version, company, "拜访财务总监，了解区域总部设立计划")).put("/api/activities/" + id)
                .then().statusCode(200)
                .body("summary", equalTo("拜访财务总监，了解区域总部设立计划"))
                .body("kind", equalTo("MEETING"))
                .body("place", equalTo("福田区政府"))
                .body("updatedBy", equalTo(Tokens.OFFICER))
                .body("version", equalTo(version + 1))
                .body("followUps", hasSize(1));

        as(Tokens.OFFICER).get("/api/activities/" + id + "/history").then().statusCode(200)
                .body("[0].action", equalTo("update"))
                .body("[0].actor", equalTo(Tokens.OFFICER))
                .body("[0].changes.field", hasItem("summary"))
                .body("[0].changes.find { it.field == 'summary' }.before", equalTo("拜访财务总监，了解区域总部计划（错字）"))
                .body("[0].changes.find { it.field == 'summary' }.after", equalTo("拜访财务总监，了解区域总部设立计划"))
                .body("[0].changes.find { it.field == 'kind' }.before", equalTo("VISIT"))
                // unchanged fields are not listed
                .body("[0].changes.field", org.hamcrest.Matchers.not(hasItem("companyIds")));
    }

    @Test
    void aStaleVersionIsRefusedWith409AndChangesNothing() {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        ValidatableResponse logged = loggedVisit(company, "第一次记录");
        long id = logged.extract().<Number>path("id").longValue();
        int version = logged.extract().path("version");
        as(Tokens.OFFICER).body(correction(version, company, "第一次更正")).put("/api/activities/" + id).then().statusCode(200);
        // a second tab still holding the first version
        as(Tokens.OFFICER).body(correction(version, company, "过时的更正")).put("/api/activities/" + id)
                .then().statusCode(409).body("code", equalTo("conflict.stale"));
        as(Tokens.OFFICER).delete("/api/activities/" + id + "?version=" + version)
                .then().statusCode(409).body("code", equalTo("conflict.stale"));
        as(Tokens.OFFICER).get("/api/activities/" + id).then().statusCode(200).body("summary", equalTo("第一次更正"));
    }

    @Test
    void onlyTheAuthorAndManagersCorrectOthersGet403OrNotFound() {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        ValidatableResponse logged = loggedVisit(company, "只有记录人和经理可以更正");
        long id = logged.extract().<Number>path("id").longValue();
        int version = logged.extract().path("version");
        // a teammate sees the visit but did not log it
        as(Tokens.OFFICER_2).get("/api/activities/" + id).then().statusCode(200).body("correctable", equalTo(false))
                .body("deletableUntil", equalTo(null));
        as(Tokens.OFFICER_2).body(correction(version, company, "同组同事改写")).put("/api/activities/" + id)
                .then().statusCode(403).body("code", equalTo("activity.not-yours"));
        as(Tokens.OFFICER_2).delete("/api/activities/" + id).then().statusCode(403).body("code", equalTo("activity.not-yours"));
        // another team does not learn that it exists
        as(Tokens.OFFICER_OTHER_TEAM).body(correction(version, company, "他组改写")).put("/api/activities/" + id)
                .then().statusCode(404);
        as(Tokens.OFFICER_OTHER_TEAM).delete("/api/activities/" + id).then().statusCode(404);
        as(Tokens.OFFICER_OTHER_TEAM).get("/api/activities/" + id + "/history").then().statusCode(404);
        // a manager corrects
        as(Tokens.MANAGER).body(correction(version, company, "经理更正")).put("/api/activities/" + id)
                .then().statusCode(200).body("updatedBy", equalTo(Tokens.MANAGER));
    }

    @Test
    void aCorrectionIsValidatedLikeALog() {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        ValidatableResponse logged = loggedVisit(company, "校验");
        long id = logged.extract().<Number>path("id").longValue();
        int version = logged.extract().path("version");
        Map<String, Object> bad = correction(version, company, " ");
        bad.put("occurredAt", LocalDateTime.now().plusDays(2).withNano(0).toString());
        as(Tokens.OFFICER).body(bad).put("/api/activities/" + id).then().statusCode(400)
                .body("violations.field", hasItem("summary"))
                .body("violations.field", hasItem("occurredAt"));
        // a company the officer cannot see is reported like an unknown one
        long hidden = TestData.pursuedCompany(Tokens.OFFICER_OTHER_TEAM);
        Map<String, Object> elsewhere = correction(version, hidden, "挪到他组企业");
        as(Tokens.OFFICER).body(elsewhere).put("/api/activities/" + id).then().statusCode(400)
                .body("violations.field", hasItem("companyIds"));
    }

    @Test
    void theAuthorDeletesAMistakeWithinTheGracePeriodAndItsHistoryStays() {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        ValidatableResponse logged = loggedVisit(company, "记错了企业");
        long id = logged.extract().<Number>path("id").longValue();
        long task = logged.extract().<Number>path("followUps[0].id").longValue();
        as(Tokens.OFFICER).delete("/api/activities/" + id).then().statusCode(204);
        as(Tokens.OFFICER).get("/api/activities/" + id).then().statusCode(404);
        as(Tokens.OFFICER).get("/api/tasks").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem((int) task)));
        as(Tokens.OFFICER).get("/api/companies/" + company + "/timeline").then().statusCode(200)
                .body("activityId", org.hamcrest.Matchers.not(hasItem((int) id)));
        // the audit trail keeps what was deleted, for the managers
        as(Tokens.MANAGER).get("/api/activities/" + id + "/history").then().statusCode(200)
                .body("[0].action", equalTo("delete"))
                .body("[0].actor", equalTo(Tokens.OFFICER))
                .body("[0].changes.find { it.field == 'summary' }.before", equalTo("记错了企业"))
                .body("[0].changes.find { it.field == 'summary' }.after", equalTo(null));
        as(Tokens.OFFICER).get("/api/activities/" + id + "/history").then().statusCode(404);
    }

    @Test
    void afterTheGracePeriodAnEntryIsCorrectedNotDeleted() {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        ValidatableResponse logged = loggedVisit(company, "一天以前的拜访");
        long id = logged.extract().<Number>path("id").longValue();
        int version = logged.extract().path("version");
        // logged 24 hours and a minute ago (the default grace period is 24 h); the app's clock stays, so that the
        // scheduled reminders of other tests are not moved a day ahead
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE activity SET created_at = ?1 WHERE id = ?2")
                .setParameter(1, clock.now().minus(Duration.ofHours(24).plusMinutes(1))).setParameter(2, id).executeUpdate());
        as(Tokens.OFFICER).get("/api/activities/" + id).then().statusCode(200).body("deletableUntil", equalTo(null));
        as(Tokens.OFFICER).delete("/api/activities/" + id).then().statusCode(409)
                .body("code", equalTo("activity.delete-window-closed"));
        as(Tokens.MANAGER).delete("/api/activities/" + id).then().statusCode(409);
        as(Tokens.OFFICER).body(correction(version, company, "一天以前的拜访（更正）")).put("/api/activities/" + id)
                .then().statusCode(200);
        assertEquals(1L, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM activity WHERE id = ?1").setParameter(1, id)
                .getSingleResult()).longValue());
    }

    @Test
    void severalFollowUpsAreLoggedInOneTransactionOrNotAtAll() {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        String today = LocalDate.now(AppClock.OFFICE_ZONE).toString();
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "VISIT");
        body.put("companyIds", List.of(company));
        body.put("summary", "两条跟进 " + TestData.next());
        body.put("followUps", List.of(Map.of("title", "寄送政策", "dueOn", today),
                Map.of("title", "安排考察", "assignee", Tokens.OFFICER_2, "dueOn", LocalDate.parse(today).plusDays(7).toString())));
        as(Tokens.OFFICER).body(body).post("/api/activities").then().statusCode(201)
                .body("followUps.title", contains("寄送政策", "安排考察"))
                .body("followUps.assignee", contains(Tokens.OFFICER, Tokens.OFFICER_2));
        // one bad row refuses the whole log: nothing is written
        String summary = "一条坏的跟进 " + TestData.next();
        body.put("summary", summary);
        body.put("followUps", List.of(Map.of("title", "好的一条", "dueOn", today),
                Map.of("title", "过去的日期", "dueOn", LocalDate.parse(today).minusDays(1).toString())));
        as(Tokens.OFFICER).body(body).post("/api/activities").then().statusCode(400)
                .body("violations.field", hasItem("followUps[1].dueOn"));
        assertEquals(0L, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM activity WHERE summary = ?1")
                .setParameter(1, summary).getSingleResult()).longValue());
    }
}
