package io.investcrm.matching;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.investcrm.core.AppClock;
import io.investcrm.matching.engine.MatchReason;
import io.investcrm.security.Visibility;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The stored scores at scale (issue 12): a company's change re-scores it in its own transaction (the periodic sweep is
 * off in tests, so nothing else could have), its own matches are read from the stored results, the gap view's counts
 * equal a recount for every role after prospects change scope, and a rebuild left by a killed instance is taken over.
 */
@QuarkusTest
class MatchScaleTest {

    @Inject
    EntityManager em;

    @Inject
    MatchingEngines engines;

    @Inject
    MatchRebuilder rebuilder;

    @Inject
    MatchStore store;

    @Inject
    AppClock clock;

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).accept(ContentType.JSON);
    }

    static Map<String, Object> icDesign(Map<String, Object> body) {
        body.put("industries", List.of("sci-tech.semiconductor.ic-design"));
        body.put("businessActivities", "集成电路设计，SoC 芯片研发");
        return body;
    }

    static long icDesignHouse() {
        return TestData.createCompany(Tokens.OFFICER, icDesign(TestData.company("深圳规模芯片设计有限公司" + TestData.next(), null)));
    }

    @Test
    void aChangedCompanyHasItsNewMatchesRightAfterTheCommit() {
        Map<String, Object> body = TestData.company();
        long id = TestData.createCompany(Tokens.OFFICER, body);
        assertEquals(0, storedRows(id), "nothing to match on yet");
        int version = as(Tokens.OFFICER).when().get("/api/companies/" + id).then().statusCode(200).extract().path("version");
        body.put("version", version);
        given().header("Authorization", Tokens.bearer(Tokens.OFFICER)).contentType(ContentType.JSON)
                .body(icDesign(body)).when().put("/api/companies/" + id).then().statusCode(200);
        // no sweep runs in tests (investcrm.matching.sweep-every): only the update's own transaction wrote these
        assertTrue(storedRows(id) > 0, "scores stored with the update");
        as(Tokens.MANAGER).queryParam("limit", 500).when().get("/api/zones/huaqiang-shangbu/candidates").then()
                .statusCode(200).body("companyId", hasItem((int) id));
        as(Tokens.OFFICER).when().get("/api/companies/" + id + "/matches").then().statusCode(200)
                .body("ref", hasItem("五(二)1"));
    }

    @Test
    void ownMatchesAreReadFromTheStoredResultsWithEveryRefCited() {
        long id = icDesignHouse();
        long v = engines.active().versionId();
        List<String> refs = as(Tokens.OFFICER).when().get("/api/companies/" + id + "/matches").then().statusCode(200)
                .extract().path("reasons.flatten().ref");
        assertTrue(!refs.isEmpty() && refs.stream().allMatch(r -> r != null && !r.isBlank()), "refs " + refs);
        List<String> stored = store.results(v, id).stream().flatMap(m -> m.reasons().stream()).map(MatchReason::ref).toList();
        assertEquals(refs, stored, "the stored explanation cites the same refs");
        // what the API answers is what is stored, not a fresh scoring: give a firm with nothing to match on the IC
        // design house's stored results, and its matches are the design house's
        long plain = TestData.createCompany(Tokens.OFFICER, TestData.company());
        as(Tokens.OFFICER).when().get("/api/companies/" + plain + "/matches").then().statusCode(200).body("size()", equalTo(0));
        sql("UPDATE company_match_result t JOIN company_match_result s ON s.plan_version_id = t.plan_version_id"
                + " AND s.company_id = ?2 SET t.results = s.results WHERE t.plan_version_id = ?3 AND t.company_id = ?1",
                plain, id, v);
        as(Tokens.OFFICER).when().get("/api/companies/" + plain + "/matches").then().statusCode(200)
                .body("ref", hasItem("五(二)1"));
    }

    @Test
    void gapFiguresEqualARecountForEveryRoleAsProspectsChangeScope() {
        long mine = icDesignHouse();
        long confidentialMine = icDesignHouse();
        long pooled = icDesignHouse();
        long otherTeam = TestData.createCompany(Tokens.OFFICER_OTHER_TEAM,
                icDesign(TestData.company("深圳他组芯片有限公司" + TestData.next(), null)));
        long otherTeamConfidential = TestData.createCompany(Tokens.OFFICER_OTHER_TEAM,
                icDesign(TestData.company("深圳他组保密芯片有限公司" + TestData.next(), null)));
        long ledByMe = TestData.createCompany(Tokens.OFFICER_OTHER_TEAM,
                icDesign(TestData.company("深圳协办芯片有限公司" + TestData.next(), null)));
        TestData.startProspect(Tokens.OFFICER, mine, Map.of());
        TestData.startProspect(Tokens.OFFICER, confidentialMine, Map.of("confidential", true));
        TestData.startProspect(Tokens.OFFICER, pooled, Map.of("pool", true));
        TestData.startProspect(Tokens.OFFICER_OTHER_TEAM, otherTeam, Map.of());
        TestData.startProspect(Tokens.OFFICER_OTHER_TEAM, otherTeamConfidential, Map.of("confidential", true));
        TestData.startProspect(Tokens.OFFICER_OTHER_TEAM, ledByMe, Map.of("confidential", true));
        // a leader from another team (a manager's assignment): officer1 sees this one as its leader only
        sql("UPDATE prospect SET leader = ?2 WHERE company_id = ?1", ledByMe, Tokens.OFFICER);
        // a company's own matches follow the same rule, read in the same statement as the stored results
        as(Tokens.OFFICER).when().get("/api/companies/" + otherTeamConfidential + "/matches").then().statusCode(404);
        as(Tokens.OFFICER_OTHER_TEAM).when().get("/api/companies/" + otherTeamConfidential + "/matches").then()
                .statusCode(200).body("ref", hasItem("五(二)1"));
        as(Tokens.OFFICER).when().get("/api/companies/" + ledByMe + "/matches").then().statusCode(200);
        assertCountsEqualRecount();
        assertGapsEqualDirectCount();
        // whoever writes the prospect (here plain SQL), the counts follow: status, team, owner, confidentiality
        sql("UPDATE prospect SET status = 'PAUSED' WHERE company_id = ?1", mine);
        sql("UPDATE prospect SET team_code = 'team-a' WHERE company_id = ?1", otherTeam);
        sql("UPDATE prospect SET owner = NULL WHERE company_id = ?1", otherTeamConfidential);
        sql("UPDATE prospect SET confidential = FALSE WHERE company_id = ?1", confidentialMine);
        sql("UPDATE prospect SET last_activity_at = ?2 WHERE company_id = ?1", pooled, LocalDateTime.now());
        // a pursuit moved to another company, as a merge moves the loser's to a survivor that had none
        long survivor = icDesignHouse();
        sql("UPDATE prospect SET company_id = ?2 WHERE company_id = ?1", mine, survivor);
        assertCountsEqualRecount();
        assertGapsEqualDirectCount();
        // another threshold: recounted once at start (here by hand), then kept by the triggers with the new one
        try {
            assertTrue(store.useGapThreshold(65));
            long more = icDesignHouse();
            TestData.startProspect(Tokens.OFFICER, more, Map.of());
            assertCountsEqualRecount();
        } finally {
            store.useGapThreshold(50);
        }
        assertCountsEqualRecount();
    }

    @Test
    void aRebuildLeftByAKilledInstanceIsTakenOverAndFinished() {
        long v = awaitReady();
        long first = icDesignHouse();
        long second = icDesignHouse();
        int rowsOfSecond = storedRows(second);
        assertTrue(rowsOfSecond > 0);
        // a rebuild that got past the first company and died: the later companies' scores are missing
        sql("DELETE FROM company_match WHERE plan_version_id = ?1 AND company_id > ?2", v, first);
        sql("UPDATE company_match_state SET state = 'REBUILDING', claimed_by = 'killed', heartbeat_at = ?2,"
                + " resume_after = ?3, finished_at = NULL WHERE plan_version_id = ?1", v, clock.now().minusHours(1), first);
        try {
            // a claim whose heartbeat is fresh is left alone (the other instance is alive and working)
            sql("UPDATE company_match_state SET heartbeat_at = ?2 WHERE plan_version_id = ?1", v, clock.now());
            assertEquals(-1, store.takeOverRebuild(v, "replica-2", java.time.Duration.ofMinutes(2)));
            sql("UPDATE company_match_state SET heartbeat_at = ?2 WHERE plan_version_id = ?1", v, clock.now().minusHours(1));
            // two replicas see it stale at once: the conditional UPDATE lets exactly one of them have it
            assertTrue(store.takeOverRebuild(v, "replica-2", java.time.Duration.ofMinutes(2)) == first);
            assertEquals(-1, store.takeOverRebuild(v, "replica-3", java.time.Duration.ofMinutes(2)));
            // and the one that lost the claim cannot write a batch
            try {
                store.rebuildBatch(v, engines.active().engine(), first, "replica-3");
                throw new AssertionError("a batch without the claim was written");
            } catch (MatchStore.RebuildLost expected) {
                // rolled back
            }
            // replica-2 was killed too: after its heartbeat goes stale, this instance takes over on its next round
            sql("UPDATE company_match_state SET heartbeat_at = ?2 WHERE plan_version_id = ?1", v, clock.now().minusHours(1));
            rebuilder.ensureCurrent();
            MatchStateView state = store.state(v);
            assertEquals("READY", state.state());
            assertEquals(rowsOfSecond, storedRows(second), "resumed after the first company and went to the end");
            assertEquals(rebuilder.instance(), QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "SELECT claimed_by FROM company_match_state WHERE plan_version_id = ?1").setParameter(1, v).getSingleResult()));
            assertCountsEqualRecount();
        } finally {
            sql("UPDATE company_match_state SET state = 'READY' WHERE plan_version_id = ?1", v);
        }
    }

    private long awaitReady() {
        long v = engines.active().versionId();
        for (int i = 0; i < 600; i++) {
            MatchStateView s = store.state(v);
            if (s != null && "READY".equals(s.state())) {
                return v;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the first rebuild did not finish");
    }

    private void assertCountsEqualRecount() {
        List<String> kept = rows("SELECT CONCAT_WS('|', plan_version_id, kind, code, pursued, team_code, confidential,"
                + " pooled, active, n) FROM company_match_count WHERE n <> 0 ORDER BY 1");
        List<String> recount = rows("""
                SELECT CONCAT_WS('|', m.plan_version_id, m.kind, m.code, p.id IS NOT NULL, COALESCE(p.team_code, ''),
                       COALESCE(p.confidential, FALSE), p.owner IS NULL, COALESCE(p.status = 'ACTIVE', FALSE), COUNT(*))
                FROM company_match m JOIN company_match_setting s ON s.id = 1 AND m.score >= s.gap_threshold
                LEFT JOIN prospect p ON p.company_id = m.company_id
                GROUP BY m.plan_version_id, m.kind, m.code, p.id IS NOT NULL, COALESCE(p.team_code, ''),
                         COALESCE(p.confidential, FALSE), p.owner IS NULL, COALESCE(p.status = 'ACTIVE', FALSE)
                ORDER BY 1""");
        assertTrue(!kept.isEmpty());
        assertEquals(recount, kept);
    }

    /** The gap view over HTTP against the former per-request GROUP BY with security's own visibility predicate. */
    private void assertGapsEqualDirectCount() {
        long v = engines.active().versionId();
        Map<String, String> teams = Map.of(Tokens.OFFICER, "team-a", Tokens.OFFICER_OTHER_TEAM, "team-b");
        for (String user : List.of(Tokens.OFFICER, Tokens.OFFICER_OTHER_TEAM, Tokens.MANAGER)) {
            Visibility.Predicate visible = user.equals(Tokens.MANAGER) ? new Visibility.Predicate("1 = 1", Map.of())
                    : Visibility.officerSql("p", Visibility.params(user, teams.get(user)));
            Map<String, String> direct = new LinkedHashMap<>();
            QuarkusTransaction.requiringNew().run(() -> {
                var q = em.createNativeQuery("""
                        SELECT CONCAT(m.kind, m.code), COUNT(*),
                               SUM(CASE WHEN p.stage IS NOT NULL AND p.status = 'ACTIVE' THEN 1 ELSE 0 END)
                        FROM company_match m
                        JOIN company c ON c.id = m.company_id AND c.survivor_id IS NULL
                        LEFT JOIN prospect p ON p.company_id = m.company_id
                        WHERE m.plan_version_id = :version AND m.score >= 50 AND\s""" + visible.sql()
                        + " GROUP BY m.kind, m.code").setParameter("version", v);
                visible.bind(q);
                for (Object r : q.getResultList()) {
                    Object[] a = (Object[]) r;
                    direct.put((String) a[0], ((Number) a[2]).intValue() + "/" + ((Number) a[1]).intValue());
                }
            });
            List<Map<String, Object>> gaps = as(user).when().get("/api/plan/gaps").then().statusCode(200).extract().path("$");
            int compared = 0;
            for (Map<String, Object> g : gaps) {
                String key = ("ZONE".equals(g.get("type")) ? "Z" : "S") + g.get("code");
                assertEquals(direct.getOrDefault(key, "0/0"), g.get("inPipeline") + "/" + g.get("inRegister"), user + " " + key);
                compared++;
            }
            assertTrue(compared > 0, user + ": no gap compared");
        }
    }

    private int storedRows(long companyId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM company_match WHERE company_id = ?1").setParameter(1, companyId).getSingleResult())
                .intValue());
    }

    private void sql(String statement, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = em.createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String query) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> out = new ArrayList<>();
            for (Object o : em.createNativeQuery(query).getResultList()) {
                out.add(o instanceof BigInteger b ? b.toString() : String.valueOf(o));
            }
            return out;
        });
    }
}
