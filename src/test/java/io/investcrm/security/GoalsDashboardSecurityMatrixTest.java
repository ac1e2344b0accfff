package io.investcrm.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.investcrm.goals.GoalFixtures;
import io.investcrm.support.RoleMatrix;
import io.investcrm.support.RoleMatrix.Endpoint;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Every goals and dashboard endpoint (issue 10) with real tokens: no token → 401, wrong role → 403, right role → 2xx. */
@QuarkusTest
class GoalsDashboardSecurityMatrixTest {

    static final Set<String> MANAGERS = Set.of(RoleMatrix.MANAGER, RoleMatrix.ADMIN);
    static final Set<String> CRM = Set.of(RoleMatrix.OFFICER, RoleMatrix.MANAGER, RoleMatrix.ADMIN);

    long company;

    /** A fresh own target for each call that deletes one. */
    static String targetToDelete(String user) {
        Number id = GoalFixtures.as(Tokens.MANAGER).body(Map.of("name", "matrix " + TestData.next(), "year", 2030, "count", 3))
                .post("/api/goals/targets").then().statusCode(201).extract().path("id");
        return "/api/goals/targets/" + id;
    }

    List<Endpoint> endpoints() {
        company = TestData.createCompany(Tokens.ADMIN, TestData.company());
        List<Endpoint> all = new ArrayList<>();
        all.add(new Endpoint("GET", "/api/goals/progress", u -> "/api/goals/progress", null, MANAGERS));
        all.add(new Endpoint("GET", "/api/goals/progress?asOf=&zone=", u -> "/api/goals/progress?asOf=2026-01-31&zone=futian-cbd",
                null, MANAGERS));
        all.add(new Endpoint("GET", "/api/goals/coverage", u -> "/api/goals/coverage", null, MANAGERS));
        all.add(new Endpoint("GET", "/api/goals/targets", u -> "/api/goals/targets", null, MANAGERS));
        all.add(new Endpoint("POST", "/api/goals/targets", u -> "/api/goals/targets",
                u -> Map.of("name", "matrix " + TestData.next(), "year", 2030, "count", 5), MANAGERS));
        all.add(new Endpoint("DELETE", "/api/goals/targets/{id}", GoalsDashboardSecurityMatrixTest::targetToDelete, null, MANAGERS));
        all.add(new Endpoint("GET", "/api/goals/licences?companyId=", u -> "/api/goals/licences?companyId=" + company, null, CRM));
        all.add(new Endpoint("POST", "/api/goals/licences", u -> "/api/goals/licences",
                u -> Map.of("companyId", company, "type", "HIGH_TECH_CERTIFICATE", "number", "GR" + System.nanoTime()), MANAGERS));
        all.add(new Endpoint("GET", "/api/dashboard", u -> "/api/dashboard", null, MANAGERS));
        all.add(new Endpoint("GET", "/api/dashboard?filters", u -> "/api/dashboard?zone=futian-cbd&industry=finance&team=team-a"
                + "&officer=officer1&from=2026-01-01&to=2026-03-31", null, MANAGERS));
        all.add(new Endpoint("GET", "/api/dashboard/rows", u -> "/api/dashboard/rows?figure=stage&value=LEAD", null, MANAGERS));
        all.add(new Endpoint("GET", "/api/dashboard/export", u -> "/api/dashboard/export?chart=funnel&format=csv", null, MANAGERS));
        all.add(new Endpoint("GET", "/api/goals/report", u -> "/api/goals/report?week=2026-W48&format=xlsx", null, MANAGERS));
        return all;
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        return RoleMatrix.tests(endpoints());
    }
}
