package io.investcrm.pipeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.investcrm.core.AppClock;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The pipeline API on the real database: start, gates, illegal moves, verification, ownership, reclaim, visibility. */
@QuarkusTest
class ProspectResourceTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    AppClock clock;

    @Inject
    ProspectService service;

    @BeforeEach
    void knownUsers() {
        for (String u : List.of(Tokens.OFFICER, Tokens.OFFICER_2, Tokens.OFFICER_OTHER_TEAM, Tokens.MANAGER, Tokens.ADMIN)) {
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

    static Map<String, Object> move(String stage) {
        Map<String, Object> body = new HashMap<>();
        body.put("stage", stage);
        return body;
    }

    static Map<String, Object> signing() {
        Map<String, Object> body = move("SIGNED");
        body.put("signedOn", LocalDate.now().minusDays(2).toString());
        body.put("agreementRef", "FT-HQ-" + TestData.next());
        return body;
    }

    static Map<String, Object> landing(String creditCode) {
        Map<String, Object> body = move("LANDED");
        body.put("registeredOn", LocalDate.now().minusDays(1).toString());
        body.put("localCreditCode", creditCode);
        body.put("landingEvidence", "营业执照副本 档案 A-" + TestData.next());
        return body;
    }

    void moveClock(Duration ahead) {
        clock.set(Clock.fixed(Instant.now().plus(ahead), ZoneOffset.UTC));
    }

    int historySize(long id) {
        return as(Tokens.ADMIN).get("/api/prospects/" + id).then().statusCode(200).extract().path("history.size()");
    }

    @Test
    void startAnswers201WithLocationAndASecondStartIs409() {
        long company = TestData.createCompany(Tokens.OFFICER, TestData.company());
        as(Tokens.OFFICER).body(Map.of()).post("/api/companies/" + company + "/prospect")
                .then().statusCode(201).header("Location", containsString("/api/prospects/"))
                .body("stage", equalTo("LEAD")).body("status", equalTo("ACTIVE")).body("owner", equalTo(Tokens.OFFICER))
                .body("teamCode", equalTo("team-a")).body("probability", equalTo(5)).body("staleness", equalTo("GREEN"))
                .body("history[0].kind", equalTo("STARTED"));
        as(Tokens.OFFICER_2).body(Map.of()).post("/api/companies/" + company + "/prospect")
                .then().statusCode(409).contentType(PROBLEM).body("code", equalTo("prospect.exists"));
        as(Tokens.OFFICER).get("/api/companies/" + company + "/prospect").then().statusCode(200).body("owner", equalTo(Tokens.OFFICER));
    }

    @Test
    void startingOnAnUnknownCompanyIs404() {
        as(Tokens.OFFICER).body(Map.of()).post("/api/companies/987654321/prospect")
                .then().statusCode(404).contentType(PROBLEM).body("code", equalTo("company.not-found"));
        as(Tokens.OFFICER).get("/api/prospects/987654321").then().statusCode(404).body("code", equalTo("prospect.not-found"));
    }

    @Test
    void aWeekOfWorkThroughTheGatesToAVerifiedLanding() {
        long id = TestData.newProspect(Tokens.OFFICER);
        for (String stage : List.of("CONTACTED", "VISITED", "NEGOTIATING", "OFFER")) {
            as(Tokens.OFFICER).body(move(stage)).post("/api/prospects/" + id + "/moves").then().statusCode(200)
                    .body("stage", equalTo(stage));
        }
        as(Tokens.OFFICER).get("/api/prospects/" + id).then().body("probability", equalTo(60))
                .body("history.kind", hasItem("STAGE")).body("history[0].from", equalTo("NEGOTIATING"))
                .body("history[0].to", equalTo("OFFER")).body("history[0].actor", equalTo(Tokens.OFFICER));

        // the gate: signed needs its facts → 422 with the fields, and nothing written
        int before = historySize(id);
        as(Tokens.OFFICER).body(move("SIGNED")).post("/api/prospects/" + id + "/moves")
                .then().statusCode(422).contentType(PROBLEM).body("code", equalTo("prospect.gate.unmet"))
                .body("violations.field", equalTo(List.of("signedOn", "agreementRef")))
                .body("violations.message", hasItem("Signed needs the agreement reference."));
        as(Tokens.OFFICER).get("/api/prospects/" + id).then().body("stage", equalTo("OFFER")).body("signedOn", nullValue());
        assertEquals(before, historySize(id));

        as(Tokens.OFFICER).body(signing()).post("/api/prospects/" + id + "/moves").then().statusCode(200)
                .body("stage", equalTo("SIGNED")).body("probability", equalTo(90));
        as(Tokens.OFFICER).body(landing("91440300MA5ABCDEF1")).post("/api/prospects/" + id + "/moves")
                .then().statusCode(422).body("violations.field", equalTo(List.of("localCreditCode")));
        String code = TestData.creditCode();
        as(Tokens.OFFICER).body(landing(code)).post("/api/prospects/" + id + "/moves").then().statusCode(200)
                .body("stage", equalTo("LANDED")).body("awaitsVerification", equalTo(true))
                .body("landingCounts", equalTo(false)).body("localCreditCode", equalTo(code));

        // a second person verifies: officers may not (role), a manager who is not the owner may, once
        as(Tokens.OFFICER).body(Map.of("approve", true)).post("/api/prospects/" + id + "/verification").then().statusCode(403);
        as(Tokens.MANAGER).get("/api/prospects/verification-queue").then().statusCode(200).body("id", hasItem((int) id));
        as(Tokens.MANAGER).body(Map.of("approve", true)).post("/api/prospects/" + id + "/verification").then().statusCode(200)
                .body("landingCounts", equalTo(true)).body("landingVerifiedBy", equalTo(Tokens.MANAGER))
                .body("history[0].kind", equalTo("VERIFIED"));
        as(Tokens.ADMIN).body(Map.of("approve", true)).post("/api/prospects/" + id + "/verification")
                .then().statusCode(409).body("code", equalTo("prospect.verify.already"));
        as(Tokens.MANAGER).get("/api/prospects/verification-queue").then().body("id", not(hasItem((int) id)));
    }

    @Test
    void aManagerMayNotVerifyTheirOwnLandingAndARejectionSendsItBack() {
        long id = TestData.newProspect(Tokens.MANAGER);
        as(Tokens.MANAGER).body(signing()).post("/api/prospects/" + id + "/moves").then().statusCode(200);
        as(Tokens.MANAGER).body(landing(TestData.creditCode())).post("/api/prospects/" + id + "/moves").then().statusCode(200);
        as(Tokens.MANAGER).body(Map.of("approve", true)).post("/api/prospects/" + id + "/verification")
                .then().statusCode(403).contentType(PROBLEM).body("code", equalTo("prospect.verify.own"));
        as(Tokens.ADMIN).body(Map.of("approve", false)).post("/api/prospects/" + id + "/verification")
                .then().statusCode(422).body("violations.field", hasItem("note"));
        as(Tokens.ADMIN).body(Map.of("approve", false, "note", "licence not on file")).post("/api/prospects/" + id + "/verification")
                .then().statusCode(200).body("stage", equalTo("SIGNED")).body("history[0].kind", equalTo("REJECTED"));
    }

    @Test
    void illegalMovesAnswer409AndChangeNothing() {
        long id = TestData.newProspect(Tokens.OFFICER);
        as(Tokens.OFFICER).body(move("LEAD")).post("/api/prospects/" + id + "/moves")
                .then().statusCode(409).contentType(PROBLEM).body("code", equalTo("prospect.stage.same"))
                .body("title", equalTo("Conflict")).body("detail", equalTo("The prospect is already in this stage."));
        as(Tokens.OFFICER).body(Map.of("status", "ON_HOLD", "reason", "budget cycle")).post("/api/prospects/" + id + "/status")
                .then().statusCode(200).body("status", equalTo("ON_HOLD"));
        int before = historySize(id);
        as(Tokens.OFFICER).body(move("CONTACTED")).post("/api/prospects/" + id + "/moves")
                .then().statusCode(409).body("code", equalTo("prospect.not-active"));
        as(Tokens.OFFICER).get("/api/prospects/" + id).then().body("stage", equalTo("LEAD")).body("status", equalTo("ON_HOLD"));
        assertEquals(before, historySize(id));
        as(Tokens.OFFICER).body(Map.of()).post("/api/prospects/" + id + "/moves")
                .then().statusCode(400).body("violations.field", hasItem("stage"));
        as(Tokens.OFFICER).body("{\"stage\":\"NOWHERE\"}").post("/api/prospects/" + id + "/moves").then().statusCode(400);
    }

    @Test
    void lostNeedsReasonAndDestinationAndLandedFirmsDepart() {
        long id = TestData.newProspect(Tokens.OFFICER);
        as(Tokens.OFFICER).body(Map.of("status", "LOST")).post("/api/prospects/" + id + "/status")
                .then().statusCode(422).body("violations.field", equalTo(List.of("reason", "lostTo")));
        as(Tokens.OFFICER).body(Map.of("status", "LOST", "reason", "rent", "lostTo", "前海")).post("/api/prospects/" + id + "/status")
                .then().statusCode(200).body("lostTo", equalTo("前海")).body("staleness", equalTo("NONE"));
        as(Tokens.OFFICER).body(Map.of("status", "DEPARTED", "departedOn", LocalDate.now().toString()))
                .post("/api/prospects/" + id + "/status").then().statusCode(409)
                .body("code", equalTo("prospect.status.departed-needs-landed"));
    }

    @Test
    void poolClaimHandOverAndRelease() {
        long company = TestData.createCompany(Tokens.OFFICER, TestData.company());
        long id = TestData.startProspect(Tokens.OFFICER, company, Map.of("pool", true));
        as(Tokens.OFFICER).get("/api/prospects/" + id).then().body("owner", nullValue()).body("teamCode", nullValue());
        // the pool is shared across teams: officer3 (team-b) sees it and claims it
        as(Tokens.OFFICER_OTHER_TEAM).post("/api/prospects/" + id + "/claim").then().statusCode(200)
                .body("owner", equalTo(Tokens.OFFICER_OTHER_TEAM)).body("teamCode", equalTo("team-b"));
        as(Tokens.OFFICER).post("/api/prospects/" + id + "/claim").then().statusCode(404);
        as(Tokens.OFFICER).get("/api/prospects/" + id).then().statusCode(404);
        // hand over into team-a: officer1 now sees it, but may not act on officer2's prospect
        as(Tokens.OFFICER_OTHER_TEAM).body(Map.of("to", "nobody-" + TestData.next())).post("/api/prospects/" + id + "/handover")
                .then().statusCode(422).body("violations.field", hasItem("to"));
        as(Tokens.OFFICER_OTHER_TEAM).body(Map.of("to", Tokens.OFFICER_2, "note", "closer to the firm"))
                .post("/api/prospects/" + id + "/handover").then().statusCode(200)
                .body("owner", equalTo(Tokens.OFFICER_2)).body("teamCode", equalTo("team-a"))
                .body("history[0].kind", equalTo("OWNER")).body("history[0].from", equalTo(Tokens.OFFICER_OTHER_TEAM));
        as(Tokens.OFFICER).get("/api/prospects/" + id).then().statusCode(200);
        as(Tokens.OFFICER).body(move("CONTACTED")).post("/api/prospects/" + id + "/moves")
                .then().statusCode(403).contentType(PROBLEM).body("code", equalTo("prospect.not-yours"));
        as(Tokens.OFFICER).post("/api/prospects/" + id + "/claim").then().statusCode(409).body("code", equalTo("prospect.not-in-pool"));
        as(Tokens.OFFICER_2).body(Map.of()).post("/api/prospects/" + id + "/release").then().statusCode(200)
                .body("owner", nullValue());
        as(Tokens.OFFICER_2).body(Map.of()).post("/api/prospects/" + id + "/release").then().statusCode(403);
        as(Tokens.MANAGER).body(Map.of()).post("/api/prospects/" + id + "/release").then().statusCode(409)
                .body("code", equalTo("prospect.not-owned"));
    }

    @Test
    void officersSeeTheirTeamAndConfidentialNarrowsToOwnerLeaderAndManagers() {
        long id = TestData.newProspect(Tokens.OFFICER);
        long company = as(Tokens.OFFICER).get("/api/prospects/" + id).then().extract().<Number>path("companyId").longValue();
        as(Tokens.OFFICER_2).get("/api/prospects/" + id).then().statusCode(200);
        as(Tokens.OFFICER_OTHER_TEAM).get("/api/prospects/" + id).then().statusCode(404).contentType(PROBLEM);
        as(Tokens.OFFICER_OTHER_TEAM).get("/api/companies/" + company + "/prospect").then().statusCode(404);
        as(Tokens.OFFICER_OTHER_TEAM).get("/api/companies/" + company + "/timeline").then().statusCode(404);
        as(Tokens.OFFICER_OTHER_TEAM).body(move("CONTACTED")).post("/api/prospects/" + id + "/moves").then().statusCode(404);
        as(Tokens.OFFICER_OTHER_TEAM).queryParam("size", 200).get("/api/prospects").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        as(Tokens.OFFICER_2).queryParam("size", 200).get("/api/prospects").then().body("items.id", hasItem((int) id));

        Map<String, Object> secret = new HashMap<>();
        secret.put("confidential", true);
        as(Tokens.OFFICER).body(secret).put("/api/prospects/" + id).then().statusCode(200).body("confidential", equalTo(true));
        as(Tokens.OFFICER_2).get("/api/prospects/" + id).then().statusCode(404);
        as(Tokens.MANAGER).get("/api/prospects/" + id).then().statusCode(200);
        as(Tokens.ADMIN).get("/api/prospects/" + id).then().statusCode(200);
        // only managers name the leader; the leader then sees it even from another team
        Map<String, Object> leader = new HashMap<>(secret);
        leader.put("leader", Tokens.OFFICER_OTHER_TEAM);
        as(Tokens.OFFICER).body(leader).put("/api/prospects/" + id).then().statusCode(403)
                .body("code", equalTo("prospect.leader.managers-only"));
        as(Tokens.MANAGER).body(leader).put("/api/prospects/" + id).then().statusCode(200)
                .body("leader", equalTo(Tokens.OFFICER_OTHER_TEAM));
        as(Tokens.OFFICER_OTHER_TEAM).get("/api/prospects/" + id).then().statusCode(200);
        as(Tokens.OFFICER_2).get("/api/companies/" + company + "/timeline").then().statusCode(404);
    }

    @Test
    void anOfficerMayOverrideTheProbabilityUntilTheNextMove() {
        long id = TestData.newProspect(Tokens.OFFICER);
        as(Tokens.OFFICER).body(Map.of("probability", 33, "expectedLandingDate", "2027-06-30")).put("/api/prospects/" + id)
                .then().statusCode(200).body("probability", equalTo(33)).body("probabilityOverridden", equalTo(true))
                .body("expectedLandingDate", equalTo("2027-06-30"));
        as(Tokens.OFFICER).body(Map.of("probability", 150)).put("/api/prospects/" + id)
                .then().statusCode(400).body("violations.field", hasItem("probability"));
        as(Tokens.OFFICER).body(move("CONTACTED")).post("/api/prospects/" + id + "/moves").then().statusCode(200)
                .body("probability", equalTo(10)).body("probabilityOverridden", equalTo(false));
    }

    @Test
    void listFiltersByMineStageAndStatus() {
        long mine = TestData.newProspect(Tokens.OFFICER);
        as(Tokens.OFFICER).body(move("VISITED")).post("/api/prospects/" + mine + "/moves").then().statusCode(200);
        long theirs = TestData.newProspect(Tokens.OFFICER_2);
        as(Tokens.OFFICER).queryParam("mine", true).queryParam("stage", "VISITED").queryParam("size", 200).get("/api/prospects")
                .then().statusCode(200).body("items.id", hasItem((int) mine)).body("items.id", not(hasItem((int) theirs)))
                .body("items.stage", not(hasItem("LEAD")));
        as(Tokens.OFFICER).queryParam("status", "LOST").queryParam("size", 200).get("/api/prospects")
                .then().body("items.status", not(hasItem("ACTIVE")));
    }

    @Test
    void quietProspectsReturnToThePoolAfterTheReclaimPeriod() {
        long quiet = TestData.newProspect(Tokens.OFFICER);
        long busy = TestData.newProspect(Tokens.OFFICER);
        long busyCompany = as(Tokens.OFFICER).get("/api/prospects/" + busy).then().extract().<Number>path("companyId").longValue();
        moveClock(Duration.ofDays(20));
        as(Tokens.OFFICER).body(Map.of("kind", "PHONE", "companyIds", List.of(busyCompany), "summary", "still interested"))
                .post("/api/activities").then().statusCode(201);
        moveClock(Duration.ofDays(31));
        service.reclaimQuiet();
        as(Tokens.MANAGER).get("/api/prospects/" + quiet).then().body("owner", nullValue())
                .body("history[0].kind", equalTo("RECLAIMED")).body("history[0].from", equalTo(Tokens.OFFICER));
        as(Tokens.MANAGER).get("/api/prospects/" + busy).then().body("owner", equalTo(Tokens.OFFICER));
        int events = historySize(quiet);
        service.reclaimQuiet();
        assertEquals(events, historySize(quiet), "reclaiming twice writes one history row");
    }

    @Test
    void stalenessLightsFollowDaysWithoutProgress() {
        long id = TestData.newProspect(Tokens.OFFICER);
        long company = as(Tokens.OFFICER).get("/api/prospects/" + id).then().extract().<Number>path("companyId").longValue();
        moveClock(Duration.ofDays(15));
        as(Tokens.OFFICER).get("/api/prospects/" + id).then().body("staleness", equalTo("YELLOW"))
                .body("daysWithoutProgress", equalTo(15));
        moveClock(Duration.ofDays(31));
        as(Tokens.OFFICER).get("/api/prospects/" + id).then().body("staleness", equalTo("RED"));
        as(Tokens.OFFICER).body(Map.of("kind", "VISIT", "companyIds", List.of(company), "summary", "site visit"))
                .post("/api/activities").then().statusCode(201);
        as(Tokens.OFFICER).get("/api/prospects/" + id).then().body("staleness", equalTo("GREEN"))
                .body("lastActivityAt", not(nullValue()));
    }

    @Test
    void historyKeepsTheTimeSpentInEachStage() {
        long id = TestData.newProspect(Tokens.OFFICER);
        moveClock(Duration.ofDays(5));
        as(Tokens.OFFICER).body(move("CONTACTED")).post("/api/prospects/" + id + "/moves").then().statusCode(200);
        moveClock(Duration.ofDays(12));
        as(Tokens.OFFICER).get("/api/prospects/" + id).then().body("daysInStage", equalTo(7))
                .body("history[0].kind", equalTo("STAGE")).body("history[0].daysInPreviousStage", equalTo(5))
                .body("history[1].kind", equalTo("STARTED")).body("history[1].daysInPreviousStage", nullValue());
    }

    @Test
    void theBoardAndListsCarryTheLights() {
        long id = TestData.newProspect(Tokens.OFFICER);
        as(Tokens.OFFICER).queryParam("mine", true).queryParam("size", 200).get("/api/prospects").then()
                .body("items.find { it.id == " + id + " }.staleness", equalTo("GREEN"))
                .body("items.find { it.id == " + id + " }.companyName", containsString("测试科技"));
        as(Tokens.OFFICER).queryParam("size", 1).get("/api/prospects").then().body("items", hasSize(1));
    }
}
