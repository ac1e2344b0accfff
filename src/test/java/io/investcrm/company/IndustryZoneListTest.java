package io.investcrm.company;

import static io.investcrm.goals.GoalFixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Issue 14 (V023): the total of a company list filtered by industry and zone walks the industry rows' copy of their
 * firm's zone. The copy is kept by the database, so the total follows every change that moves a firm in or out of
 * the list — a firm created, its zone or industries edited, a merge, a write straight to the database — and always
 * equals a recount by the firm's own zone, for a manager and for an officer (whose visibility applies).
 */
@QuarkusTest
class IndustryZoneListTest {

    private static final String LIST = "/api/companies?industry=sci-tech&zone=hetao&size=1";

    @Inject
    EntityManager em;

    static long total(String user) {
        return as(user).get(LIST).then().statusCode(200).extract().jsonPath().getLong("total");
    }

    /** The firms of 河套 with a 科技 industry, by the firm's own zone (not the copy), capped as the list counts. */
    long recount() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("SELECT LEAST(COUNT(*), 1001) "
                + "FROM company c WHERE c.survivor_id IS NULL AND c.preferred_zone = 'hetao' AND EXISTS (SELECT 1 FROM "
                + "company_industry ci WHERE ci.company_id = c.id AND (ci.industry_code = 'sci-tech' OR ci.industry_code LIKE 'sci-tech.%'))")
                .getSingleResult()).longValue());
    }

    static long firm(String zone, List<String> industries) {
        Map<String, Object> body = TestData.company();
        body.put("preferredZone", zone);
        body.put("industries", industries);
        return TestData.createCompany(Tokens.OFFICER, body);
    }

    static void edit(long id, String zone, List<String> industries) {
        Map<String, Object> firm = as(Tokens.OFFICER).get("/api/companies/" + id).then().statusCode(200).extract().jsonPath()
                .getMap("$");
        Map<String, Object> form = TestData.company((String) firm.get("nameZh"), (String) firm.get("nameEn"));
        form.put("creditCode", firm.get("creditCode"));
        form.put("version", firm.get("version"));
        form.put("preferredZone", zone);
        form.put("industries", industries);
        as(Tokens.OFFICER).body(form).put("/api/companies/" + id).then().statusCode(200);
    }

    void assertTotals(long manager, long officer, String after) {
        assertEquals(manager, total(Tokens.MANAGER), after);
        assertEquals(manager, recount(), after + ": the manager's total is the recount by the firms' own zone");
        assertEquals(officer, total(Tokens.OFFICER), after);
    }

    @Test
    void theTotalFollowsEveryChangeOfAFirmsZoneOrIndustries() {
        long manager = total(Tokens.MANAGER);
        long officer = total(Tokens.OFFICER);
        assertEquals(manager, recount());

        // two sub-industries of 科技: one firm, counted once
        long both = firm("hetao", List.of("sci-tech.semiconductor.ic-design", "sci-tech.smart-terminals"));
        long elsewhere = firm("futian-cbd", List.of("sci-tech.smart-terminals"));
        long finance = firm("hetao", List.of("finance"));
        assertTotals(manager + 1, officer + 1, "created");

        edit(elsewhere, "hetao", List.of("sci-tech.smart-terminals"));
        assertTotals(manager + 2, officer + 2, "a firm moved into 河套");
        edit(finance, "hetao", List.of("finance", "sci-tech"));
        assertTotals(manager + 3, officer + 3, "an industry added");
        edit(both, "xiangmihu", List.of("sci-tech.semiconductor.ic-design", "sci-tech.smart-terminals"));
        assertTotals(manager + 2, officer + 2, "a firm moved out");

        // as another replica or a bulk job would: the database keeps the copy, not the application
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE company SET preferred_zone = 'hetao' WHERE id = ?1")
                .setParameter(1, both).executeUpdate());
        assertTotals(manager + 3, officer + 3, "a zone written straight to the database");

        // pursued confidentially by an officer of another team: the officer no longer sees it, the manager does
        TestData.startProspect(Tokens.OFFICER_OTHER_TEAM, both, Map.of("confidential", true));
        assertTotals(manager + 3, officer + 2, "a confidential pursuit of another team");

        // merged away: only the survivor counts
        int survivorVersion = as(Tokens.OFFICER).get("/api/companies/" + finance).then().extract().path("version");
        int loserVersion = as(Tokens.OFFICER).get("/api/companies/" + elsewhere).then().extract().path("version");
        as(Tokens.MANAGER).body(Map.of("survivorId", finance, "loserId", elsewhere, "survivorVersion", survivorVersion,
                "loserVersion", loserVersion)).post("/api/companies/merge").then().statusCode(200);
        assertTotals(manager + 2, officer + 1, "a merge");
    }

    @Test
    void theCountWalksTheZonesRowsOfTheIndustry() {
        firm("hetao", List.of("sci-tech"));
        firm("hetao", List.of("sci-tech"));
        String tag = "industry-zone-" + TestData.next();
        as(Tokens.OFFICER).header(SqlStatements.HEADER, tag).get(LIST).then().statusCode(200);
        List<String> counts = SqlStatements.of(tag).stream().filter(s -> s.contains(") capped")).toList();
        assertEquals(1, counts.size(), String.join("\n", SqlStatements.of(tag)));
        assertTrue(counts.get(0).contains("ix_company_industry_zone"), counts.get(0));
    }
}
