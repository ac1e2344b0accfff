package io.investcrm.dashboard;

import static io.investcrm.goals.GoalFixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.investcrm.core.FiguresVersions;
import io.investcrm.support.SqlStatements;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The managers' figures are kept under their data's version (V021, FiguresVersions): unchanged data is answered from
 * memory, and a change committed anywhere — through the API, or straight in the database as another replica or a
 * bulk job would — shows in the next request.
 */
@QuarkusTest
class LiveFiguresTest {

    @Inject
    EntityManager em;

    @Inject
    FiguresVersions versions;

    static JsonPath get(String path, String tag) {
        var spec = as(Tokens.MANAGER);
        if (tag != null) {
            spec = spec.header(SqlStatements.HEADER, tag);
        }
        return spec.get(path).then().statusCode(200).extract().jsonPath();
    }

    static int stage(JsonPath d, String stage) {
        return d.getInt("funnel.find { it.stage == '" + stage + "' }.count");
    }

    @Test
    void unchangedFiguresAreAnsweredWithTheVersionReadAlone() {
        for (String path : List.of("/api/dashboard?officer=" + Tokens.OFFICER_2, "/api/goals/progress")) {
            TestData.newProspect(Tokens.OFFICER_2);
            String miss = "live-miss-" + TestData.next();
            JsonPath first = get(path, miss);
            String hit = "live-hit-" + TestData.next();
            JsonPath second = get(path, hit);
            assertEquals(first.prettify(), second.prettify(), path);
            List<String> statements = SqlStatements.of(hit);
            assertEquals(1, statements.size(), path + " on unchanged data ran:\n" + String.join("\n", statements));
            assertTrue(statements.get(0).contains("figures_change"), statements.get(0));
            assertTrue(SqlStatements.of(miss).size() > 1, path + " after a change was not computed again");
        }
    }

    @Test
    void aChangeWrittenStraightToTheDatabaseShowsInTheNextRequest() {
        long prospect = TestData.newProspect(Tokens.OFFICER_2);
        String filter = "/api/dashboard?officer=" + Tokens.OFFICER_2;
        JsonPath before = get(filter, null);
        get(filter, null);
        // no request of this application: as another replica's commit or a bulk job, seen only through the triggers
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE prospect SET stage = 'NEGOTIATING' WHERE id = ?1")
                .setParameter(1, prospect).executeUpdate());
        JsonPath after = get(filter, null);
        assertEquals(stage(before, "LEAD") - 1, stage(after, "LEAD"));
        assertEquals(stage(before, "NEGOTIATING") + 1, stage(after, "NEGOTIATING"));
    }

    /**
     * Issue 14: after a change the dashboard reads again only the pursuits the change rows name (V022), never every
     * pursuit, and the moved pursuit is counted where it now is; with a zone filter it reads the funnel in SQL.
     */
    @Test
    void aDashboardAfterAStageMoveReadsOnlyTheMovedPursuitAgain() {
        long prospect = TestData.newProspect(Tokens.OFFICER_2);
        String filter = "/api/dashboard?officer=" + Tokens.OFFICER_2;
        JsonPath before = get(filter, null);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE prospect SET stage = 'VISITED' WHERE id = ?1")
                .setParameter(1, prospect).executeUpdate());
        String tag = "live-facts-" + TestData.next();
        JsonPath after = get(filter, tag);
        assertEquals(stage(before, "LEAD") - 1, stage(after, "LEAD"));
        assertEquals(stage(before, "VISITED") + 1, stage(after, "VISITED"));
        List<String> statements = SqlStatements.of(tag);
        assertTrue(statements.stream().anyMatch(s -> s.contains("FROM prospect p") && s.contains("p.id IN")),
                "the moved pursuit read again:\n" + String.join("\n", statements));
        assertTrue(statements.stream().noneMatch(s -> s.contains("FROM prospect p") && !s.contains("p.id IN")),
                "no statement reads every pursuit:\n" + String.join("\n", statements));

        String zoned = "live-zone-" + TestData.next();
        get("/api/dashboard?zone=futian-cbd&officer=" + Tokens.OFFICER_2, zoned);
        assertTrue(SqlStatements.of(zoned).stream().anyMatch(s -> s.contains("GROUP BY p.stage")), "a zone's funnel in SQL");
    }

    @Test
    void aVisitMovesTheTrafficLightsButNotTheGoalsVersion() {
        long prospect = TestData.newProspect(Tokens.OFFICER_2);
        String goals = versions.of(FiguresVersions.GOALS);
        String pipeline = versions.of(FiguresVersions.PIPELINE);
        // what a logged visit does to the pursuit: its last progress moves, nothing the goals count
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE prospect SET last_progress_at = "
                + "last_progress_at - INTERVAL 40 DAY, last_activity_at = last_progress_at WHERE id = ?1")
                .setParameter(1, prospect).executeUpdate());
        assertEquals(goals, versions.of(FiguresVersions.GOALS));
        assertNotEquals(pipeline, versions.of(FiguresVersions.PIPELINE));
    }

    @Test
    void pruningTheChangeLogNeverBringsBackAnOlderVersion() {
        String filter = "/api/dashboard?officer=" + Tokens.OFFICER_2;
        TestData.newProspect(Tokens.OFFICER_2);
        String before = versions.of(FiguresVersions.PIPELINE, FiguresVersions.ACTIVITY, FiguresVersions.OFFER,
                FiguresVersions.GOALS);
        JsonPath figures = get(filter, null);
        assertTrue(versions.prune(0));
        String after = versions.of(FiguresVersions.PIPELINE, FiguresVersions.ACTIVITY, FiguresVersions.OFFER,
                FiguresVersions.GOALS);
        for (String topic : List.of("pipeline", "activity", "offer", "goals")) {
            assertNotEquals(part(before, topic), part(after, topic), topic);
        }
        long prospect = TestData.newProspect(Tokens.OFFICER_2);
        JsonPath next = get(filter, null);
        assertEquals(stage(figures, "LEAD") + 1, stage(next, "LEAD"), "prospect " + prospect + " counted after the pruning");
    }

    private static String part(String version, String topic) {
        for (String p : version.split(";")) {
            if (p.startsWith(topic + ":")) {
                return p;
            }
        }
        return null;
    }
}
