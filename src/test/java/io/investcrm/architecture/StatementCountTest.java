package io.investcrm.architecture;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.investcrm.support.PageSession;
import io.investcrm.support.SqlStatements;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What the main pages and endpoints cost in SQL statements, per request (every statement Hibernate prepares, see
 * {@link SqlStatements}). The limits are written here: a change that makes a page load row by row fails this test.
 */
@QuarkusTest
class StatementCountTest {

    /** The company detail page: company, visibility, group, aliases, lists, contacts, duplicates, matches, history. */
    static final int COMPANY_DETAIL = 6;
    /**
     * The pipeline board (my prospects by stage, with the companies' names in one query) and the header's unread badge
     * (one indexed count, on every page since issue 15).
     */
    static final int PIPELINE_BOARD = 3;
    /**
     * Approving an offer's step: load, checks, the decision, its audit row and the answer. Measured 13 on 2026-12-01
     * with the tiered routing of issue 11; the answer still re-reads what the decision wrote (the offer work lowers this).
     */
    static final int OFFER_DECISION = 13;
    /** A company name search through the API (term probe, page, capped count). */
    static final int COMPANY_SEARCH = 3;
    /**
     * Goal progress of every target (issue 10: at most six per page) after a change: the data's version (V021), the
     * managers' targets, the firms, their ranking memberships, their licences, the conversion rate. On unchanged data
     * the version alone (LiveFiguresTest).
     */
    static final int GOAL_PROGRESS = 6;
    /**
     * The managers' dashboard after a change (issue 10: at most six per page): the data's version, the funnel, the
     * activities per officer and week, upcoming landings with their count, offers awaiting approval (and their
     * count when the list of 50 is full).
     */
    static final int DASHBOARD = 6;

    static long company;
    static PageSession officer;

    @BeforeEach
    void data() {
        if (officer != null) {
            return;
        }
        company = TestData.createCompany(Tokens.OFFICER, TestData.company("深圳语句计数科技有限公司" + TestData.next(),
                "Statement Count Technology " + TestData.next()));
        TestData.createContact(Tokens.OFFICER, company, TestData.contact("王语句", TestData.mobile(), "count@example.com"));
        given().header("Authorization", Tokens.bearer(Tokens.OFFICER)).contentType(ContentType.JSON)
                .body(Map.of("kind", "ALIAS", "name", "语句计数"))
                .when().post("/api/companies/" + company + "/aliases").then().statusCode(201);
        TestData.startProspect(Tokens.OFFICER, company, Map.of());
        officer = PageSession.signIn(Tokens.OFFICER, "/companies/" + company);
    }

    @Test
    void companyDetailPage() {
        String tag = tag();
        assertEquals(200, officer.get("/companies/" + company, Map.of(SqlStatements.HEADER, tag)).statusCode());
        assertAtMost(COMPANY_DETAIL, tag, "company detail page");
    }

    @Test
    void pipelineBoard() {
        String tag = tag();
        assertEquals(200, officer.get("/pipeline", Map.of(SqlStatements.HEADER, tag)).statusCode());
        assertAtMost(PIPELINE_BOARD, tag, "pipeline board");
    }

    @Test
    void offerDecision() {
        long pursued = TestData.pursuedCompany(Tokens.OFFICER);
        long offer = TestData.submittedOffer(Tokens.OFFICER, TestData.subsidyOffer(pursued, "500000.00"));
        String tag = tag();
        given().header("Authorization", Tokens.bearer(Tokens.APPROVER)).header(SqlStatements.HEADER, tag)
                .contentType(ContentType.JSON).body(Map.of("reason", "符合总部政策"))
                .when().post("/api/offers/" + offer + "/approve").then().statusCode(200);
        assertAtMost(OFFER_DECISION, tag, "offer decision");
    }

    @Test
    void companySearch() {
        String tag = tag();
        given().header("Authorization", Tokens.bearer(Tokens.OFFICER)).header(SqlStatements.HEADER, tag)
                .when().get("/api/companies?q=语句计数").then().statusCode(200);
        assertAtMost(COMPANY_SEARCH, tag, "company search");
    }

    @Test
    void goalProgress() {
        managersFiguresAfterAChange("/api/goals/progress", GOAL_PROGRESS, "goal progress");
    }

    @Test
    void dashboard() {
        managersFiguresAfterAChange("/api/dashboard", DASHBOARD, "dashboard");
    }

    /** A manager's figures computed afresh: a pursuit is started first, so the kept figures are of an older version. */
    private static void managersFiguresAfterAChange(String path, int limit, String what) {
        // the manager's first request registers the user (three statements once); count a later one, as the pages do
        given().header("Authorization", Tokens.bearer(Tokens.MANAGER)).when().get(path).then().statusCode(200);
        TestData.newProspect(Tokens.OFFICER);
        String tag = tag();
        given().header("Authorization", Tokens.bearer(Tokens.MANAGER)).header(SqlStatements.HEADER, tag)
                .when().get(path).then().statusCode(200);
        assertAtMost(limit, tag, what);
    }

    private static String tag() {
        return UUID.randomUUID().toString();
    }

    private static void assertAtMost(int limit, String tag, String what) {
        List<String> statements = SqlStatements.of(tag);
        System.out.printf("%s: %d SQL statements (limit %d)%n", what, statements.size(), limit);
        assertTrue(!statements.isEmpty(), what + ": no statement was counted (is the request tagged?)");
        assertTrue(statements.size() <= limit, what + " ran " + statements.size() + " SQL statements, limit " + limit
                + ":\n" + String.join("\n", statements));
    }
}
