package io.investcrm.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The security matrix every feature's endpoints go through, with real tokens: no token → 401, each role that may not
 * → 403, each role that may → 2xx.
 */
public final class RoleMatrix {

    public static final String OFFICER = "officer";
    public static final String MANAGER = "manager";
    public static final String APPROVER = "approver";
    public static final String ADMIN = "admin";
    public static final List<String> ROLES = List.of(OFFICER, MANAGER, APPROVER, ADMIN);
    /** A demo user holding each role (see config/keycloak/investcrm-realm.json). */
    public static final Map<String, String> USER_OF_ROLE = Map.of(OFFICER, Tokens.OFFICER, MANAGER, Tokens.MANAGER,
            APPROVER, Tokens.APPROVER, ADMIN, Tokens.ADMIN);

    private RoleMatrix() {
    }

    /** An endpoint whose path and body are made per request (the user is null for the anonymous call). */
    public record Endpoint(String method, String name, Function<String, String> path, Function<String, Object> body,
            Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + name;
        }
    }

    /** The matrix of per-request endpoints, called with a JSON body when they have one. */
    public static Stream<DynamicTest> tests(List<Endpoint> endpoints) {
        return tests(endpoints, Endpoint::allowed, RoleMatrix::request);
    }

    private static Response request(Endpoint e, String user) {
        RequestSpecification spec = given().accept(ContentType.JSON).contentType(ContentType.JSON);
        if (user != null) {
            spec = spec.header("Authorization", Tokens.bearer(user));
        }
        if (e.body() != null) {
            spec = spec.body(e.body().apply(user));
        }
        return spec.request(e.method(), e.path().apply(user));
    }

    /**
     * @param allowed the roles that may call an endpoint
     * @param request performs the call as the given user (null: without a token)
     */
    public static <E> Stream<DynamicTest> tests(List<E> endpoints, Function<E, Set<String>> allowed,
            BiFunction<E, String, Response> request) {
        List<DynamicTest> tests = new ArrayList<>();
        for (E e : endpoints) {
            tests.add(DynamicTest.dynamicTest(e + " without token → 401", () -> request.apply(e, null).then().statusCode(401)));
            for (String role : ROLES) {
                String user = USER_OF_ROLE.get(role);
                if (allowed.apply(e).contains(role)) {
                    tests.add(DynamicTest.dynamicTest(e + " as " + role + " → 2xx", () -> request.apply(e, user).then()
                            .statusCode(allOf(greaterThanOrEqualTo(200), lessThan(300)))));
                } else {
                    tests.add(DynamicTest.dynamicTest(e + " as " + role + " → 403",
                            () -> request.apply(e, user).then().statusCode(403)));
                }
            }
        }
        return tests.stream();
    }
}
