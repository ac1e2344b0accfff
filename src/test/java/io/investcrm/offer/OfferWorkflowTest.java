package io.investcrm.offer;

import static io.investcrm.offer.OfferFixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.investcrm.company.CompanyFixtures;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.investcrm.core.AppClock;
import io.investcrm.outbox.OutboxDelivery;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The approval workflow end to end with real tokens: cumulative tiers, the pursuit moving to OFFER, delegation, the
 * arrival mail, escalation and expiry by the scheduled job, and the inventory import.
 */
@QuarkusTest
class OfferWorkflowTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    CompanyFixtures db;

    @Inject
    MockMailbox mailbox;

    @Inject
    AppClock clock;

    @Inject
    OfferJobs jobs;

    @Inject
    OutboxDelivery delivery;

    @BeforeEach
    void knownUsers() {
        for (String u : List.of(Tokens.OFFICER, Tokens.OFFICER_2, Tokens.MANAGER, Tokens.APPROVER, Tokens.ADMIN)) {
            TestData.signIn(u);
        }
        mailbox.clear();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void splittingAnOfferDoesNotLowerItsTier() {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        long first = TestData.submittedOffer(Tokens.OFFICER, TestData.subsidyOffer(company, "600000"));
        as(Tokens.OFFICER).get("/api/offers/" + first).then().body("stepCount", equalTo(1));
        // the second half: 1.2 M to the group in the period → the district leader's step too
        long second = TestData.submittedOffer(Tokens.OFFICER, TestData.subsidyOffer(company, "600000"));
        as(Tokens.OFFICER).get("/api/offers/" + second).then().body("stepCount", equalTo(2))
                .body("approvals.requiredRole", equalTo(List.of("approver", "manager")))
                .body("approvals.stepName", equalTo(List.of("section-chief", "district-leader")))
                .body("currentStep", equalTo(1));
        // a withdrawn offer no longer counts
        as(Tokens.OFFICER).post("/api/offers/" + first + "/withdraw").then().statusCode(200);
        long third = TestData.submittedOffer(Tokens.OFFICER, TestData.subsidyOffer(company, "300000"));
        as(Tokens.OFFICER).get("/api/offers/" + third).then().body("stepCount", equalTo(1));
        // above 10 M in total: a collective decision, recorded with its meeting reference
        long big = TestData.submittedOffer(Tokens.OFFICER, TestData.subsidyOffer(company, "9500000"));
        as(Tokens.OFFICER).get("/api/offers/" + big).then().body("stepCount", equalTo(3))
                .body("approvals[2].meetingRequired", equalTo(true));
    }

    @Test
    void submittingMovesThePursuitToTheOfferStage() {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        String before = as(Tokens.OFFICER).get("/api/companies/" + company + "/prospect").path("stage");
        assertEquals("LEAD", before);
        TestData.submittedOffer(Tokens.OFFICER, TestData.subsidyOffer(company, "1000"));
        as(Tokens.OFFICER).get("/api/companies/" + company + "/prospect").then().body("stage", equalTo("OFFER"));
    }

    @Test
    void aDelegateDecidesWhileTheApproverIsAwayAndBothAreNamed() {
        long id = TestData.submittedOffer(Tokens.OFFICER, TestData.subsidyOffer(TestData.pursuedCompany(Tokens.OFFICER), "5000"));
        as(Tokens.ADMIN).post("/api/offers/" + id + "/approve").then().statusCode(403).body("code", equalTo("offer.step-role"));
        LocalDateTime now = LocalDateTime.now(java.time.ZoneOffset.UTC);
        Map<String, Object> lend = Map.of("delegate", Tokens.ADMIN, "role", "approver", "startsAt",
                now.minusHours(1).toString(), "endsAt", now.plusDays(3).toString());
        // only a role of one's own can be lent
        as(Tokens.MANAGER).body(lend).post("/api/delegations").then().statusCode(400)
                .body("violations.field", hasItem("role"));
        Number delegation = as(Tokens.APPROVER).body(lend).post("/api/delegations").then().statusCode(201)
                .body("active", equalTo(true)).extract().path("id");
        as(Tokens.ADMIN).queryParam("awaitingMe", true).queryParam("size", 200).get("/api/offers").then()
                .body("items.id", hasItem((int) id));
        as(Tokens.ADMIN).body(Map.of("reason", "代为审批")).post("/api/offers/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvals[0].decidedBy", equalTo(Tokens.ADMIN))
                .body("approvals[0].onBehalfOf", equalTo(Tokens.APPROVER));
        // revoked: the role is no longer lent
        as(Tokens.ADMIN).post("/api/delegations/" + delegation + "/revoke").then().statusCode(200)
                .body("active", equalTo(false));
        long next = TestData.submittedOffer(Tokens.OFFICER, TestData.subsidyOffer(TestData.pursuedCompany(Tokens.OFFICER), "5000"));
        as(Tokens.ADMIN).post("/api/offers/" + next + "/approve").then().statusCode(403);
        as(Tokens.APPROVER).post("/api/delegations/" + delegation + "/revoke").then().statusCode(409)
                .body("code", equalTo("delegation.ended"));
    }

    @Test
    void arrivalIsMailedAndOverdueDecisionsAreEscalatedOnceAndHoldsExpire() {
        long building = OfferFixtures.createBuilding("300");
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        long id = TestData.submittedOffer(Tokens.OFFICER, OfferFixtures.spaceIn(company, building, "200"));
        String title = as(Tokens.OFFICER).get("/api/offers/" + id).path("title");
        delivery.deliverDue();
        assertTrue(mailbox.getMailsSentTo("approver1@investcrm.local").stream()
                .anyMatch(m -> m.getSubject().contains(title) && m.getText().contains("/offers/" + id)));

        // four days later the 72-hour step is overdue: escalated to the managers, once
        clock.set(Clock.offset(Clock.systemUTC(), Duration.ofDays(4)));
        jobs.runOnce();
        jobs.runOnce();
        delivery.deliverDue();
        delivery.deliverDue();
        assertEquals(1, mailbox.getMailsSentTo("manager1@investcrm.local").stream()
                .filter(m -> m.getSubject().contains("审批超时") && m.getSubject().contains(title)).count());
        assertEquals(1, db.count("SELECT COUNT(*) FROM offer_approval WHERE offer_id = ?1 AND escalated_at IS NOT NULL", id));

        // past the 30-day hold, undecided: expired, the area free again
        clock.set(Clock.offset(Clock.systemUTC(), Duration.ofDays(31)));
        jobs.runOnce();
        as(Tokens.OFFICER).get("/api/offers/" + id).then().body("status", equalTo("EXPIRED"))
                .body("spaceState", equalTo("RELEASED")).body("history[0].action", equalTo("expire"));
        assertEquals(0, db.count("SELECT ROUND(held_area_sqm) FROM space_building WHERE id = ?1", building));
        as(Tokens.APPROVER).post("/api/offers/" + id + "/approve").then().statusCode(409)
                .body("code", equalTo("offer.already-decided"));
    }

    @Test
    void theInventoryIsImportedFromAWorkbookAllOrNothing() throws Exception {
        String name = "车公庙天安数码城 " + TestData.next() + " 栋";
        byte[] bad = OfferWorkbooks.workbook(new String[] { "片区", "楼宇", "地址", "产权", "总面积", "可招商面积", "适合产业" },
                new Object[] { "dajinsha-chegongmiao", name, "天安数码城", "国有", 12000, 3000, "" },
                new Object[] { "nowhere", "无名楼", "", "私人", -1, 5, "" });
        as(Tokens.ADMIN).contentType(XLSX).body(bad)
                .post("/api/space/buildings/import").then().statusCode(400)
                .body("violations.field", hasItem("row 3: zoneCode"))
                .body("violations.field", hasItem("row 3: ownerType"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM space_building WHERE name = ?1", name));
        byte[] good = OfferWorkbooks.workbook(new String[] { "zone", "name", "address", "owner", "total", "vacant", "rent" },
                new Object[] { "dajinsha-chegongmiao", name, "天安数码城", "PARTNER", 12000, 3000, 130 });
        as(Tokens.ADMIN).contentType(XLSX).body(good)
                .post("/api/space/buildings/import").then().statusCode(200).body("rows", equalTo(1));
        as(Tokens.OFFICER).queryParam("zone", "dajinsha-chegongmiao").get("/api/space/buildings").then().statusCode(200)
                .body("findAll { it.name == '" + name + "' }", hasSize(1))
                .body("find { it.name == '" + name + "' }.freeAreaSqm", equalTo(3000.0f));
        as(Tokens.OFFICER).contentType(XLSX).body(good)
                .post("/api/space/buildings/import").then().statusCode(403);
        as(Tokens.OFFICER).queryParam("zone", "dajinsha-chegongmiao").get("/api/space/buildings").then()
                .body("name", not(hasItem("无名楼")));
    }
}
