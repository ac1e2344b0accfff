package io.investcrm.security;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.investcrm.support.TestData;
import io.investcrm.support.RoleMatrix;
import io.investcrm.support.RoleMatrix.Endpoint;
import io.investcrm.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every pipeline and activity endpoint with real tokens: no token → 401, each role that may not → 403, each role
 * that may → 2xx. Actions that change state get a fresh fixture per request, so each allowed call is a legal one.
 */
@QuarkusTest
class PipelineSecurityMatrixTest {

    static final String OFFICER = RoleMatrix.OFFICER;
    static final String MANAGER = RoleMatrix.MANAGER;
    static final String APPROVER = RoleMatrix.APPROVER;
    static final String ADMIN = RoleMatrix.ADMIN;
    static final Set<String> CRM = Set.of(OFFICER, MANAGER, ADMIN);
    static final Set<String> EVERYONE = Set.of(OFFICER, MANAGER, APPROVER, ADMIN);
    static final Set<String> CHECKERS = Set.of(MANAGER, ADMIN);

    @Inject
    EntityManager em;

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static long prospectId(long companyId) {
        return as(Tokens.ADMIN).get("/api/companies/" + companyId + "/prospect").then().statusCode(200)
                .extract().<Number>path("id").longValue();
    }

    /** A prospect owned by officer1 (team-a): visible to officer1, managers and admins. */
    static long freshProspect() {
        return TestData.newProspect(Tokens.OFFICER);
    }

    static long freshLanding() {
        long id = freshProspect();
        as(Tokens.OFFICER).body(Map.of("stage", "SIGNED", "signedOn", LocalDate.now().minusDays(5).toString(),
                "agreementRef", "SM-" + TestData.next())).post("/api/prospects/" + id + "/moves").then().statusCode(200);
        as(Tokens.OFFICER).body(Map.of("stage", "LANDED", "registeredOn", LocalDate.now().minusDays(1).toString(),
                "localCreditCode", TestData.creditCode(), "landingEvidence", "licence")).post("/api/prospects/" + id + "/moves")
                .then().statusCode(200);
        return id;
    }

    static long freshTask(long companyId) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "PHONE");
        body.put("companyIds", List.of(companyId));
        body.put("summary", "matrix");
        body.put("followUps", List.of(Map.of("title", "matrix task", "dueOn", LocalDate.now().plusDays(3).toString())));
        return as(Tokens.OFFICER).body(body).post("/api/activities").then().statusCode(201)
                .extract().<Number>path("followUps[0].id").longValue();
    }

    long notificationFor(String user) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("INSERT INTO notification (recipient, kind, message_key, args, link, created_at) "
                    + "VALUES (?1, 'REMINDER', 'activity.tasks.title', NULL, '/tasks', ?2)")
                    .setParameter(1, user == null ? "nobody" : user).setParameter(2, LocalDateTime.now()).executeUpdate();
            return ((Number) em.createNativeQuery("SELECT MAX(id) FROM notification").getSingleResult()).longValue();
        });
    }

    List<Endpoint> endpoints() {
        for (String u : List.of(Tokens.OFFICER, Tokens.OFFICER_2, Tokens.MANAGER, Tokens.APPROVER, Tokens.ADMIN)) {
            TestData.signIn(u);
        }
        long company = TestData.createCompany(Tokens.OFFICER, TestData.company());
        long prospect = TestData.startProspect(Tokens.OFFICER, company, Map.of());
        Map<String, Object> visit = new HashMap<>();
        visit.put("kind", "VISIT");
        visit.put("companyIds", List.of(company));
        visit.put("summary", "security matrix visit");
        long activity = as(Tokens.OFFICER).body(visit).post("/api/activities").then().statusCode(201)
                .extract().<Number>path("id").longValue();

        List<Endpoint> all = new ArrayList<>();
        all.add(new Endpoint("POST", "/api/companies/{id}/prospect",
                u -> "/api/companies/" + TestData.createCompany(Tokens.OFFICER, TestData.company()) + "/prospect",
                u -> Map.of(), CRM));
        all.add(new Endpoint("GET", "/api/companies/{id}/prospect", u -> "/api/companies/" + company + "/prospect", null, CRM));
        all.add(new Endpoint("GET", "/api/prospects", u -> "/api/prospects", null, CRM));
        all.add(new Endpoint("GET", "/api/prospects?mine=true&stage=LEAD&status=ACTIVE",
                u -> "/api/prospects?mine=true&stage=LEAD&status=ACTIVE", null, CRM));
        all.add(new Endpoint("GET", "/api/prospects/verification-queue", u -> "/api/prospects/verification-queue", null, CHECKERS));
        all.add(new Endpoint("GET", "/api/prospects/{id}", u -> "/api/prospects/" + prospect, null, CRM));
        all.add(new Endpoint("PUT", "/api/prospects/{id}", u -> "/api/prospects/" + prospect,
                u -> Map.of("expectedLandingDate", "2027-12-31"), CRM));
        all.add(new Endpoint("POST", "/api/prospects/{id}/moves", u -> "/api/prospects/" + freshProspect() + "/moves",
                u -> Map.of("stage", "CONTACTED"), CRM));
        all.add(new Endpoint("POST", "/api/prospects/{id}/status", u -> "/api/prospects/" + freshProspect() + "/status",
                u -> Map.of("status", "ON_HOLD"), CRM));
        all.add(new Endpoint("POST", "/api/prospects/{id}/claim",
                u -> "/api/prospects/" + prospectId(TestData.createCompanyInPool()) + "/claim", u -> Map.of(), CRM));
        all.add(new Endpoint("POST", "/api/prospects/{id}/handover", u -> "/api/prospects/" + freshProspect() + "/handover",
                u -> Map.of("to", Tokens.OFFICER_2), CRM));
        all.add(new Endpoint("POST", "/api/prospects/{id}/release", u -> "/api/prospects/" + freshProspect() + "/release",
                u -> Map.of(), CRM));
        all.add(new Endpoint("POST", "/api/prospects/{id}/verification",
                u -> "/api/prospects/" + freshLanding() + "/verification", u -> Map.of("approve", true), CHECKERS));
        all.add(new Endpoint("GET", "/api/companies/{id}/timeline", u -> "/api/companies/" + company + "/timeline", null, CRM));
        all.add(new Endpoint("POST", "/api/activities", u -> "/api/activities", u -> visit, CRM));
        all.add(new Endpoint("GET", "/api/activities/{id}", u -> "/api/activities/" + activity, null, CRM));
        all.add(new Endpoint("GET", "/api/tasks", u -> "/api/tasks", null, CRM));
        all.add(new Endpoint("GET", "/api/tasks?due=overdue", u -> "/api/tasks?due=overdue", null, CRM));
        all.add(new Endpoint("GET", "/api/tasks?due=week", u -> "/api/tasks?due=week", null, CRM));
        all.add(new Endpoint("POST", "/api/tasks/{id}/done", u -> "/api/tasks/" + freshTask(company) + "/done", u -> Map.of(), CRM));
        all.add(new Endpoint("GET", "/api/notifications", u -> "/api/notifications", null, EVERYONE));
        all.add(new Endpoint("POST", "/api/notifications/{id}/read", u -> "/api/notifications/" + notificationFor(u) + "/read",
                u -> Map.of(), EVERYONE));
        return all;
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        return RoleMatrix.tests(endpoints());
    }
}
