package io.investcrm.security;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.investcrm.offer.OfferFixtures;
import io.investcrm.support.RoleMatrix;
import io.investcrm.support.RoleMatrix.Endpoint;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every offer endpoint with real tokens: no token → 401, each role that may not → 403, each role that may → 2xx.
 * Each call that changes state gets a fresh offer in the state its role can legally act on (a manager decides the
 * second step of a large offer, an approver the first step of a small one).
 */
@QuarkusTest
class OfferSecurityMatrixTest {

    static final String OFFICER = RoleMatrix.OFFICER;
    static final String MANAGER = RoleMatrix.MANAGER;
    static final String APPROVER = RoleMatrix.APPROVER;
    static final String ADMIN = RoleMatrix.ADMIN;
    static final Set<String> CRM = Set.of(OFFICER, MANAGER, ADMIN);
    static final Set<String> EVERYONE = Set.of(OFFICER, MANAGER, APPROVER, ADMIN);
    static final Set<String> DECIDERS = Set.of(APPROVER, MANAGER, ADMIN);

    long company;
    static final Set<String> ADMINS = Set.of(ADMIN);

    /** A delegation of the user's own deciding role (to officer2), made as the user would; an officer lends nothing. */
    static Map<String, Object> lend(String user) {
        String role = roleOf(user);
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
        return Map.of("delegate", Tokens.OFFICER_2, "role", role.isEmpty() || role.equals(OFFICER) ? APPROVER : role,
                "startsAt", now.toString(), "endsAt", now.plusDays(1).toString());
    }

