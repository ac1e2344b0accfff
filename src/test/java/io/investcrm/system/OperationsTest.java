package io.investcrm.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Health with the database, Prometheus metrics, OpenAPI for signed-in users, and the security headers. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDescribesTheApiAndItsSecurity() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/companies")).body(containsString("openIdConnect"));
    }

    @Test
    void pagesCarrySecurityHeadersAndTheStartPageIsInChinese() {
        given().when().get("/").then().statusCode(200)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("招商工作台"));
        given().header("Accept-Language", "en").when().get("/").then().body(containsString("Investment desk"));
    }

    @Test
    void protectedPagesSendTheBrowserToKeycloak() {
        given().redirects().follow(false).when().get("/companies").then().statusCode(302)
                .header("Location", containsString("/realms/investcrm/protocol/openid-connect/auth"));
    }

    @Test
    void languageSwitchRefusesForeignRedirects() {
        // refused outright since issue 13 (#11): a return address off this site is bad input, not a redirect home
        given().redirects().follow(false).when().get("/lang/en?return=//evil.example.com/").then().statusCode(400)
                .header("Location", nullValue());
    }
}
