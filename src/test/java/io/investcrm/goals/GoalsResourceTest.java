package io.investcrm.goals;

import static io.investcrm.goals.GoalFixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.investcrm.support.SqlStatements;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Goal progress, forecast, coverage, own targets and licences on the real database, through the real pipeline. */
@QuarkusTest
class GoalsResourceTest {

    static final String COLUMN_9 = "top-professional-firms-50";

    @Inject
    GoalFixtures fx;

    @Inject
    jakarta.persistence.EntityManager em;

    static JsonPath progress(String query) {
        return as(Tokens.MANAGER).header("Accept-Language", "zh-CN").get("/api/goals/progress" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    static Map<String, Object> target(JsonPath p, String code) {
        List<Map<String, Object>> targets = p.getList("targets");
        return targets.stream().filter(t -> code.equals(t.get("code"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> firm(Map<String, Object> target, String list, long companyId) {
        return ((List<Map<String, Object>>) target.get(list)).stream()
                .filter(f -> ((Number) f.get("companyId")).longValue() == companyId).findFirst().orElse(null);
    }

    @Test
    void landedVerifiedRankedFirmsCountOncePerGroupWithTheirReasonAndTheRestIsForecastOrExcluded() {
        long hkLaw = fx.rankingList("香港律所排名", "Hong Kong law firm ranking", 2024, "HONG_KONG", "professional.legal");
        long fortune = fx.fortuneList(2024);
        long counted = fx.company("顶尖律师事务所");
        long branch = fx.company("顶尖律师事务所福田分所");
        long f500 = fx.company("世界五百强集团");
        long signed = fx.company("签约律师事务所");
        fx.entry(hkLaw, 3, counted);
        fx.entry(hkLaw, 5, signed);
        fx.entry(fortune, 57, f500);
        fx.group(branch, counted);
        fx.landedAndVerified(counted);
        fx.landedAndVerified(branch);
        fx.landedAndVerified(f500);
        fx.pursue(signed, "SIGNED");

        JsonPath p = progress("");
        Map<String, Object> col9 = target(p, COLUMN_9);
        Map<String, Object> row = firm(col9, "firms", counted);
        assertEquals("香港律所排名 2024 第 3 名 → 专栏9 香港前10", row.get("reason"));
        // the summary gives the excluded firms' number; their rows come with excluded=true
        assertEquals(null, col9.get("excluded"));
        Map<String, Object> col9Rows = target(progress("?excluded=true&target=" + COLUMN_9), COLUMN_9);
        assertEquals("goals.excluded.group-counted", firm(col9Rows, "excluded", branch).get("code"));
        assertEquals("goals.excluded.no-qualifying-ranking", firm(col9Rows, "excluded", f500).get("code"));
        assertEquals(((List<?>) col9Rows.get("excluded")).size(), ((Number) col9.get("excludedCount")).intValue());
        assertEquals("goals.forecast.signed-not-landed", firm(col9, "forecastFirms", signed).get("code"));
        assertEquals(((List<?>) col9.get("firms")).size(), ((Number) col9.get("counted")).intValue());
        // 专栏10 counts the same firm under its own tiers; the F500 baseline target counts the group once
        assertTrue(String.valueOf(firm(target(p, "top-professional-firms-100"), "firms", counted).get("reason")).endsWith("香港前20"));
        Map<String, Object> fortuneTarget = target(p, "fortune-global-500");
        assertTrue(firm(fortuneTarget, "firms", f500) != null);
        assertEquals(145 + ((Number) fortuneTarget.get("counted")).intValue(), ((Number) fortuneTarget.get("total")).intValue());

        // as of yesterday the landing had not been verified yet: forecast, not counted
        Map<String, Object> before = target(progress("?asOf=" + LocalDate.now().minusDays(1)), COLUMN_9);
        assertEquals(null, firm(before, "firms", counted));
        // the filters narrow the counted firms
        Map<String, Object> hk = target(progress("?tier=HONG_KONG&field=professional.legal&target=" + COLUMN_9), COLUMN_9);
        assertTrue(firm(hk, "firms", counted) != null);
        assertEquals(null, firm(target(progress("?tier=MAINLAND&target=" + COLUMN_9), COLUMN_9), "firms", counted));
    }

    /**
     * Issue 14: goal progress computed before a change that concerns no firm it counts or forecasts is still the
     * answer (read with two statements: the change rows and the conversion rate), and a change of a firm it forecasts
     * shows in the next request. Both changes are written straight to the database, as another replica would.
     */
    @Test
    void aStageMoveOfAFirmNoTargetCountsKeepsTheProgressAndAForecastFirmsMoveShowsInTheNextRequest() {
        long hkLaw = fx.rankingList("香港律所排名", "Hong Kong law firm ranking", 2024, "HONG_KONG", "professional.legal");
        long listed = fx.company("排名律师事务所");
        long unlisted = fx.company("未上榜咨询公司");
        fx.entry(hkLaw, 4, listed);
        long listedProspect = fx.pursue(listed, "CONTACTED");
        long unlistedProspect = fx.pursue(unlisted, "CONTACTED");
        JsonPath before = progress("");
        Object contacted = firm(target(before, COLUMN_9), "forecastFirms", listed).get("probability");

        moveStraightInTheDatabase(unlistedProspect, "NEGOTIATING");
        String kept = "goals-kept-" + TestData.next();
        JsonPath same = as(Tokens.MANAGER).header("Accept-Language", "zh-CN").header(SqlStatements.HEADER, kept)
                .get("/api/goals/progress").then().statusCode(200).extract().jsonPath();
        assertEquals(before.prettify(), same.prettify());
        List<String> statements = SqlStatements.of(kept);
        assertEquals(2, statements.size(), "kept progress read:\n" + String.join("\n", statements));

        moveStraightInTheDatabase(listedProspect, "NEGOTIATING");
        String moved = "goals-moved-" + TestData.next();
        JsonPath after = as(Tokens.MANAGER).header("Accept-Language", "zh-CN").header(SqlStatements.HEADER, moved)
                .get("/api/goals/progress").then().statusCode(200).extract().jsonPath();
        // the forecast takes the stage's probability (investcrm.pipeline.stage-probabilities)
        assertNotEquals(contacted, firm(target(after, COLUMN_9), "forecastFirms", listed).get("probability"));
        // only the moved firm is read again, not every ranked firm (issue 14)
        List<String> reread = SqlStatements.of(moved);
        assertTrue(reread.stream().anyMatch(st -> st.contains("FROM company c LEFT JOIN prospect p") && st.contains("c.id IN")),
                "the moved firm read again:\n" + String.join("\n", reread));
        assertTrue(reread.stream().noneMatch(st -> st.contains("FROM ranking_entry e")),
                "no statement reads every ranked firm:\n" + String.join("\n", reread));
    }

    private void moveStraightInTheDatabase(long prospect, String stage) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE prospect SET stage = ?1 WHERE id = ?2")
                .setParameter(1, stage).setParameter(2, prospect).executeUpdate());
    }

    @Test
    void aRecordedLicenceCountsTowardTheLicensedInstitutionsAndADuplicateNumberIsRefused() {
        long bank = fx.company("福田银行");
        fx.landedAndVerified(bank);
        String number = "B0001H2440300" + System.nanoTime() % 100000;
        as(Tokens.MANAGER).body(Map.of("companyId", bank, "type", "FINANCIAL_LICENCE", "number", number, "validFrom",
                "2024-01-01")).post("/api/goals/licences").then().statusCode(201).body("number", equalTo(number));
        as(Tokens.MANAGER).body(Map.of("companyId", bank, "type", "FINANCIAL_LICENCE", "number", number))
                .post("/api/goals/licences").then().statusCode(409).body("code", equalTo("goals.licence.duplicate"));
        as(Tokens.MANAGER).body(Map.of("companyId", bank, "type", "KEYWORD", "number", "x")).post("/api/goals/licences")
                .then().statusCode(400);
        Map<String, Object> t = target(progress("?target=licensed-financial-institutions"), "licensed-financial-institutions");
        assertTrue(String.valueOf(firm(t, "firms", bank).get("reason")).startsWith("金融许可证 " + number));
        assertEquals(267 + ((Number) t.get("counted")).intValue(), ((Number) t.get("total")).intValue());
        as(Tokens.OFFICER).get("/api/goals/licences?companyId=" + bank).then().statusCode(200).body("number", hasItem(number));
    }

    @Test
    void managersAddTheirOwnTargetsPerZoneTeamAndYear() {
        int year = LocalDate.now().getYear();
        Number id = as(Tokens.MANAGER).body(Map.of("name", "一组年度落地", "teamCode", "team-a", "year", year, "count", 12))
                .post("/api/goals/targets").then().statusCode(201).extract().path("id");
        as(Tokens.MANAGER).body(Map.of("name", "x", "zoneCode", "nowhere", "year", year, "count", 1))
                .post("/api/goals/targets").then().statusCode(422).body("code", equalTo("goals.target.unknown-zone"));
        as(Tokens.MANAGER).get("/api/goals/targets").then().statusCode(200).body("name", hasItem("一组年度落地"));
        Map<String, Object> own = target(progress("?target=own-" + id), "own-" + id);
        assertEquals(true, own.get("own"));
        assertEquals(12, own.get("goal"));
        // every counted firm is team-a's and landed this year
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> firms = (List<Map<String, Object>>) own.get("firms");
        firms.forEach(f -> assertEquals("team-a", f.get("team")));
        as(Tokens.MANAGER).delete("/api/goals/targets/" + id).then().statusCode(204);
        as(Tokens.MANAGER).delete("/api/goals/targets/" + id).then().statusCode(404);
    }

    @Test
    void coverageShowsEveryListByStateWithLinksToItsFirms() {
        long list = fx.rankingList("内地会计师事务所排名", "Mainland accounting firm ranking", 2025, "MAINLAND", "professional.accounting-tax");
        long untouched = fx.company("会计师事务所甲");
        long contacted = fx.company("会计师事务所乙");
        fx.entry(list, 1, untouched);
        fx.entry(list, 2, contacted);
        fx.pursue(contacted, "CONTACTED");
        JsonPath c = as(Tokens.MANAGER).get("/api/goals/coverage").then().statusCode(200).extract().jsonPath();
        Map<String, Object> row = c.getMap("find { it.listId == " + list + " }");
        assertEquals(Map.of("UNTOUCHED", 1, "CONTACTED", 1, "PIPELINE", 0, "LANDED", 0), row.get("cells"));
        assertEquals(2, row.get("total"));
    }
}
