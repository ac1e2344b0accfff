package io.investcrm.offer;

import static io.investcrm.offer.OfferFixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.investcrm.company.CompanyFixtures;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Space holds and subsidy budgets under concurrency, against the real database: many submissions for one building
 * never hold more than it has; two approvals racing for the last of a budget cannot both pass.
 */
@QuarkusTest
class OfferHoldsAndBudgetsTest {

    @Inject
    CompanyFixtures db;

    @BeforeEach
    void knownUsers() {
        for (String u : List.of(Tokens.OFFICER, Tokens.MANAGER, Tokens.APPROVER, Tokens.ADMIN)) {
            TestData.signIn(u);
        }
    }

    BigDecimal column(String column, long building) {
        return new BigDecimal(db.count("SELECT ROUND(" + column + " * 100) FROM space_building WHERE id = ?1", building))
                .movePointLeft(2);
    }

    static List<Response> inParallel(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> futures = pool.invokeAll(calls);
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelSubmissionsNeverHoldMoreThanTheBuildingHas() throws Exception {
        long building = OfferFixtures.createBuilding("1000");
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            // one company each: the tier stays the first, only the building is shared
            long company = TestData.pursuedCompany(Tokens.OFFICER);
            drafts.add(TestData.createOffer(Tokens.OFFICER, OfferFixtures.spaceIn(company, building, "100")));
        }
        Tokens.of(Tokens.OFFICER);
        List<Callable<Response>> calls = drafts.stream()
                .<Callable<Response>>map(id -> () -> as(Tokens.OFFICER).post("/api/offers/" + id + "/submit"))
                .toList();
        List<Response> answers = inParallel(calls);
        long held = answers.stream().filter(r -> r.statusCode() == 200).count();
        long refused = answers.stream().filter(r -> r.statusCode() == 409).count();
        assertEquals(10, held, "exactly the building's 1 000 m² in 100 m² offers");
        assertEquals(14, refused);
        answers.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertEquals("offer.space-insufficient", r.path("code")));
        assertEquals(0, new BigDecimal("1000.00").compareTo(column("held_area_sqm", building)));
        assertEquals(10, db.count("SELECT COUNT(*) FROM offer WHERE building_id = ?1 AND status = 'SUBMITTED' "
                + "AND space_state = 'HELD'", building));
        assertEquals(14, db.count("SELECT COUNT(*) FROM offer WHERE building_id = ?1 AND status = 'DRAFT'", building),
                "a refused submission changes nothing");
        as(Tokens.ADMIN).get("/api/space/buildings/" + building).then().statusCode(200)
                .body("freeAreaSqm", equalTo(0.0f));
    }

    @Test
    void approvalCommitsAndEveryOtherEndReleases() {
        long building = OfferFixtures.createBuilding("500");
        long c1 = TestData.pursuedCompany(Tokens.OFFICER);
        long approved = TestData.submittedOffer(Tokens.OFFICER, OfferFixtures.spaceIn(c1, building, "100"));
        long rejected = TestData.submittedOffer(Tokens.OFFICER, OfferFixtures.spaceIn(TestData.pursuedCompany(Tokens.OFFICER), building, "100"));
        long returned = TestData.submittedOffer(Tokens.OFFICER, OfferFixtures.spaceIn(TestData.pursuedCompany(Tokens.OFFICER), building, "100"));
        long recalled = TestData.submittedOffer(Tokens.OFFICER, OfferFixtures.spaceIn(TestData.pursuedCompany(Tokens.OFFICER), building, "100"));
        assertEquals(0, new BigDecimal("400").compareTo(column("held_area_sqm", building)));

        as(Tokens.APPROVER).post("/api/offers/" + approved + "/approve").then().statusCode(200)
                .body("spaceState", equalTo("COMMITTED"));
        as(Tokens.APPROVER).body(Map.of("reason", "租金过低")).post("/api/offers/" + rejected + "/reject").then()
                .statusCode(200).body("spaceState", equalTo("RELEASED"));
        as(Tokens.APPROVER).body(Map.of("reason", "请补充起租日期")).post("/api/offers/" + returned + "/return").then()
                .statusCode(200).body("status", equalTo("RETURNED")).body("spaceState", equalTo("RELEASED"));
        as(Tokens.OFFICER).post("/api/offers/" + recalled + "/recall").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("spaceState", equalTo("RELEASED"));
        assertEquals(0, BigDecimal.ZERO.compareTo(column("held_area_sqm", building)));
        assertEquals(0, new BigDecimal("100").compareTo(column("committed_area_sqm", building)));

        // the returned offer is resubmitted with a change, holds again and shows what changed
        Map<String, Object> revised = OfferFixtures.spaceIn(TestData.pursuedCompany(Tokens.OFFICER), building, "150");
        revised.put("startDate", "2027-01-01");
        revised.put("version", as(Tokens.OFFICER).get("/api/offers/" + returned).path("version"));
        as(Tokens.OFFICER).body(revised).put("/api/offers/" + returned).then().statusCode(200);
        as(Tokens.OFFICER).post("/api/offers/" + returned + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("roundNo", equalTo(2)).body("spaceState", equalTo("HELD"))
                .body("history[0].action", equalTo("resubmit"))
                .body("changes.find { it.field == 'floorAreaSqm' }.before", equalTo("100"))
                .body("changes.find { it.field == 'floorAreaSqm' }.after", equalTo("150"))
                .body("changes.find { it.field == 'startDate' }.after", equalTo("2027-01-01"));
        assertEquals(0, new BigDecimal("150").compareTo(column("held_area_sqm", building)));

        // the company declines the issued letter: the committed area is free again
        as(Tokens.OFFICER).post("/api/offers/" + approved + "/issue").then().statusCode(200);
        as(Tokens.OFFICER).body(Map.of("outcome", "DECLINED", "note", "选择了南山")).post("/api/offers/" + approved + "/outcome")
                .then().statusCode(200).body("spaceState", equalTo("RELEASED"));
        assertEquals(0, BigDecimal.ZERO.compareTo(column("committed_area_sqm", building)));
        // the vacant area may not drop below what is held
        Map<String, Object> shrink = OfferFixtures.building("100");
        shrink.put("version", as(Tokens.ADMIN).get("/api/space/buildings/" + building).path("version"));
        as(Tokens.ADMIN).body(shrink).put("/api/space/buildings/" + building).then().statusCode(409)
                .body("code", equalTo("space.below-promised"));
    }

    @Test
    void twoApprovalsRacingForTheLastOfABudgetCannotBothPass() throws Exception {
        long policy = OfferFixtures.createPolicy("1000000");
        long a = TestData.submittedOffer(Tokens.OFFICER,
                OfferFixtures.subsidyFrom(TestData.pursuedCompany(Tokens.OFFICER), policy, "600000"));
        long b = TestData.submittedOffer(Tokens.OFFICER,
                OfferFixtures.subsidyFrom(TestData.pursuedCompany(Tokens.OFFICER), policy, "600000"));
        Tokens.of(Tokens.APPROVER);
        List<Response> answers = inParallel(List.of(
                () -> as(Tokens.APPROVER).post("/api/offers/" + a + "/approve"),
                () -> as(Tokens.APPROVER).post("/api/offers/" + b + "/approve")));
        assertEquals(List.of(200, 409), answers.stream().map(Response::statusCode).sorted().toList());
        Response refused = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertEquals("offer.budget-exceeded", refused.path("code"));
        as(Tokens.ADMIN).get("/api/subsidy-policies/" + policy).then().statusCode(200)
                .body("committedCny", equalTo(600000.0f)).body("remainingCny", equalTo(400000.0f));
        assertEquals(1, db.count("SELECT COUNT(*) FROM offer WHERE policy_id = ?1 AND status = 'SUBMITTED'", policy),
                "the refused approval decided nothing");
        // what remains can be approved; a decline gives it back
        long small = TestData.submittedOffer(Tokens.OFFICER,
                OfferFixtures.subsidyFrom(TestData.pursuedCompany(Tokens.OFFICER), policy, "400000"));
        as(Tokens.APPROVER).post("/api/offers/" + small + "/approve").then().statusCode(200)
                .body("chargedCny", equalTo(400000.0f));
        as(Tokens.OFFICER).post("/api/offers/" + small + "/issue").then().statusCode(200);
        as(Tokens.OFFICER).body(Map.of("outcome", "DECLINED", "note", "企业放弃")).post("/api/offers/" + small + "/outcome")
                .then().statusCode(200);
        as(Tokens.ADMIN).get("/api/subsidy-policies/" + policy).then().body("committedCny", equalTo(600000.0f));
    }
}
