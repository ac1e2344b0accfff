package io.investcrm.offer;

import static io.investcrm.offer.OfferFixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 11: once the firm has landed (verified by a second person), each check date of an accepted subsidy's
 * conditions becomes one follow-up for the pursuit's owner, once per offer; an acceptance after the landing makes them
 * at once.
 */
@QuarkusTest
class OfferFollowUpsTest {

    @BeforeEach
    void knownUsers() {
        for (String u : List.of(Tokens.OFFICER, Tokens.MANAGER, Tokens.APPROVER, Tokens.ADMIN)) {
            TestData.signIn(u);
        }
    }

    @Test
    void theConditionsCheckDatesBecomeTheOwnersFollowUpsOnceTheLandingIsVerified() {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        long prospect = ((Number) as(Tokens.OFFICER).get("/api/companies/" + company + "/prospect").then().statusCode(200)
                .extract().path("id")).longValue();
        long accepted = accepted(conditional(company, 3));
        // a declined offer and an accepted one without conditions make none
        long declined = TestData.submittedOffer(Tokens.OFFICER, conditional(company, 2));
        as(Tokens.APPROVER).post("/api/offers/" + declined + "/approve").then().statusCode(200);
        as(Tokens.OFFICER).post("/api/offers/" + declined + "/issue").then().statusCode(200);
        as(Tokens.OFFICER).body(Map.of("outcome", "DECLINED", "note", "另选他处")).post("/api/offers/" + declined + "/outcome")
                .then().statusCode(200);
        accepted(TestData.subsidyOffer(company, "100000"));
        assertEquals(0, tasksOf(company).size(), "nothing before the firm has landed");

        LocalDate registered = LocalDate.now().minusDays(1);
        land(prospect, registered);
        assertEquals(0, tasksOf(company).size(), "a recorded landing is not yet a landing");
        as(Tokens.MANAGER).body(Map.of("approve", true)).post("/api/prospects/" + prospect + "/verification").then()
                .statusCode(200);

        List<Map<String, Object>> tasks = tasksOf(company);
        assertEquals(3, tasks.size(), tasks.toString());
        for (int year = 1; year <= 3; year++) {
            Map<String, Object> t = tasks.get(year - 1);
            assertEquals(registered.plusYears(year).toString(), t.get("dueOn"));
            assertEquals(Tokens.OFFICER, t.get("assignee"));
            String title = (String) t.get("title");
            assertTrue(title.startsWith("方案 #" + accepted + "“"), title);
            assertTrue(title.contains("落地第 " + year + " 年"), title);
            assertTrue(title.contains("年度地方财力贡献不低于 2,000,000.00 元"), title);
            assertTrue(title.contains("用工人数不低于 30 人"), title);
            assertEquals(year == 3, title.contains("在福田经营满 3 年"), title);
        }
        as(Tokens.OFFICER).get("/api/offers/" + accepted).then().body("history[0].action", equalTo("follow-ups"));

        // accepted after the landing was verified: its follow-ups are made at once, the first offer's not again
        long late = accepted(conditional(company, 1));
        tasks = tasksOf(company);
        assertEquals(4, tasks.size(), tasks.toString());
        assertEquals(1, tasks.stream().filter(t -> ((String) t.get("title")).startsWith("方案 #" + late + "“")).count());
    }

    private static Map<String, Object> conditional(long company, int stayYears) {
        Map<String, Object> terms = new HashMap<>(TestData.subsidyOffer(company, "300000"));
        terms.put("subsidyKind", "SETTLEMENT");
        terms.put("minLocalTaxCny", new BigDecimal("2000000"));
        terms.put("minHeadcount", 30);
        terms.put("stayYears", stayYears);
        terms.put("clawback", "未达条件按比例追回已拨付资金");
        return terms;
    }

    /** Submitted, approved, issued and accepted, as the people who do each; its id. */
    private static long accepted(Map<String, Object> terms) {
        long id = TestData.submittedOffer(Tokens.OFFICER, terms);
        as(Tokens.APPROVER).post("/api/offers/" + id + "/approve").then().statusCode(200);
        as(Tokens.OFFICER).post("/api/offers/" + id + "/issue").then().statusCode(200);
        as(Tokens.OFFICER).body(Map.of("outcome", "ACCEPTED")).post("/api/offers/" + id + "/outcome").then().statusCode(200);
        return id;
    }

    /** Signed, then landed through the gates (the pursuit is at OFFER once an offer was submitted). */
    private static void land(long prospect, LocalDate registered) {
        as(Tokens.OFFICER).body(Map.of("stage", "SIGNED", "signedOn", registered.minusDays(5).toString(),
                "agreementRef", "FT-FU-" + TestData.next())).post("/api/prospects/" + prospect + "/moves").then()
                .statusCode(200);
        as(Tokens.OFFICER).body(Map.of("stage", "LANDED", "registeredOn", registered.toString(), "localCreditCode",
                TestData.creditCode(), "landingEvidence", "营业执照副本 FU-" + TestData.next()))
                .post("/api/prospects/" + prospect + "/moves").then().statusCode(200);
    }

    private static List<Map<String, Object>> tasksOf(long company) {
        List<Map<String, Object>> all = as(Tokens.OFFICER).get("/api/tasks").then().statusCode(200).extract().path("$");
        return all.stream().filter(t -> t.get("companyId") != null && ((Number) t.get("companyId")).longValue() == company)
                .toList();
    }
}