    /** A delegation the user may revoke (their own); others get the approver's. */
    static long lent(String user) {
        String maker = user != null && DECIDERS.contains(roleOf(user)) ? user : Tokens.APPROVER;
        Number id = as(maker).body(lend(maker)).post("/api/delegations").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    // each offer to a company of its own: offers to one company add up and would climb the tiers (issue 11)
    long draft() {
        return TestData.createOffer(Tokens.OFFICER, TestData.subsidyOffer(TestData.pursuedCompany(Tokens.OFFICER), "300000"));
    }

    long submitted() {
        return TestData.submittedOffer(Tokens.OFFICER, TestData.subsidyOffer(TestData.pursuedCompany(Tokens.OFFICER), "300000"));
    }

    /** Submitted by the user (who alone may recall it); an anonymous or refused call gets any submitted offer. */
    long submittedBy(String user) {
        long id = draft();
        if (user != null && CRM.contains(roleOf(user))) {
            as(user).post("/api/offers/" + id + "/submit").then().statusCode(200);
        } else {
            as(Tokens.OFFICER).post("/api/offers/" + id + "/submit").then().statusCode(200);
        }
        return id;
    }

    static String roleOf(String user) {
        return RoleMatrix.USER_OF_ROLE.entrySet().stream().filter(e -> e.getValue().equals(user)).map(Map.Entry::getKey)
                .findFirst().orElse("");
    }

    long issued() {
        long id = approved();
        as(Tokens.OFFICER).post("/api/offers/" + id + "/issue").then().statusCode(200);
        return id;
    }

    long approved() {
        long id = submitted();
        as(Tokens.APPROVER).post("/api/offers/" + id + "/approve").then().statusCode(200);
        return id;
    }

    /** An offer waiting for the step the user's role decides: the manager's step of a large one, else the approver's. */
    long awaiting(String user) {
        if (!Tokens.MANAGER.equals(user) && !Tokens.ADMIN.equals(user)) {
            return submitted();
        }
        long id = TestData.submittedOffer(Tokens.OFFICER,
                TestData.subsidyOffer(TestData.pursuedCompany(Tokens.OFFICER), "5000000"));
        as(Tokens.APPROVER).post("/api/offers/" + id + "/approve").then().statusCode(200);
        return id;
    }

    List<Endpoint> endpoints() {
        for (String u : List.of(Tokens.OFFICER, Tokens.OFFICER_2, Tokens.MANAGER, Tokens.APPROVER, Tokens.ADMIN)) {
            TestData.signIn(u);
        }
        company = TestData.pursuedCompany(Tokens.OFFICER);
        long visible = submitted();
        List<Endpoint> all = new ArrayList<>();
        all.add(new Endpoint("GET", "/api/offers", u -> "/api/offers", null, EVERYONE));
        all.add(new Endpoint("GET", "/api/offers?awaitingMe=true&status=SUBMITTED",
                u -> "/api/offers?awaitingMe=true&status=SUBMITTED", null, EVERYONE));
        all.add(new Endpoint("GET", "/api/offers?companyId=&mine=true", u -> "/api/offers?mine=true&companyId=" + company,
                null, EVERYONE));
        all.add(new Endpoint("POST", "/api/offers", u -> "/api/offers", u -> TestData.subsidyOffer(company, "1000"), CRM));
        all.add(new Endpoint("GET", "/api/offers/{id}", u -> "/api/offers/" + visible, null, EVERYONE));
        all.add(new Endpoint("PUT", "/api/offers/{id}", u -> "/api/offers/" + draft(), u -> {
            Map<String, Object> body = new HashMap<>(TestData.subsidyOffer(company, "2000"));
            body.put("version", 0);
            return body;
        }, CRM));
        all.add(new Endpoint("POST", "/api/offers/{id}/submit", u -> "/api/offers/" + draft() + "/submit", u -> Map.of(), CRM));
        all.add(new Endpoint("POST", "/api/offers/{id}/approve", u -> "/api/offers/" + awaiting(u) + "/approve",
                u -> Map.of(), DECIDERS));
        all.add(new Endpoint("POST", "/api/offers/{id}/reject", u -> "/api/offers/" + awaiting(u) + "/reject",
                u -> Map.of("reason", "security matrix"), DECIDERS));
        all.add(new Endpoint("POST", "/api/offers/{id}/withdraw", u -> "/api/offers/" + submitted() + "/withdraw",
                u -> Map.of(), CRM));
        all.add(new Endpoint("POST", "/api/offers/{id}/return", u -> "/api/offers/" + awaiting(u) + "/return",
                u -> Map.of("reason", "security matrix"), DECIDERS));
        all.add(new Endpoint("POST", "/api/offers/{id}/recall", u -> "/api/offers/" + submittedBy(u) + "/recall",
                u -> Map.of(), CRM));
        all.add(new Endpoint("POST", "/api/offers/{id}/issue", u -> "/api/offers/" + approved() + "/issue",
                u -> Map.of(), CRM));
        long letter = issued();
        all.add(new Endpoint("GET", "/api/offers/{id}/letter", u -> "/api/offers/" + letter + "/letter", null, EVERYONE));
        all.add(new Endpoint("GET", "/api/offers/{id}/letter?lang=en", u -> "/api/offers/" + letter + "/letter?lang=en",
                null, EVERYONE));
        all.add(new Endpoint("POST", "/api/offers/{id}/outcome", u -> "/api/offers/" + issued() + "/outcome",
                u -> Map.of("outcome", "ACCEPTED"), CRM));
        long building = OfferFixtures.createBuilding("15000");
        all.add(new Endpoint("GET", "/api/space/buildings", u -> "/api/space/buildings?zone=huaqiang-shangbu", null, EVERYONE));
        all.add(new Endpoint("GET", "/api/space/buildings/{id}", u -> "/api/space/buildings/" + building, null, EVERYONE));
        all.add(new Endpoint("POST", "/api/space/buildings", u -> "/api/space/buildings", u -> OfferFixtures.building("100"),
                ADMINS));
        all.add(new Endpoint("PUT", "/api/space/buildings/{id}", u -> "/api/space/buildings/" + building, u -> {
            Map<String, Object> b = new HashMap<>(OfferFixtures.building("15000"));
            b.put("version", as(Tokens.ADMIN).get("/api/space/buildings/" + building).path("version"));
            return b;
        }, ADMINS));
        long policy = OfferFixtures.createPolicy("100000000");
        all.add(new Endpoint("GET", "/api/subsidy-policies", u -> "/api/subsidy-policies?year=2026", null, EVERYONE));
        all.add(new Endpoint("GET", "/api/subsidy-policies/{id}", u -> "/api/subsidy-policies/" + policy, null, EVERYONE));
        all.add(new Endpoint("POST", "/api/subsidy-policies", u -> "/api/subsidy-policies", u -> Map.of("code",
                "M-" + TestData.next(), "name", "matrix", "budgetYear", 2026, "budgetCny", 1000), ADMINS));
        all.add(new Endpoint("PUT", "/api/subsidy-policies/{id}", u -> "/api/subsidy-policies/" + policy, u -> Map.of(
                "code", "ignored", "name", "matrix", "budgetYear", 2026, "budgetCny", 100000000,
                "version", as(Tokens.ADMIN).get("/api/subsidy-policies/" + policy).path("version")), ADMINS));
        all.add(new Endpoint("GET", "/api/delegations", u -> "/api/delegations", null, DECIDERS));
        all.add(new Endpoint("POST", "/api/delegations", u -> "/api/delegations", u -> lend(u), DECIDERS));
        all.add(new Endpoint("POST", "/api/delegations/{id}/revoke", u -> "/api/delegations/" + lent(u) + "/revoke",
                u -> Map.of(), DECIDERS));

        return all;
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        return RoleMatrix.tests(endpoints());
    }

    /** The inventory import takes a workbook (multipart), not JSON. */
    @TestFactory
    Stream<DynamicTest> importMatrix() throws Exception {
        byte[] workbook = io.investcrm.offer.OfferWorkbooks.workbook(
                new String[] { "zone", "name", "owner", "total", "vacant" },
                new Object[] { "futian-cbd", "矩阵测试楼 " + TestData.next(), "GOVERNMENT", 1000, 500 });
        return RoleMatrix.tests(List.of("POST /api/space/buildings/import"), e -> ADMINS, (e, user) -> {
            RequestSpecification spec = given().accept(ContentType.JSON)
                    .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body(workbook);
            if (user != null) {
                spec = spec.header("Authorization", Tokens.bearer(user));
            }
            return spec.post("/api/space/buildings/import");
        });
    }
}
