package io.investcrm.matching;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Matching through the API on the real database: explained matches, zone and section candidates, gaps. */
@QuarkusTest
class MatchingResourceTest {

    static RequestSpecification officer() {
        return given().header("Authorization", Tokens.bearer(Tokens.OFFICER)).accept(ContentType.JSON);
    }

    static long icDesignHouse() {
        Map<String, Object> body = TestData.company("深圳芯动微电子设计有限公司" + TestData.next(), "Xindong IC Design");
        body.put("industries", List.of("sci-tech.semiconductor.ic-design"));
        body.put("businessActivities", "集成电路设计，SoC 芯片研发");
        body.put("presenceSought", "RD_CENTER");
        return TestData.createCompany(Tokens.OFFICER, body);
    }

    @Test
    void anIcDesignHouseMatchesTheSciTechPillarAndAnElectronicsZoneWithCitedReasons() {
        long id = icDesignHouse();
        var response = officer().when().get("/api/companies/" + id + "/matches").then().statusCode(200)
                .body("ref", hasItem("五(二)1"))
                .body("score", everyItem(greaterThan(0)))
                .body("reasons.flatten().ref", everyItem(notNullValue()))
                .extract();
        List<String> zoneRefs = response.path("findAll { it.type == 'ZONE' }.ref");
        assertTrue(!zoneRefs.isEmpty() && List.of("六(二)4", "六(二)5").contains(zoneRefs.get(0)),
                "first zone should be 华强-上步 or 梅林-彩田, was " + zoneRefs);
        List<String> reasons = response.path("find { it.ref == '五(二)1' }.reasons.text");
        assertTrue(reasons.stream().anyMatch(r -> r.contains("五(二)1")), "explanation cites 五(二)1: " + reasons);
    }

    @Test
    void matchesAreExplainedInEnglishWhenAsked() {
        long id = icDesignHouse();
        List<String> en = officer().header("Accept-Language", "en").when().get("/api/companies/" + id + "/matches")
                .then().statusCode(200).extract().path("reasons.flatten().text");
        List<String> zh = officer().header("Accept-Language", "zh-CN").when().get("/api/companies/" + id + "/matches")
                .then().statusCode(200).extract().path("reasons.flatten().text");
        // English sentences may quote the plan's Chinese words, but the sentences themselves are English
        assertTrue(!en.isEmpty() && en.size() == zh.size() && !en.equals(zh), "en " + en + " zh " + zh);
        assertTrue(en.stream().allMatch(t -> t.matches(".*\\b[A-Za-z]{3,}\\b.*")), "English explanations: " + en);
    }

    @Test
    void zoneCandidatesListTheFittingCompanyWithItsStage() {
        long id = icDesignHouse();
        officer().queryParam("limit", 500).when().get("/api/zones/huaqiang-shangbu/candidates").then().statusCode(200)
                .body("companyId", hasItem((int) id));
        officer().when().get("/api/zones/no-such-zone/candidates").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("zone.not-found"));
    }

    @Test
    void aManagerSeesTheStoredScoresOfAJustChangedCompanyAndTheRebuildIsReady() {
        long id = icDesignHouse();
        // the stored scores include a company written a moment ago (swept in before the read), best first
        List<Integer> scores = given().header("Authorization", Tokens.bearer(Tokens.MANAGER)).accept(ContentType.JSON)
                .queryParam("limit", 500).when().get("/api/zones/huaqiang-shangbu/candidates").then().statusCode(200)
                .body("companyId", hasItem((int) id)).extract().path("score");
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1) >= scores.get(i), "best first: " + scores);
        }
        given().header("Authorization", Tokens.bearer(Tokens.MANAGER)).accept(ContentType.JSON)
                .when().get("/api/plan/gaps").then().statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.MANAGER)).accept(ContentType.JSON)
                .when().get("/api/matching/status").then().statusCode(200).body("state", equalTo("READY"));
    }

    @Test
    void sectionCandidatesUseThePlansRefs() {
        long id = icDesignHouse();
        officer().queryParam("limit", 500).when().get("/api/plan/sections/五(二)1/candidates").then().statusCode(200)
                .body("companyId", hasItem((int) id));
    }

    @Test
    void gapsListPrioritiesWithFewProspects() {
        officer().when().get("/api/plan/gaps").then().statusCode(200)
                .body("size()", greaterThan(0))
                .body("ref", everyItem(notNullValue()))
                .body("inPipeline", everyItem(not(greaterThan(2))));
    }

    @Test
    void aCompanyWithNothingToMatchOnHasNoMatchesRatherThanAnError() {
        long id = TestData.createCompany(Tokens.OFFICER, TestData.company());
        officer().when().get("/api/companies/" + id + "/matches").then().statusCode(200).body("size()", equalTo(0));
    }
}
