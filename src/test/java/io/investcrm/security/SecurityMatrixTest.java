package io.investcrm.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every API endpoint with real tokens from the real Keycloak: no token → 401, each role that may not → 403,
 * each role that may → 2xx. Grows with every endpoint.
 */
@QuarkusTest
class SecurityMatrixTest {

    static final String OFFICER = "officer";
    static final String MANAGER = "manager";
    static final String APPROVER = "approver";
    static final String ADMIN = "admin";
    static final Map<String, String> USER_OF_ROLE = Map.of(OFFICER, Tokens.OFFICER, MANAGER, Tokens.MANAGER,
            APPROVER, Tokens.APPROVER, ADMIN, Tokens.ADMIN);

    long companyId;

    record Endpoint(String method, String path, Supplier<Object> body, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    List<Endpoint> endpoints() {
        companyId = TestData.createCompany(Tokens.ADMIN, TestData.company());
        Set<String> crm = Set.of(OFFICER, MANAGER, ADMIN);
        List<Endpoint> all = new ArrayList<>();
        all.add(new Endpoint("GET", "/api/companies", null, crm));
        all.add(new Endpoint("GET", "/api/companies/" + companyId, null, crm));
        all.add(new Endpoint("POST", "/api/companies", TestData::company, crm));
        all.add(new Endpoint("PUT", "/api/companies/" + companyId, () -> {
            Map<String, Object> body = TestData.company();
            body.put("version", given().header("Authorization", Tokens.bearer(Tokens.ADMIN))
                    .get("/api/companies/" + companyId).then().extract().path("version"));
            return body;
        }, crm));
        Set<String> everyone = Set.of(OFFICER, MANAGER, APPROVER, ADMIN);
        for (String path : List.of("/api/plan", "/api/plan/sections", "/api/plan/hq-kinds", "/api/plan/industries",
                "/api/plan/zones", "/api/plan/zones/hetao", "/api/plan/targets", "/api/plan/indicators")) {
            all.add(new Endpoint("GET", path, null, everyone));
        }
        all.add(new Endpoint("GET", "/api/plan/versions", null, Set.of(MANAGER, ADMIN)));
        all.add(new Endpoint("POST", "/api/plan/versions", SecurityMatrixTest::planUpload, Set.of(ADMIN)));
        all.add(new Endpoint("GET", "/api/companies/" + companyId + "/matches", null, crm));
        all.add(new Endpoint("GET", "/api/zones/hetao/candidates", null, crm));
        all.add(new Endpoint("GET", "/api/plan/sections/五(二)1/candidates", null, crm));
        all.add(new Endpoint("GET", "/api/plan/gaps", null, crm));
        return all;
    }

    /** The shipped plan with a unique comment: a valid upload that changes no content. */
    static Object planUpload() {
        try (var in = SecurityMatrixTest.class.getClassLoader().getResourceAsStream("plans/futian-2035.yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8) + "\n# security matrix " + System.nanoTime() + "\n";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            tests.add(DynamicTest.dynamicTest(e + " without token → 401",
                    () -> request(e, null).then().statusCode(401)));
            for (String role : List.of(OFFICER, MANAGER, APPROVER, ADMIN)) {
                String user = USER_OF_ROLE.get(role);
                if (e.allowed().contains(role)) {
                    tests.add(DynamicTest.dynamicTest(e + " as " + role + " → 2xx",
                            () -> request(e, user).then().statusCode(allOf(greaterThanOrEqualTo(200), lessThan(300)))));
                } else {
                    tests.add(DynamicTest.dynamicTest(e + " as " + role + " → 403",
                            () -> request(e, user).then().statusCode(403)));
                }
            }
        }
        return tests.stream();
    }

    private static io.restassured.response.Response request(Endpoint e, String user) {
        RequestSpecification spec = given().accept(ContentType.JSON);
        if (user != null) {
            spec = spec.header("Authorization", Tokens.bearer(user));
        }
        if (e.body() != null) {
            Object body = e.body().get();
            spec = body instanceof String yaml
                    ? spec.contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    : spec.contentType(ContentType.JSON).body(body);
        }
        return spec.request(e.method(), e.path());
    }
}
