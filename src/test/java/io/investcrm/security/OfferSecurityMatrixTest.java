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

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    long draft() {
        return TestData.createOffer(Tokens.OFFICER, TestData.subsidyOffer(company, "300000"));
    }

    long submitted() {
        return TestData.submittedOffer(Tokens.OFFICER, TestData.subsidyOffer(company, "300000"));
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
        long id = TestData.submittedOffer(Tokens.OFFICER, TestData.subsidyOffer(company, "5000000"));
        as(Tokens.APPROVER).post("/api/offers/" + id + "/approve").then().statusCode(200);
        return id;
    }

    List<Endpoint> endpoints() {
        for (String u : List.of(Tokens.OFFICER, Tokens.MANAGER, Tokens.APPROVER, Tokens.ADMIN)) {
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
        all.add(new Endpoint("POST", "/api/offers/{id}/outcome", u -> "/api/offers/" + approved() + "/outcome",
                u -> Map.of("outcome", "ACCEPTED"), CRM));
        return all;
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        return RoleMatrix.tests(endpoints());
    }
}
