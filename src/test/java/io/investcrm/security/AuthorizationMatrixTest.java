package io.investcrm.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Object-level authorization over every company-scoped route × every role × the four kinds of record (issue 13):
 * a pursuit of the user's own team, of another team, one in the shared pool and a confidential one. A user who may see
 * the record gets 2xx; anyone else 404 (its existence is not revealed) or 403 (wrong role) — never a 2xx, and no
 * list, search or export answer carries the hidden record's name.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    enum Kind { OWN_TEAM, OTHER_TEAM, POOL, CONFIDENTIAL }

    /** The demo users of the realm: officer1 (team-a), officer3 (team-b), manager1, approver1, admin1. */
    static final List<String> USERS = List.of(Tokens.OFFICER, Tokens.OFFICER_OTHER_TEAM, Tokens.MANAGER, Tokens.APPROVER,
            Tokens.ADMIN);

    /** Who sees which kind (seen from officer1's team-a: own = officer1's pursuit; confidential = officer2's). */
    static final Map<Kind, Set<String>> SEES = Map.of(
            Kind.OWN_TEAM, Set.of(Tokens.OFFICER, Tokens.MANAGER, Tokens.ADMIN),
            Kind.OTHER_TEAM, Set.of(Tokens.OFFICER_OTHER_TEAM, Tokens.MANAGER, Tokens.ADMIN),
            Kind.POOL, Set.of(Tokens.OFFICER, Tokens.OFFICER_OTHER_TEAM, Tokens.MANAGER, Tokens.ADMIN),
            Kind.CONFIDENTIAL, Set.of(Tokens.MANAGER, Tokens.ADMIN));

    final Map<Kind, Long> company = new LinkedHashMap<>();
    final Map<Kind, Long> contact = new LinkedHashMap<>();
    final Map<Kind, String> name = new LinkedHashMap<>();

    /** Made on first use: RestAssured knows the app's port only once a test runs (not in @BeforeAll). */
    void records() {
        if (!company.isEmpty()) {
            return;
        }
        for (String u : USERS) {
            TestData.signIn(u);
        }
        TestData.signIn(Tokens.OFFICER_2);
        record(Kind.OWN_TEAM, Tokens.OFFICER, Map.of());
        record(Kind.OTHER_TEAM, Tokens.OFFICER_OTHER_TEAM, Map.of());
        record(Kind.POOL, Tokens.OFFICER, Map.of("pool", true));
        record(Kind.CONFIDENTIAL, Tokens.OFFICER_2, Map.of("confidential", true));
    }

    private void record(Kind kind, String owner, Map<String, Object> start) {
        Map<String, Object> body = TestData.company();
        long id = TestData.createCompany(owner, body);
        contact.put(kind, TestData.createContact(owner, id, TestData.contact("矩阵联系人", TestData.mobile(), null)));
        TestData.startProspect(owner, id, start);
        company.put(kind, id);
        name.put(kind, (String) body.get("nameZh"));
    }

    /** The company-scoped reads and writes, as path templates ({c} company, {k} contact). */
    static final List<String[]> ROUTES = List.of(
            new String[] { "GET", "/api/companies/{c}" },
            new String[] { "GET", "/api/companies/{c}/duplicates" },
            new String[] { "GET", "/api/companies/{c}/group" },
            new String[] { "GET", "/api/companies/{c}/memberships" },
            new String[] { "GET", "/api/companies/{c}/history" },
            new String[] { "GET", "/api/companies/{c}/aliases" },
            new String[] { "GET", "/api/companies/{c}/contacts" },
            new String[] { "GET", "/api/companies/{c}/matches" },
            new String[] { "GET", "/api/companies/{c}/prospect" },
            new String[] { "GET", "/api/companies/{c}/timeline" },
            new String[] { "GET", "/api/contacts/{k}" },
            new String[] { "GET", "/api/contacts/{k}/history" },
            new String[] { "POST", "/api/companies/{c}/aliases" });

    @TestFactory
    Stream<DynamicTest> everyRouteEveryRoleEveryKindOfRecord() {
        records();
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] route : ROUTES) {
            for (Kind kind : Kind.values()) {
                for (String user : USERS) {
                    boolean sees = SEES.get(kind).contains(user);
                    tests.add(DynamicTest.dynamicTest(route[0] + " " + route[1] + " · " + kind + " · " + user + (sees ? " → 2xx" : " → 404/403"),
                            () -> {
                                String path = route[1].replace("{c}", String.valueOf(company.get(kind)))
                                        .replace("{k}", String.valueOf(contact.get(kind)));
                                var spec = given().header("Authorization", Tokens.bearer(user)).accept(ContentType.JSON)
                                        .contentType(ContentType.JSON);
                                if (route[0].equals("POST")) {
                                    spec = spec.body(Map.of("kind", "ALIAS", "name", "矩阵别名" + TestData.next()));
                                }
                                var response = spec.request(route[0], path).then();
                                if (sees) {
                                    response.statusCode(allOf(greaterThanOrEqualTo(200), lessThan(300)));
                                } else {
                                    response.statusCode(anyOf(equalTo(404), equalTo(403)))
                                            .body(not(containsString(name.get(kind))));
                                }
                            }));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> listsSearchAndExportsNeverCarryAHiddenRecord() {
        records();
        List<DynamicTest> tests = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (String user : List.of(Tokens.OFFICER, Tokens.OFFICER_OTHER_TEAM)) {
                boolean sees = SEES.get(kind).contains(user);
                tests.add(DynamicTest.dynamicTest("search, export, pipeline · " + kind + " · " + user, () -> {
                    String search = given().header("Authorization", Tokens.bearer(user)).accept(ContentType.JSON)
                            .queryParam("q", name.get(kind)).get("/api/companies").then().statusCode(200).extract().asString();
                    String csv = given().header("Authorization", Tokens.bearer(user)).accept("text/csv")
                            .queryParam("q", name.get(kind)).get("/api/companies/export?format=csv").then().statusCode(200)
                            .extract().asString();
                    String prospects = given().header("Authorization", Tokens.bearer(user)).accept(ContentType.JSON)
                            .queryParam("size", 200).get("/api/prospects").then().statusCode(200).extract().asString();
                    if (sees) {
                        org.junit.jupiter.api.Assertions.assertTrue(search.contains(name.get(kind)), "search finds it");
                    } else {
                        for (String answer : List.of(search, csv, prospects)) {
                            org.junit.jupiter.api.Assertions.assertFalse(answer.contains(name.get(kind)), answer);
                        }
                    }
                }));
            }
        }
        return tests.stream();
    }
}
