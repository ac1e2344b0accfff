package io.investcrm.dev;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The run mode's demo data, written into a database of its own: every stage, every status, matches that explain. */
@QuarkusTest
@TestProfile(DemoDataTest.WithDemoData.class)
class DemoDataTest {

    public static class WithDemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("investcrm.demo-data.enabled", "true",
                    "quarkus.datasource.jdbc.url", "jdbc:mysql://127.0.0.1:${investcrm.embedded-db.port}/investcrm_demo"
                            + "?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC&createDatabaseIfNotExist=true");
        }
    }

    @Inject
    EntityManager em;

    @Test
    void everyStageAndSeveralStatusesArePresent() {
        @SuppressWarnings("unchecked")
        List<String> stages = em.createNativeQuery("SELECT DISTINCT stage FROM prospect").getResultList();
        assertEquals(List.of("CONTACTED", "LANDED", "LEAD", "NEGOTIATING", "OFFER", "SIGNED", "VISITED"),
                stages.stream().sorted().toList());
        @SuppressWarnings("unchecked")
        List<String> statuses = em.createNativeQuery("SELECT DISTINCT status FROM prospect").getResultList();
        assertEquals(List.of("ACTIVE", "LOST", "ON_HOLD"), statuses.stream().sorted().toList());
    }

    @Test
    void anOfferWaitsForApprovalAndOthersShowTheRestOfTheWorkflow() {
        @SuppressWarnings("unchecked")
        List<String> statuses = em.createNativeQuery("SELECT DISTINCT status FROM offer").getResultList();
        assertEquals(List.of("ACCEPTED", "APPROVED", "DRAFT", "SUBMITTED"), statuses.stream().sorted().toList());
        // the approver's queue holds the IC-design firm's space in 华强-上步, which then needs a manager as well
        given().header("Authorization", Tokens.bearer(Tokens.APPROVER)).queryParam("awaitingMe", true)
                .when().get("/api/offers").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].companyName", equalTo("深圳芯动微电子设计有限公司"))
                .body("items[0].zoneCode", equalTo("huaqiang-shangbu")).body("items[0].kind", equalTo("SPACE"));
        Number id = given().header("Authorization", Tokens.bearer(Tokens.APPROVER)).queryParam("awaitingMe", true)
                .when().get("/api/offers").then().extract().path("items[0].id");
        given().header("Authorization", Tokens.bearer(Tokens.APPROVER)).when().get("/api/offers/" + id).then()
                .statusCode(200).body("approvals.requiredRole", equalTo(List.of("approver", "manager")))
                .body("history.action", equalTo(List.of("submit", "create"))).body("canDecide", equalTo(true));
    }

    @Test
    void theDemoFirmsAreSearchableAndMatchTheirZones() {
        Number id = given().header("Authorization", Tokens.bearer(Tokens.MANAGER)).queryParam("q", "芯动")
                .when().get("/api/companies").then().statusCode(200).body("total", equalTo(1)).extract().path("items[0].id");
        given().header("Authorization", Tokens.bearer(Tokens.MANAGER)).when().get("/api/companies/" + id + "/matches")
                .then().statusCode(200).body("code", hasItem("huaqiang-shangbu"));
    }

    @Test
    void theLawFirmCountsTowardsTheProfessionalServicesTargetThroughItsLeagueTable() {
        Number id = given().header("Authorization", Tokens.bearer(Tokens.MANAGER)).queryParam("q", "德衡")
                .when().get("/api/companies").then().statusCode(200).extract().path("items[0].id");
        given().header("Authorization", Tokens.bearer(Tokens.MANAGER)).when().get("/api/companies/" + id + "/matches")
                .then().statusCode(200).body("ref", hasItem("专栏9"));
    }
}
