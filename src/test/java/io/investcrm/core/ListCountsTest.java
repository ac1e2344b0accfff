package io.investcrm.core;

import static io.investcrm.goals.GoalFixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.investcrm.support.SqlStatements;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14 (V024, {@link ListCounts}): the lists' capped counts are kept under the version of the rows they count. A
 * list asked again with nothing changed runs no count; a change that can move the count — through the API or straight
 * in the database, as another replica would — is in the next total; a visit, which moves no count, keeps it.
 */
@QuarkusTest
class ListCountsTest {

    private static final String FILTER = "/api/companies?industry=finance&zone=xiangmihu&size=1";
    private static final String PROSPECTS = "/api/prospects?size=1";
    private static final String LEADS = "/api/prospects?stage=LEAD&size=1";

    @Inject
    EntityManager em;

    @Inject
    FiguresVersions versions;

    /** The total of a list, and whether the request ran the count statement. */
    record Total(long total, boolean counted) {
    }

    static Total total(String user, String path) {
        String tag = "list-count-" + TestData.next();
        long total = as(user).header(SqlStatements.HEADER, tag).get(path).then().statusCode(200).extract().jsonPath()
                .getLong("total");
        return new Total(total, SqlStatements.of(tag).stream().anyMatch(s -> s.contains(") capped")));
    }

    static long firm(String zone, List<String> industries) {
        Map<String, Object> body = TestData.company();
        body.put("preferredZone", zone);
        body.put("industries", industries);
        return TestData.createCompany(Tokens.OFFICER, body);
    }

    void sql(String statement, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = em.createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
        });
    }

    @Test
    void aFilteredListsCountIsKeptUntilAFirmMovesIntoIt() {
        firm("xiangmihu", List.of("finance"));
        firm("xiangmihu", List.of("finance.banking"));
        Total first = total(Tokens.MANAGER, FILTER);
        assertTrue(first.total() >= 2, "two firms at least: the page of one is full and the list is counted");
        Total again = total(Tokens.MANAGER, FILTER);
        assertEquals(first.total(), again.total());
        assertTrue(!again.counted(), "nothing changed: the kept count answers");

        long added = firm("xiangmihu", List.of("finance"));
        Total after = total(Tokens.MANAGER, FILTER);
        assertEquals(first.total() + 1, after.total(), "a firm created in the list");
        assertTrue(after.counted());

        // as another replica would: straight in the database
        sql("UPDATE company SET preferred_zone = 'hetao' WHERE id = ?1", added);
        assertEquals(first.total(), total(Tokens.MANAGER, FILTER).total(), "a firm moved out in the database");
        // the officer's own count (the visibility rule is in its parameters)
        Total officer = total(Tokens.OFFICER, FILTER);
        TestData.startProspect(Tokens.OFFICER_OTHER_TEAM, firm("xiangmihu", List.of("finance")), Map.of("confidential", true));
        assertEquals(officer.total(), total(Tokens.OFFICER, FILTER).total(),
                "a firm pursued confidentially by another team is not in the officer's total");
        assertEquals(first.total() + 1, total(Tokens.MANAGER, FILTER).total(), "but in the manager's");
    }

    /** An officer who starts few pursuits elsewhere in the suite: the totals stay below the cap of 1 000. */
    @Test
    void anOfficersProspectCountFollowsNewPursuitsHandOversAndStages() {
        TestData.newProspect(Tokens.OFFICER_OTHER_TEAM);
        long moved = TestData.newProspect(Tokens.OFFICER_OTHER_TEAM);
        Total first = total(Tokens.OFFICER_OTHER_TEAM, PROSPECTS);
        assertTrue(first.total() >= 2);
        Total again = total(Tokens.OFFICER_OTHER_TEAM, PROSPECTS);
        assertEquals(first.total(), again.total());
        assertTrue(!again.counted(), "nothing changed: the kept count answers");

        // a visit moves the pursuit's last activity and progress, which no count reads: the count stays kept
        String lists = versions.of(FiguresVersions.LISTS);
        sql("UPDATE prospect SET last_progress_at = last_progress_at + INTERVAL 1 MINUTE, last_activity_at = "
                + "last_progress_at WHERE id = ?1", moved);
        assertEquals(lists, versions.of(FiguresVersions.LISTS));
        assertTrue(!total(Tokens.OFFICER_OTHER_TEAM, PROSPECTS).counted(), "a visit keeps the count");

        TestData.newProspect(Tokens.OFFICER_OTHER_TEAM);
        assertEquals(first.total() + 1, total(Tokens.OFFICER_OTHER_TEAM, PROSPECTS).total(), "a new pursuit");

        // handed over to another team in the database: no longer the officer's to see
        Total leads = total(Tokens.OFFICER_OTHER_TEAM, LEADS);
        sql("UPDATE prospect SET owner = ?1, team_code = 'team-zz', confidential = TRUE WHERE id = ?2",
                Tokens.OFFICER, moved);
        assertEquals(first.total(), total(Tokens.OFFICER_OTHER_TEAM, PROSPECTS).total(), "handed over");
        assertEquals(leads.total() - 1, total(Tokens.OFFICER_OTHER_TEAM, LEADS).total(), "handed over, in the stage's count too");

        // a stage move changes the stage's count, not the lists' version
        long lead = TestData.newProspect(Tokens.OFFICER_OTHER_TEAM);
        Total beforeMove = total(Tokens.OFFICER_OTHER_TEAM, LEADS);
        String listsBefore = versions.of(FiguresVersions.LISTS);
        String stagesBefore = versions.of(FiguresVersions.STAGES);
        sql("UPDATE prospect SET stage = 'CONTACTED' WHERE id = ?1", lead);
        assertEquals(listsBefore, versions.of(FiguresVersions.LISTS));
        assertNotEquals(stagesBefore, versions.of(FiguresVersions.STAGES));
        assertEquals(beforeMove.total() - 1, total(Tokens.OFFICER_OTHER_TEAM, LEADS).total(), "moved out of 线索");
    }
}
