package io.investcrm.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.investcrm.support.TestData;
import io.investcrm.support.RoleMatrix;
import io.investcrm.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint of companies, contacts, ranking lists and imports with real tokens: no token → 401, each role that may
 * not → 403, each role that may → 2xx; then the object-level rules (whose import, whose contact). admin1 also holds the
 * manager role, so it passes where managers do (contact reveal, merge).
 */
@QuarkusTest
class CompanySecurityMatrixTest {

    static final String OFFICER = RoleMatrix.OFFICER;
    static final String MANAGER = RoleMatrix.MANAGER;
    static final String APPROVER = RoleMatrix.APPROVER;
    static final String ADMIN = RoleMatrix.ADMIN;
    static final Set<String> CRM = Set.of(OFFICER, MANAGER, ADMIN);
    static final Set<String> MANAGERS = Set.of(MANAGER, ADMIN);
    static final String CSV = "text/csv";

    @Inject
    EntityManager em;

    record Endpoint(String method, Supplier<String> path, Supplier<Object> body, Set<String> allowed, String accept,
            String contentType) {
        @Override
        public String toString() {
            return method + " " + path.get().replaceAll("\\d+", "{id}");
        }
    }

    static Endpoint json(String method, Supplier<String> path, Supplier<Object> body, Set<String> allowed) {
        return new Endpoint(method, path, body, allowed, "application/json", "application/json");
    }

