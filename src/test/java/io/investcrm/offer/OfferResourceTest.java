package io.investcrm.offer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.investcrm.company.CompanyFixtures;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The offers API on the real database with real tokens: drafting, the approval workflow, four eyes, staleness, visibility. */
@QuarkusTest
class OfferResourceTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    CompanyFixtures db;

    @BeforeEach
    void knownUsers() {
        for (String u : List.of(Tokens.OFFICER, Tokens.OFFICER_2, Tokens.OFFICER_OTHER_TEAM, Tokens.MANAGER,
                Tokens.APPROVER, Tokens.ADMIN)) {
            TestData.signIn(u);
        }
    }

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("Accept-Language", "en");
    }

    long auditRows(long offerId) {
        return db.count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'offer' AND entity_id = ?1", offerId);
    }

    @Test
    void aDraftIsCreatedWith201AndLocationAndAnAuditRow() {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        Map<String, Object> body = TestData.spaceOffer(company, "1500");
        Number id = as(Tokens.OFFICER).body(body).post("/api/offers")
                .then().statusCode(201).header("Location", containsString("/api/offers/"))
                .body("status", equalTo("DRAFT")).body("kind", equalTo("SPACE")).body("owner", equalTo(Tokens.OFFICER))
                .body("zoneCode", equalTo("huaqiang-shangbu")).body("floorAreaSqm", equalTo(1500.0f))
                .body("monthlyRentCny", equalTo(203250.0f)).body("subsidyAmountCny", nullValue())
                .body("prospectId", equalTo(as(Tokens.OFFICER).get("/api/companies/" + company + "/prospect").path("id")))
                .body("canEdit", equalTo(true)).body("canDecide", equalTo(false)).body("approvals", hasSize(0))
                .body("history[0].action", equalTo("create")).body("history[0].to", equalTo("DRAFT"))
                .extract().path("id");
        assertEquals(1, auditRows(id.longValue()));
        as(Tokens.OFFICER).queryParam("companyId", company).get("/api/offers").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id.intValue()));
    }

    @Test
    void badInputIsRefusedWithViolationsAndWritesNothing() {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        Map<String, Object> space = TestData.spaceOffer(company, "-5");
        space.remove("building");
        space.put("zoneCode", "nowhere");
        space.put("rentFreeMonths", 48);
        as(Tokens.OFFICER).body(space).post("/api/offers").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("validation.failed"))
                .body("violations.field", hasItems("building", "floorAreaSqm", "rentFreeMonths", "zoneCode"))
                .body("violations.find { it.field == 'zoneCode' }.message", equalTo("The plan has no zone \"nowhere\"."));
        Map<String, Object> subsidy = TestData.subsidyOffer(company, "12345.678");
        subsidy.remove("policyBasis");
        subsidy.remove("title");
        as(Tokens.OFFICER).body(subsidy).post("/api/offers").then().statusCode(400)
                .body("violations.field", equalTo(List.of("policyBasis", "subsidyAmountCny", "title")));
        Map<String, Object> noCompany = TestData.subsidyOffer(company, "1000");
        noCompany.remove("companyId");
        as(Tokens.OFFICER).body(noCompany).post("/api/offers").then().statusCode(400)
                .body("violations.field", hasItem("companyId"));
        as(Tokens.OFFICER).body("{\"kind\":\"CASTLE\"}").post("/api/offers").then().statusCode(400).contentType(PROBLEM);
        as(Tokens.OFFICER).body(TestData.subsidyOffer(987654321L, "1000")).post("/api/offers").then().statusCode(404)
                .body("code", equalTo("company.not-found"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM offer WHERE company_id = ?1", company));
    }

    @Test
    void belowTheThresholdOneApproverDecidesAndTheTimelineShowsIt() {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        long id = TestData.createOffer(Tokens.OFFICER, TestData.subsidyOffer(company, "1000000"));
        // an approver does not see drafts
        as(Tokens.APPROVER).get("/api/offers/" + id).then().statusCode(404).body("code", equalTo("offer.not-found"));
        as(Tokens.OFFICER).post("/api/offers/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("awaitingRole", equalTo("approver"))
                .body("approvals", hasSize(1)).body("approvals[0].requiredRole", equalTo("approver"))
                .body("approvals[0].decision", nullValue());
        as(Tokens.APPROVER).queryParam("awaitingMe", true).queryParam("size", 200).get("/api/offers").then()
                .statusCode(200).body("items.id", hasItem((int) id));
        as(Tokens.APPROVER).get("/api/offers/" + id).then().statusCode(200).body("canDecide", equalTo(true))
                .body("canEdit", equalTo(false));
        as(Tokens.APPROVER).body(Map.of("reason", "符合总部政策")).post("/api/offers/" + id + "/approve").then()
                .statusCode(200).body("status", equalTo("APPROVED")).body("awaitingRole", nullValue())
                .body("approvals[0].decidedBy", equalTo(Tokens.APPROVER)).body("approvals[0].decision", equalTo("APPROVED"))
                .body("history[0].action", equalTo("approve")).body("history[0].step", equalTo(1));
        as(Tokens.APPROVER).queryParam("awaitingMe", true).queryParam("size", 200).get("/api/offers").then()
                .body("items.id", not(hasItem((int) id)));
        as(Tokens.OFFICER).body(Map.of("outcome", "ACCEPTED")).post("/api/offers/" + id + "/outcome").then()
                .statusCode(409).body("code", equalTo("offer.not-issued"));
        as(Tokens.OFFICER).post("/api/offers/" + id + "/issue").then().statusCode(200).body("status", equalTo("ISSUED"))
                .body("validUntil", org.hamcrest.Matchers.notNullValue());
        as(Tokens.OFFICER).body(Map.of("outcome", "ACCEPTED")).post("/api/offers/" + id + "/outcome").then()
                .statusCode(200).body("status", equalTo("ACCEPTED"));
        as(Tokens.OFFICER).get("/api/companies/" + company + "/timeline").then().statusCode(200)
                .body("findAll { it.type == 'OFFER' }.kind", equalTo(List.of("accept", "issue", "approve", "submit", "create")))
                .body("find { it.type == 'OFFER' }.offerId", equalTo((int) id));
        assertEquals(5, auditRows(id));
    }

    @Test
    void aboveTheThresholdTheManagerDecidesAfterTheApprover() {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        long id = TestData.submittedOffer(Tokens.OFFICER, TestData.spaceOffer(company, "3000"));
        as(Tokens.OFFICER).get("/api/offers/" + id).then().body("approvals.requiredRole", equalTo(List.of("approver", "manager")))
                .body("awaitingRole", equalTo("approver"));
        // the manager's step is second; the manager may not take the approver's
        as(Tokens.MANAGER).post("/api/offers/" + id + "/approve").then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("offer.step-role"));
        as(Tokens.MANAGER).queryParam("awaitingMe", true).queryParam("size", 200).get("/api/offers").then()
                .body("items.id", not(hasItem((int) id)));
        as(Tokens.APPROVER).post("/api/offers/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("awaitingRole", equalTo("manager"));
        as(Tokens.APPROVER).post("/api/offers/" + id + "/approve").then().statusCode(409)
                .body("code", equalTo("offer.already-decided"));
        as(Tokens.MANAGER).queryParam("awaitingMe", true).queryParam("size", 200).get("/api/offers").then()
                .body("items.id", hasItem((int) id));
        as(Tokens.MANAGER).body(Map.of("reason", "面积合理")).post("/api/offers/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvals[1].decidedBy", equalTo(Tokens.MANAGER))
                .body("approvals[1].reason", equalTo("面积合理"));
        as(Tokens.ADMIN).post("/api/offers/" + id + "/approve").then().statusCode(409)
                .body("code", equalTo("offer.already-decided"));
    }

    @Test
    void theMakerMayNeverDecideTheirOwnOffer() {
        // a manager makes an offer above the threshold: the approver decides step 1, the manager may not decide step 2
        long company = TestData.pursuedCompany(Tokens.MANAGER);
        long id = TestData.submittedOffer(Tokens.MANAGER, TestData.subsidyOffer(company, "2500000"));
        as(Tokens.APPROVER).post("/api/offers/" + id + "/approve").then().statusCode(200).body("awaitingRole", equalTo("manager"));
        as(Tokens.MANAGER).queryParam("awaitingMe", true).queryParam("size", 200).get("/api/offers").then()
                .body("items.id", not(hasItem((int) id)));
        as(Tokens.MANAGER).get("/api/offers/" + id).then().body("canDecide", equalTo(false));
        long before = auditRows(id);
        as(Tokens.MANAGER).post("/api/offers/" + id + "/approve").then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("offer.four-eyes"))
                .body("detail", equalTo("Whoever made, owns, changed or submitted an offer may not decide it (four eyes)."));
        as(Tokens.MANAGER).body(Map.of("reason", "x")).post("/api/offers/" + id + "/reject").then().statusCode(403)
                .body("code", equalTo("offer.four-eyes"));
        assertEquals(before, auditRows(id));
        as(Tokens.MANAGER).get("/api/offers/" + id).then().body("status", equalTo("SUBMITTED"))
                .body("approvals[1].decision", nullValue());
        // the admin (who holds the manager role) is a second pair of eyes
        as(Tokens.ADMIN).post("/api/offers/" + id + "/approve").then().statusCode(200).body("status", equalTo("APPROVED"));
        // officers decide nothing
        long other = TestData.submittedOffer(Tokens.OFFICER, TestData.subsidyOffer(TestData.pursuedCompany(Tokens.OFFICER), "100"));
        as(Tokens.OFFICER_2).post("/api/offers/" + other + "/approve").then().statusCode(403).body("code", equalTo("forbidden"));
    }

    @Test
    void whoeverChangedTheTermsMayNotDecideThem() {
        // the manager raises an officer's subsidy above the threshold; after the approver, the manager's step is not theirs
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        Map<String, Object> body = TestData.subsidyOffer(company, "300000");
        long id = TestData.createOffer(Tokens.OFFICER, body);
        body.put("subsidyAmountCny", new java.math.BigDecimal("2500000"));
        body.put("version", 0);
        as(Tokens.MANAGER).body(body).put("/api/offers/" + id).then().statusCode(200);
        as(Tokens.OFFICER).post("/api/offers/" + id + "/submit").then().statusCode(200).body("awaitingRole", equalTo("approver"));
        as(Tokens.APPROVER).post("/api/offers/" + id + "/approve").then().statusCode(200).body("awaitingRole", equalTo("manager"));
        as(Tokens.MANAGER).queryParam("awaitingMe", true).queryParam("size", 200).get("/api/offers").then()
                .body("items.id", not(hasItem((int) id)));
        as(Tokens.MANAGER).get("/api/offers/" + id).then().body("canDecide", equalTo(false));
        as(Tokens.MANAGER).post("/api/offers/" + id + "/approve").then().statusCode(403).body("code", equalTo("offer.four-eyes"));
        as(Tokens.ADMIN).post("/api/offers/" + id + "/approve").then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void aRejectionNeedsAReasonAndARefusedOneChangesNothing() {
        long id = TestData.submittedOffer(Tokens.OFFICER, TestData.spaceOffer(TestData.pursuedCompany(Tokens.OFFICER), "800"));
        long before = auditRows(id);
        as(Tokens.APPROVER).post("/api/offers/" + id + "/reject").then().statusCode(422).contentType(PROBLEM)
                .body("code", equalTo("offer.reason-missing")).body("violations.field", equalTo(List.of("reason")))
                .body("violations[0].message", equalTo("Please give the reason."));
        as(Tokens.APPROVER).body(Map.of("reason", "   ")).post("/api/offers/" + id + "/reject").then().statusCode(422);
        as(Tokens.APPROVER).get("/api/offers/" + id).then().body("status", equalTo("SUBMITTED"))
                .body("approvals[0].decision", nullValue());
        assertEquals(before, auditRows(id));
        as(Tokens.APPROVER).body(Map.of("reason", "租金低于片区指导价")).post("/api/offers/" + id + "/reject").then()
                .statusCode(200).body("status", equalTo("REJECTED")).body("approvals[0].decision", equalTo("REJECTED"))
                .body("approvals[0].reason", equalTo("租金低于片区指导价")).body("history[0].note", equalTo("租金低于片区指导价"));
        as(Tokens.ADMIN).post("/api/offers/" + id + "/approve").then().statusCode(409).body("code", equalTo("offer.already-decided"));
        as(Tokens.OFFICER).post("/api/offers/" + id + "/withdraw").then().statusCode(409).body("code", equalTo("offer.not-withdrawable"));
        as(Tokens.OFFICER).body(Map.of("outcome", "ACCEPTED")).post("/api/offers/" + id + "/outcome").then().statusCode(409)
                .body("code", equalTo("offer.not-issued"));
    }

    @Test
    void onlyAFreshVersionOfADraftIsEdited() {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        Map<String, Object> body = TestData.subsidyOffer(company, "500000");
        long id = TestData.createOffer(Tokens.OFFICER, body);
        int version = as(Tokens.OFFICER).get("/api/offers/" + id).then().extract().path("version");
        body.put("subsidyAmountCny", 600000);
        body.put("version", version);
        as(Tokens.OFFICER).body(body).put("/api/offers/" + id).then().statusCode(200)
                .body("subsidyAmountCny", equalTo(600000.0f)).body("version", equalTo(version + 1))
                .body("history[0].action", equalTo("update"));
        // a second client still holding the old version
        body.put("subsidyAmountCny", 700000);
        as(Tokens.OFFICER).body(body).put("/api/offers/" + id).then().statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("conflict.stale"));
        body.remove("version");
        as(Tokens.OFFICER).body(body).put("/api/offers/" + id).then().statusCode(409).body("code", equalTo("conflict.stale"));
        as(Tokens.OFFICER).get("/api/offers/" + id).then().body("subsidyAmountCny", equalTo(600000.0f));
        // a submitted offer is no longer edited, whatever version is sent
        as(Tokens.OFFICER).post("/api/offers/" + id + "/submit").then().statusCode(200);
        body.put("version", as(Tokens.OFFICER).get("/api/offers/" + id).then().extract().path("version"));
        as(Tokens.OFFICER).body(body).put("/api/offers/" + id).then().statusCode(409).body("code", equalTo("offer.not-editable"));
        as(Tokens.OFFICER).post("/api/offers/" + id + "/submit").then().statusCode(409).body("code", equalTo("offer.not-draft"));
        as(Tokens.OFFICER).body(Map.of("reason", "企业暂缓选址")).post("/api/offers/" + id + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("closingNote", equalTo("企业暂缓选址")).body("awaitingRole", nullValue());
        as(Tokens.APPROVER).post("/api/offers/" + id + "/approve").then().statusCode(409).body("code", equalTo("offer.not-submitted"));
    }

    @Test
    void offersFollowThePipelinesVisibility() {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        long id = TestData.createOffer(Tokens.OFFICER, TestData.spaceOffer(company, "600"));
        Map<String, Object> edit = TestData.spaceOffer(company, "650");
        edit.put("version", 0);
        // the same team sees it but does not act on officer1's pursuit
        as(Tokens.OFFICER_2).get("/api/offers/" + id).then().statusCode(200).body("canEdit", equalTo(false));
        as(Tokens.OFFICER_2).body(edit).put("/api/offers/" + id).then().statusCode(403).contentType(PROBLEM)
                .body("code", equalTo("offer.not-yours"));
        as(Tokens.OFFICER_2).post("/api/offers/" + id + "/submit").then().statusCode(403);
        as(Tokens.OFFICER_2).body(TestData.subsidyOffer(company, "1000")).post("/api/offers").then().statusCode(403)
                .body("code", equalTo("offer.not-yours"));
        // another team does not see it at all
        as(Tokens.OFFICER_OTHER_TEAM).get("/api/offers/" + id).then().statusCode(404).contentType(PROBLEM)
                .body("code", equalTo("offer.not-found"));
        as(Tokens.OFFICER_OTHER_TEAM).post("/api/offers/" + id + "/submit").then().statusCode(404);
        as(Tokens.OFFICER_OTHER_TEAM).body(TestData.subsidyOffer(company, "1000")).post("/api/offers").then().statusCode(404);
        as(Tokens.OFFICER_OTHER_TEAM).queryParam("size", 200).get("/api/offers").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        as(Tokens.OFFICER_OTHER_TEAM).queryParam("companyId", company).get("/api/offers").then().body("total", equalTo(0));
        // managers see and act on every team's offers
        as(Tokens.MANAGER).get("/api/offers/" + id).then().statusCode(200).body("canEdit", equalTo(true));
        as(Tokens.MANAGER).body(edit).put("/api/offers/" + id).then().statusCode(200).body("floorAreaSqm", equalTo(650.0f));
        // the owner's own list
        as(Tokens.OFFICER).queryParam("mine", true).queryParam("status", "DRAFT").queryParam("size", 200).get("/api/offers")
                .then().body("items.id", hasItem((int) id));
        as(Tokens.OFFICER_2).queryParam("mine", true).queryParam("size", 200).get("/api/offers")
                .then().body("items.id", not(hasItem((int) id)));
        // a company nobody pursues: its offer is its maker's to act on
        long free = TestData.createCompany(Tokens.OFFICER, TestData.company());
        long loose = TestData.createOffer(Tokens.OFFICER_OTHER_TEAM, TestData.subsidyOffer(free, "5000"));
        as(Tokens.OFFICER).get("/api/offers/" + loose).then().statusCode(200).body("prospectId", nullValue())
                .body("canEdit", equalTo(false));
        as(Tokens.OFFICER).post("/api/offers/" + loose + "/submit").then().statusCode(403);
        as(Tokens.OFFICER_OTHER_TEAM).post("/api/offers/" + loose + "/submit").then().statusCode(200);
    }
}
