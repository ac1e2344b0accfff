package io.investcrm.security;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.investcrm.support.TestData;
import io.investcrm.support.RoleMatrix;
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

    static final String OFFICER = RoleMatrix.OFFICER;
    static final String MANAGER = RoleMatrix.MANAGER;
    static final String APPROVER = RoleMatrix.APPROVER;
    static final String ADMIN = RoleMatrix.ADMIN;

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
        return RoleMatrix.tests(endpoints(), Endpoint::allowed, SecurityMatrixTest::request);
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
