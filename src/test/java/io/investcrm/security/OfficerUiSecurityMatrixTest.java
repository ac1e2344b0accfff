package io.investcrm.security;

import static io.restassured.RestAssured.given;

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

/**
 * Issue 15's endpoints with real tokens: the company pickers' type-ahead and the activity corrections. Every
 * correction gets a fresh activity logged by the caller, so each allowed call is a legal one.
 */
@QuarkusTest
class OfficerUiSecurityMatrixTest {

    static final Set<String> CRM = Set.of(RoleMatrix.OFFICER, RoleMatrix.MANAGER, RoleMatrix.ADMIN);

    /** An activity logged by the given user (officer1 when anonymous or not allowed) at a firm they pursue; its JSON id and version. */
    static long[] freshActivity(String user) {
        String author = user == null || Tokens.APPROVER.equals(user) ? Tokens.OFFICER : user;
        long company = TestData.pursuedCompany(author);
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "PHONE");
        body.put("companyIds", List.of(company));
        body.put("summary", "matrix correction");
        var r = given().header("Authorization", Tokens.bearer(author)).contentType(ContentType.JSON).body(body)
                .post("/api/activities").then().statusCode(201).extract();
        return new long[] { r.<Number>path("id").longValue(), r.<Number>path("version").longValue(), company };
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointDeclaresItsRoles() {
        for (String u : List.of(Tokens.OFFICER, Tokens.MANAGER, Tokens.APPROVER, Tokens.ADMIN)) {
            TestData.signIn(u);
        }
        long[] shared = freshActivity(Tokens.OFFICER);
        return RoleMatrix.tests(List.of(
                new Endpoint("GET", "/api/companies/suggest", u -> "/api/companies/suggest?q=%E5%85%AC%E5%8F%B8", null, CRM),
                new Endpoint("GET", "/api/activities/{id}/history", u -> "/api/activities/" + shared[0] + "/history", null, CRM),
                // RoleMatrix builds the body first, then the path: the body makes the activity, the path names it
                new Endpoint("PUT", "/api/activities/{id}", u -> "/api/activities/" + holder(u)[0][0],
                        u -> {
                            long[] a = holder(u)[0] = freshActivity(u);
                            Map<String, Object> body = new HashMap<>();
                            body.put("version", a[1]);
                            body.put("kind", "MEETING");
                            body.put("occurredAt", java.time.LocalDateTime.now().minusHours(1).withNano(0).toString());
                            body.put("companyIds", List.of(a[2]));
                            body.put("summary", "matrix corrected");
                            return body;
                        }, CRM),
                new Endpoint("DELETE", "/api/activities/{id}", u -> "/api/activities/" + freshActivity(u)[0], null, CRM)));
    }

    private static final Map<String, long[][]> HOLDERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The activity made for the current call's body, handed on to its path. */
    private static long[][] holder(String user) {
        return HOLDERS.computeIfAbsent(user == null ? "-" : user, k -> new long[1][]);
    }
}