    static RequestSpecification admin() {
        return given().header("Authorization", Tokens.bearer(Tokens.ADMIN)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static long newCompany() {
        return TestData.createCompany(Tokens.OFFICER, TestData.company());
    }

    static long newContact(long company) {
        return TestData.createContact(Tokens.OFFICER, company, TestData.contact("孙八", TestData.mobile(), null));
    }

    static byte[] firmsCsv() {
        return ("nameZh,creditCode\n矩阵测试企业" + TestData.next() + "," + TestData.creditCode() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static long newImport() {
        Number id = given().header("Authorization", Tokens.bearer(Tokens.OFFICER)).contentType(CSV).body(firmsCsv())
                .queryParam("kind", "COMPANY").queryParam("fileName", "m.csv").when().post("/api/imports")
                .then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    static Map<String, Object> rankingHeader() {
        return Map.of("code", "matrix-" + TestData.next(), "year", 2024, "nameZh", "矩阵榜单", "nameEn", "Matrix list",
                "scope", "MAINLAND");
    }

    List<Endpoint> endpoints() {
        long company = newCompany();
        long other = newCompany();
        long contact = newContact(company);
        Number ranking = admin().body(rankingHeader()).when().post("/api/rankings").then().statusCode(201).extract().path("id");
        long list = ranking.longValue();
        long entry = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("INSERT INTO ranking_entry (list_id, rank_no, entry_name, link_status) VALUES (?1, 1, ?2, 'UNLINKED')")
                    .setParameter(1, list).setParameter(2, "矩阵条目").executeUpdate();
            return ((Number) em.createNativeQuery("SELECT MAX(id) FROM ranking_entry").getSingleResult()).longValue();
        });
        long job = newImport();
        String c = "/api/companies/" + company;
        List<Endpoint> all = new ArrayList<>();
        all.add(json("GET", () -> "/api/companies", null, CRM));
        all.add(new Endpoint("GET", () -> "/api/companies/export?format=csv", null, CRM, CSV, null));
        all.add(json("GET", () -> c, null, CRM));
        all.add(json("POST", () -> "/api/companies", TestData::company, CRM));
        all.add(json("PUT", () -> c, () -> {
            Map<String, Object> body = TestData.company();
            body.put("version", admin().get(c).then().extract().path("version"));
            return body;
        }, CRM));
        all.add(json("POST", () -> "/api/companies/duplicate-check", TestData::company, CRM));
        for (String sub : List.of("/duplicates", "/group", "/memberships", "/history", "/aliases", "/contacts")) {
            all.add(json("GET", () -> c + sub, null, CRM));
        }
        all.add(json("POST", () -> c + "/aliases", () -> Map.of("kind", "ALIAS", "name", "矩阵别名" + TestData.next()), CRM));
        all.add(json("DELETE", () -> {
            Number alias = admin().body(Map.of("kind", "ALIAS", "name", "待删别名" + TestData.next())).post(c + "/aliases")
                    .then().statusCode(201).extract().path("id");
            return c + "/aliases/" + alias;
        }, null, CRM));
        all.add(json("POST", () -> c + "/contacts", () -> TestData.contact("周九", TestData.mobile(), null), CRM));
        all.add(json("GET", () -> c + "/merge-preview?loser=" + other, null, CRM));
        all.add(json("POST", () -> "/api/companies/merge", () -> Map.of("survivorId", newCompany(), "loserId", newCompany(),
                "survivorVersion", 0, "loserVersion", 0), MANAGERS));

        String k = "/api/contacts/" + contact;
        all.add(json("GET", () -> k, null, CRM));
        all.add(json("PUT", () -> k, () -> {
            Map<String, Object> body = TestData.contact(null, null, null);
            body.put("version", admin().get(k).then().extract().path("version"));
            return body;
        }, CRM));
        // admins never read personal data in full, whatever other role they hold (issue 13, #5: PersonalDataPolicy)
        all.add(json("POST", () -> k + "/reveal?field=PHONE", null, Set.of(OFFICER, MANAGER)));
        all.add(json("GET", () -> k + "/history", null, CRM));
        all.add(json("GET", () -> k + "/personal-data", null, Set.of(MANAGER)));
        all.add(json("POST", () -> "/api/contacts/" + newContact(company) + "/erase", null, MANAGERS));

        String r = "/api/rankings/" + list;
        all.add(json("GET", () -> "/api/rankings", null, CRM));
        all.add(json("POST", () -> "/api/rankings", CompanySecurityMatrixTest::rankingHeader, MANAGERS));
        all.add(json("GET", () -> r, null, CRM));
        all.add(json("GET", () -> r + "/entries", null, CRM));
        all.add(new Endpoint("GET", () -> r + "/export?format=csv", null, CRM, CSV, null));
        all.add(json("POST", () -> r + "/relink", null, MANAGERS));
        all.add(json("POST", () -> "/api/rankings/entries/" + entry + "/review", () -> Map.of("decision", "LINK", "companyId", company),
                MANAGERS));

        all.add(new Endpoint("POST", () -> "/api/imports?kind=COMPANY&fileName=m.csv", CompanySecurityMatrixTest::firmsCsv, CRM,
                "application/json", CSV));
        all.add(new Endpoint("POST", () -> "/api/imports?kind=RANKING&fileName=r.csv&year=2024&nameZh=榜&nameEn=L&scope=MAINLAND&code=m-"
                + TestData.next(), () -> "rank,name\n1,某企业\n".getBytes(StandardCharsets.UTF_8), MANAGERS, "application/json", CSV));
        all.add(json("GET", () -> "/api/imports", null, CRM));
        all.add(json("GET", () -> "/api/imports/" + job, null, CRM));
        all.add(json("POST", () -> "/api/imports/" + newImport() + "/confirm", () -> Map.of("mode", "ALL"), CRM));
        return all;
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        return RoleMatrix.tests(endpoints(), Endpoint::allowed, CompanySecurityMatrixTest::request);
    }

    @Test
    void anImportIsSeenOnlyByItsUploaderAndByManagers() {
        long job = newImport();
        given().header("Authorization", Tokens.bearer(Tokens.OFFICER_OTHER_TEAM)).accept(ContentType.JSON)
                .when().get("/api/imports/" + job).then().statusCode(404);
        given().header("Authorization", Tokens.bearer(Tokens.OFFICER_OTHER_TEAM)).contentType(ContentType.JSON)
                .body(Map.of("mode", "ALL")).when().post("/api/imports/" + job + "/confirm").then().statusCode(404);
        given().header("Authorization", Tokens.bearer(Tokens.MANAGER)).accept(ContentType.JSON)
                .when().get("/api/imports/" + job).then().statusCode(200).body("createdBy", equalTo(Tokens.OFFICER));
    }

    @Test
    void onlyTheOwnerOfAFirmOrAManagerRevealsItsContacts() {
        long company = newCompany();
        long contact = newContact(company);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO prospect (company_id, stage, status, "
                + "owner, team_code, stage_entered_at, last_progress_at, created_at, updated_at) "
                + "VALUES (?1, 'VISITED', 'ACTIVE', ?2, 'team-a', ?3, ?3, ?3, ?3)")
                .setParameter(1, company).setParameter(2, Tokens.OFFICER_2).setParameter(3, LocalDateTime.now()).executeUpdate());
        // another team does not see the firm at all: 404, not 403 (its existence is not revealed)
        given().header("Authorization", Tokens.bearer(Tokens.OFFICER_OTHER_TEAM)).contentType(ContentType.JSON)
                .accept(ContentType.JSON).when().post("/api/contacts/" + contact + "/reveal?field=EMAIL").then().statusCode(404);
        for (String user : List.of(Tokens.OFFICER_2, Tokens.OFFICER, Tokens.MANAGER)) {
            given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).accept(ContentType.JSON)
                    .when().post("/api/contacts/" + contact + "/reveal?field=EMAIL").then().statusCode(200);
        }
    }

    private static io.restassured.response.Response request(Endpoint e, String user) {
        RequestSpecification spec = given().accept(e.accept());
        if (user != null) {
            spec = spec.header("Authorization", Tokens.bearer(user));
        }
        if (e.contentType() != null) {
            // without a Content-Type the pages' CSRF filter takes a bodiless POST for a form (400)
            spec = spec.contentType(e.contentType());
        }
        if (e.body() != null) {
            Object body = e.body().get();
            spec = body instanceof byte[] bytes ? spec.contentType(e.contentType()).body(bytes)
                    : spec.contentType(e.contentType()).body(body);
        }
        return spec.request(e.method(), e.path().get());
    }
}
