package io.investcrm.faults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.investcrm.company.CompanyFixtures;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** {@code Idempotency-Key} on create endpoints (issue 14): a retried create is answered from the first, applied once. */
@QuarkusTest
class IdempotencyKeyTest {

    @Inject
    CompanyFixtures db;

    static RequestSpecification as(String user, String key) {
        return given().header("Authorization", Tokens.bearer(user)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .accept(ContentType.JSON).header("Accept-Language", "en");
    }

    @Test
    void aRetriedCreateIsAnsweredFromTheFirstAndAppliedOnce() {
        Map<String, Object> body = TestData.company();
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = as(Tokens.OFFICER, key).body(body).post("/api/companies").then().statusCode(201).extract();
        ExtractableResponse<Response> again = as(Tokens.OFFICER, key).body(body).post("/api/companies").then().statusCode(201)
                .header("Idempotency-Replayed", "true").extract();
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals((Object) first.path("id"), again.path("id"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM company WHERE credit_code = ?1", body.get("creditCode")));
        assertEquals(1, db.count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'company' AND entity_id = ?1",
                ((Number) first.path("id")).longValue()));
    }

    @Test
    void aLoggedVisitRetriedWithItsKeyIsOneVisit() {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        Map<String, Object> visit = Map.of("kind", "VISIT", "companyIds", List.of(company), "summary", "幂等性测试：拜访",
                "followUps", List.of(Map.of("title", "幂等性测试：跟进", "dueOn", LocalDate.now().plusDays(3).toString())));
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            as(Tokens.OFFICER, key).body(visit).post("/api/activities").then().statusCode(201);
        }
        assertEquals(1, db.count("SELECT COUNT(*) FROM activity_company WHERE company_id = ?1", company));
        assertEquals(1, db.count("SELECT COUNT(*) FROM follow_up WHERE company_id = ?1", company));
    }

    @Test
    void aRefusedCreateLeavesTheKeyFreeAndAKeyOnAnotherPathIsRefused() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> bad = TestData.company();
        bad.put("creditCode", "91440300MA5XXXXXX1");
        as(Tokens.OFFICER, key).body(bad).post("/api/companies").then().statusCode(400);
        Map<String, Object> good = TestData.company();
        as(Tokens.OFFICER, key).body(good).post("/api/companies").then().statusCode(201);
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        as(Tokens.OFFICER, key).body(Map.of("kind", "VISIT", "companyIds", List.of(company), "summary", "另一个请求"))
                .post("/api/activities").then().statusCode(422).body("code", equalTo("idempotency.key-reused"));
        // keys are per user: another officer's identical key is a request of its own
        as(Tokens.OFFICER_2, key).body(TestData.company()).post("/api/companies").then().statusCode(201);
    }

    /**
     * A request refused before its resource ran (a body that is not JSON) ends the transaction its key was claimed in:
     * the key is free at once (a transaction left open would hold the key's row, and the next request would wait on
     * it and answer 409 {@code idempotency.in-progress}).
     */
    @Test
    void aRequestRefusedBeforeTheCreateRanLeavesTheKeyFree() {
        String key = UUID.randomUUID().toString();
        as(Tokens.OFFICER, key).body("{\"nameZh\": ").post("/api/companies").then().statusCode(400);
        assertEquals(0, db.count("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?1", key));
        as(Tokens.OFFICER, key).body(TestData.company()).post("/api/companies").then().statusCode(201);
    }

