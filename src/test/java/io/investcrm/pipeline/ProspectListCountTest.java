package io.investcrm.pipeline;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.investcrm.security.Visibility;
import io.investcrm.support.PageSession;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.investcrm.web.PageView;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.quarkus.qute.Engine;
import io.restassured.path.json.JsonPath;

/**
 * The prospect list's total (issue 14): counted up to {@link PageView#COUNT_CAP} + 1, not at all for a short page, and
 * never an invisible prospect: for an officer it is exactly the prospects the visibility rule admits.
 */
@QuarkusTest
class ProspectListCountTest {

    static final String OFFICER = Tokens.OFFICER_OTHER_TEAM;
    static final String TEAM = "team-b";

    @Inject
    EntityManager em;

    @Inject
    Engine qute;

    long otherTeams;
    long confidentialPooled;
    long pooled;
    long own;

    @BeforeEach
    void prospects() {
        for (String u : List.of(Tokens.OFFICER, OFFICER)) {
            TestData.signIn(u);
        }
        otherTeams = TestData.newProspect(Tokens.OFFICER);
        confidentialPooled = TestData.startProspect(Tokens.OFFICER, TestData.createCompany(Tokens.OFFICER, TestData.company()),
                Map.of("pool", true, "confidential", true));
        pooled = TestData.startProspect(Tokens.OFFICER, TestData.createCompany(Tokens.OFFICER, TestData.company()),
                Map.of("pool", true));
        own = TestData.newProspect(OFFICER);
    }

    /** The officer's prospects by the rule of issue 5, read from every prospect's row (not by the list's query). */
    Set<Long> visibleByTheRule() {
        Set<Long> out = new HashSet<>();
        for (Prospect p : em.createQuery("from Prospect", Prospect.class).getResultList()) {
            boolean mine = OFFICER.equals(p.owner) || OFFICER.equals(p.leader);
            if (mine || (!p.confidential && (p.owner == null || TEAM.equals(p.teamCode)))) {
                out.add(p.id);
            }
        }
        return out;
    }

    JsonPath page(int page, int size) {
        return given().header("Authorization", Tokens.bearer(OFFICER)).accept(ContentType.JSON)
                .queryParam("page", page).queryParam("size", size).get("/api/prospects")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theTotalIsExactlyWhatTheOfficerSeesOnEveryKindOfPage() {
        Set<Long> expected = visibleByTheRule();
        assertTrue(expected.containsAll(List.of(pooled, own)));
        assertFalse(expected.contains(otherTeams) || expected.contains(confidentialPooled));
        int n = expected.size();
        assertTrue(n <= PageView.COUNT_CAP, "the test database holds " + n + " visible prospects");

        // every row, page by page, is the rule's set
        Set<Long> rows = new HashSet<>();
        for (int page = 0; page * 200 < n + 200; page++) {
            page(page, 200).getList("items.id", Long.class).forEach(rows::add);
        }
        assertEquals(expected, rows);

        // a full page counts, a short page is its own end, an empty page past the end counts: all tell n
        assertEquals(n, page(0, 1).getLong("total"), "full page of 1");
        int size = 7;
        int last = (n - 1) / size;
        assertEquals(n, page(last, size).getLong("total"), "last page");
        assertEquals(n, page(last + 1, size).getLong("total"), "past the end");
        if (n < 200) {
            assertEquals(n, page(0, n).getLong("total"), "a first page of exactly n rows is full: it counts");
            assertEquals(n, page(0, n + 1).getLong("total"), "a first page one row short");
        }
    }

    @Test
    void theCappedCountStopsOneRowPastTheCap() {
        Map<String, Object> params = Visibility.params(OFFICER, TEAM);
        String rule = Visibility.officerSql("p", params).sql();
        long exact = visibleByTheRule().size();
        assertTrue(exact >= 2);
        for (boolean walkPageIndex : new boolean[] { true, false }) {
            // the cap below, at and above the number of visible prospects
            assertEquals(exact, ProspectService.cappedCount(em, rule, params, walkPageIndex, (int) exact - 1),
                    "cap + 1 = more than the cap");
            assertEquals(exact, ProspectService.cappedCount(em, rule, params, walkPageIndex, (int) exact), "exactly the cap");
            assertEquals(exact, ProspectService.cappedCount(em, rule, params, walkPageIndex, (int) exact + 1));
            assertEquals(exact - 1, ProspectService.cappedCount(em, rule, params, walkPageIndex, (int) exact - 2));
        }
        // and as the list tells it: cap + 1 is "more than the cap", the cap itself is exact
        int below = (int) exact - 1;
        assertEquals(below + 1L, PageView.cappedTotal(0, 1, 1, below,
                () -> ProspectService.cappedCount(em, rule, params, true, below)));
        assertEquals(exact, PageView.cappedTotal(0, 1, 1, (int) exact,
                () -> ProspectService.cappedCount(em, rule, params, true, (int) exact)));
        // a filter narrows the same rule
        Map<String, Object> mine = new java.util.HashMap<>(params);
        mine.put("me", OFFICER);
        assertEquals(visibleByTheRule().stream().filter(id -> OFFICER.equals(em.find(Prospect.class, id).owner)).count(),
                ProspectService.cappedCount(em, rule + " AND p.owner = :me", mine, false, PageView.COUNT_CAP));
    }

    @Test
    void thePagesTellTheCountAndAPagerBeyondTheCapTellsNoPageCount() {
        int n = visibleByTheRule().size();
        String list = PageSession.signIn(OFFICER, "/pipeline/list?all=1").get("/pipeline/list?all=1", Map.of("Accept-Language", "en"))
                .body();
        assertTrue(list.contains(">" + n + " prospects<") || list.contains("共 " + n + " 个项目"), list);
        // the pager of a capped list (company search, prospects): "page 4" and a next page while pages are full
        String tag = "{#pager result=result base='/x?' capped=true /}";
        String beyond = qute.parse(tag).data("result", new PageView<>(java.util.Collections.nCopies(20, 1), 3, 20,
                PageView.COUNT_CAP + 1)).setAttribute("locale", java.util.Locale.ENGLISH).render();
        assertTrue(beyond.contains("Page 4<") && beyond.contains("page=4\" rel=\"next\"") && beyond.contains("page=2\" rel=\"prev\""),
                beyond);
        assertFalse(beyond.contains(" of "), beyond);
        String exact = qute.parse(tag).data("result", new PageView<>(java.util.Collections.nCopies(20, 1), 3, 20, 95))
                .setAttribute("locale", java.util.Locale.ENGLISH).render();
        assertTrue(exact.contains("Page 4 of 5"), exact);
    }
}
