package io.investcrm.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The plan as data through the API: loaded at start-up as a version, browsable, replaceable by an admin. */
@QuarkusTest
class PlanResourceTest {

    @Test
    void theShippedPlanIsActiveAndComplete() {
        given().header("Authorization", Tokens.bearer(Tokens.APPROVER)).when().get("/api/plan").then().statusCode(200)
                .body("plan.code", equalTo("futian-2035"))
                .body("versionLabel", notNullValue())
                .body("zones", equalTo(8))
                .body("indicators", equalTo(15))
                .body("sections", greaterThanOrEqualTo(60));
    }

    @Test
    void sectionsZonesAndTargetsCarryTheirRefs() {
        var officer = given().header("Authorization", Tokens.bearer(Tokens.OFFICER)).accept(ContentType.JSON);
        officer.when().get("/api/plan/sections").then().statusCode(200)
                .body("ref", hasItems("五(一)1", "五(二)1", "五(三)4", "五(四)1", "六(二)1", "六(二)8", "专栏9"));
        given().header("Authorization", Tokens.bearer(Tokens.OFFICER)).when().get("/api/plan/zones/huaqiang-shangbu")
                .then().statusCode(200).body("ref", equalTo("六(二)4")).body("priorities.term", hasItem("集成电路设计"));
        given().header("Authorization", Tokens.bearer(Tokens.OFFICER)).when().get("/api/plan/targets")
                .then().statusCode(200).body("ref", hasItems("专栏9"));
    }

    @Test
    void anInvalidPlanUploadIsRefusedWithEveryProblemAndChangesNothing() {
        String before = given().header("Authorization", Tokens.bearer(Tokens.ADMIN)).when().get("/api/plan")
                .then().extract().path("versionLabel");
        given().header("Authorization", Tokens.bearer(Tokens.ADMIN)).contentType("application/yaml")
                .body(("plan: {code: x, version: '1', zh: 测试, en: Test, horizon: 2035}\nzones:\n"
                        + "  - {code: z1, ref: 六(二)9, zh: 片区, en: Zone, priorities: [{industry: no-such-industry, term: 无}]}\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/plan/versions").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("plan.invalid"))
                .body("violations.size()", greaterThanOrEqualTo(1));
        given().header("Authorization", Tokens.bearer(Tokens.ADMIN)).when().get("/api/plan")
                .then().body("versionLabel", equalTo(before));
    }

    @Test
    void onlyAnAdminMayUploadAPlan() {
        given().header("Authorization", Tokens.bearer(Tokens.MANAGER)).contentType("application/yaml").body("plan: {}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/plan/versions").then().statusCode(403);
    }
}