    /**
     * Concurrent creates each keep their own answer (issue 14, database-crash drill: the key claimed by one request
     * was read by another's response filter, so answers were stored under other requests' keys and claims were left
     * unanswered).
     */
    @Test
    void concurrentCreatesStoreEachAnswerUnderItsOwnKey() throws Exception {
        int n = 24;
        List<String> keys = new ArrayList<>();
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(UUID.randomUUID().toString());
            bodies.add(TestData.company());
        }
        Tokens.of(Tokens.OFFICER);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int at = i;
                answers.add(pool.submit(() -> as(Tokens.OFFICER, keys.get(at)).body(bodies.get(at)).post("/api/companies")
                        .statusCode()));
            }
            for (Future<Integer> a : answers) {
                assertEquals(201, a.get());
            }
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < n; i++) {
            as(Tokens.OFFICER, keys.get(i)).body(bodies.get(i)).post("/api/companies").then().statusCode(201)
                    .header("Idempotency-Replayed", "true").body("creditCode", equalTo(bodies.get(i).get("creditCode")));
        }
    }

    /**
     * The database goes away as the create's work is done: its commit fails, and so would anything written after it.
     * Nothing of the create is left, its key included, so the retry creates it (issue 14, database-crash drill: the
     * key was claimed in a transaction of its own and stayed claimed; every retry answered 409
     * {@code idempotency.in-progress} and the client could never finish the write).
     */
    @Test
    void aCreateWhoseCommitDiedWithTheDatabaseIsCreatedByItsRetry() {
        Map<String, Object> body = TestData.company();
        String key = UUID.randomUUID().toString();
        Tokens.of(Tokens.OFFICER);
        CreateFaults.DIES_AT.set((String) body.get("creditCode"));
        try {
            as(Tokens.OFFICER, key).body(body).post("/api/companies").then().statusCode(503)
                    .body("code", equalTo("database.unavailable"));
        } finally {
            CreateFaults.databaseBack();
        }
        assertEquals(0, db.count("SELECT COUNT(*) FROM company WHERE credit_code = ?1", body.get("creditCode")));
        assertEquals(0, db.count("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?1", key));

        ExtractableResponse<Response> retry = as(Tokens.OFFICER, key).body(body).post("/api/companies").then().statusCode(201)
                .extract();
        assertNull(retry.header("Idempotency-Replayed"));
        as(Tokens.OFFICER, key).body(body).post("/api/companies").then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("id", equalTo(retry.path("id")));
        assertEquals(1, db.count("SELECT COUNT(*) FROM company WHERE credit_code = ?1", body.get("creditCode")));
        assertEquals(1, db.count("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?1 AND status = 201", key));
    }

    /**
     * The same key sent again while the first request is still running waits for the first and is answered from it
     * (it was 409 {@code idempotency.in-progress}): one company, both answered 201, one of them replayed. Whichever
     * of the two claims the key first is held in its transaction long enough for the other to arrive.
     */
    @Test
    void aDuplicateSentWhileTheFirstRunsIsAnsweredFromTheFirst() throws Exception {
        Map<String, Object> body = TestData.company();
        String key = UUID.randomUUID().toString();
        Tokens.of(Tokens.OFFICER);
        CreateFaults.HELD_AT.set((String) body.get("creditCode"));
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<ExtractableResponse<Response>> first = pool.submit(() -> as(Tokens.OFFICER, key).body(body)
                    .post("/api/companies").then().extract());
            Thread.sleep(CreateFaults.HOLD_MS / 3);
            ExtractableResponse<Response> second = as(Tokens.OFFICER, key).body(body).post("/api/companies").then().extract();
            ExtractableResponse<Response> firstAnswer = first.get();
            assertEquals(201, firstAnswer.statusCode(), firstAnswer.asString());
            assertEquals(201, second.statusCode(), second.asString());
            assertEquals(1, (firstAnswer.header("Idempotency-Replayed") == null ? 0 : 1)
                    + (second.header("Idempotency-Replayed") == null ? 0 : 1));
            assertEquals((Object) firstAnswer.path("id"), second.path("id"));
        } finally {
            CreateFaults.HELD_AT.set(null);
            pool.shutdown();
        }
        assertEquals(1, db.count("SELECT COUNT(*) FROM company WHERE credit_code = ?1", body.get("creditCode")));
    }
}
