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

    /**
     * Issue 14 (V025): pruning the change log moves no version, so kept figures stay kept (before, every pruning made
     * every figure compute again and read every pursuit again, twice a minute under load); the next change still moves
     * the version and shows, and only the pursuit it names is read again.
     */
    @Test
    void pruningTheChangeLogKeepsTheFiguresAndTheNextChangeStillShows() {
        String filter = "/api/dashboard?officer=" + Tokens.OFFICER_2;
        TestData.newProspect(Tokens.OFFICER_2);
        String before = versions.of(FiguresVersions.PIPELINE, FiguresVersions.ACTIVITY, FiguresVersions.OFFER,
                FiguresVersions.GOALS, FiguresVersions.LISTS, FiguresVersions.STAGES);
        JsonPath figures = get(filter, null);
        assertTrue(versions.prune(java.time.Duration.ZERO, 0));
        assertEquals(before, versions.of(FiguresVersions.PIPELINE, FiguresVersions.ACTIVITY, FiguresVersions.OFFER,
                FiguresVersions.GOALS, FiguresVersions.LISTS, FiguresVersions.STAGES), "a pruning moves no version");
        String kept = "live-pruned-" + TestData.next();
        assertEquals(figures.prettify(), get(filter, kept).prettify());
        assertEquals(1, SqlStatements.of(kept).size(), "kept after the pruning: the version alone");

        long prospect = TestData.newProspect(Tokens.OFFICER_2);
        JsonPath next = get(filter, null);
        assertEquals(stage(figures, "LEAD") + 1, stage(next, "LEAD"), "prospect " + prospect + " counted after the pruning");
        assertTrue(versions.prune(java.time.Duration.ZERO, 0));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE prospect SET stage = 'VISITED' WHERE id = ?1")
                .setParameter(1, prospect).executeUpdate());
        String moved = "live-pruned-moved-" + TestData.next();
        JsonPath after = get(filter, moved);
        assertEquals(stage(next, "LEAD") - 1, stage(after, "LEAD"));
        assertTrue(SqlStatements.of(moved).stream().noneMatch(st -> st.contains("FROM prospect p") && !st.contains("p.id IN")),
                "only the moved pursuit read again:\n" + String.join("\n", SqlStatements.of(moved)));
    }

    /**
     * Issue 14 (V026): pruning deletes only the rows older than its age, so a change younger than that keeps its subject
     * for the readers that have not read it yet; pruning without an age deletes it, and the subject is unknown.
     */
    @Test
    void pruningKeepsTheChangesYoungerThanItsAge() {
        Moved moved = moveAfterARead();
        versions.prune(java.time.Duration.ofMinutes(10), 0);
        FiguresVersions.Changes young = pipelineChanges();
        assertEquals(moved.read().version(), young.version(), "a pruning moves no version");
        assertEquals(java.util.Set.of(moved.prospect()), young.subjectsSince(moved.seen()), "the young change is kept with its subject");
        assertTrue(versions.prune(java.time.Duration.ZERO, 0));
        FiguresVersions.Changes none = pipelineChanges();
        assertEquals(moved.read().version(), none.version());
        assertEquals(java.util.Map.of(), none.subjectById(), "every row pruned");
        assertEquals(null, none.subjectsSince(moved.seen()), "the change was pruned unread: unknown");
    }

    /** A pursuit's stage move written after the pipeline's change rows were read ({@code seen}), and the rows read after it. */
    private record Moved(long prospect, FiguresVersions.Seen seen, FiguresVersions.Changes read) {
    }

    private Moved moveAfterARead() {
        long prospect = TestData.newProspect(Tokens.OFFICER_2);
        FiguresVersions.Seen seen = pipelineChanges().seen();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE prospect SET stage = 'VISITED' WHERE id = ?1")
                .setParameter(1, prospect).executeUpdate());
        return new Moved(prospect, seen, pipelineChanges());
    }

    private FiguresVersions.Changes pipelineChanges() {
        return QuarkusTransaction.requiringNew().call(() -> versions.changes(FiguresVersions.PIPELINE));
    }

    /** A change that pruning deleted before anyone read it: its subject is unknown, so everything is read again. */
    @Test
    void aChangePrunedBeforeItWasReadMakesItsSubjectsUnknown() {
        Moved moved = moveAfterARead();
        assertEquals(java.util.Set.of(moved.prospect()), moved.read().subjectsSince(moved.seen()), "read before a pruning: its subject");
        assertTrue(versions.prune(java.time.Duration.ZERO, 0));
        FiguresVersions.Changes afterPruning = pipelineChanges();
        assertEquals(moved.read().version(), afterPruning.version());
        assertEquals(java.util.Set.of(), afterPruning.subjectsSince(moved.read().seen()), "nothing new since the read");
        assertEquals(null, afterPruning.subjectsSince(moved.seen()), "the change was pruned unread: unknown");
    }

}
