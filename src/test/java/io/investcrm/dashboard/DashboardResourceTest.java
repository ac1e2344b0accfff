package io.investcrm.dashboard;

import static io.investcrm.goals.GoalFixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.investcrm.core.AppClock;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The dashboard on the real database: figures are live, equal a recount of their rows, and download as CSV/XLSX. */
@QuarkusTest
class DashboardResourceTest {

    @Inject
    AppClock clock;

    static final String FILTER = "?officer=" + Tokens.OFFICER_2;

    static JsonPath dashboard(String query) {
        return as(Tokens.MANAGER).get("/api/dashboard" + query).then().statusCode(200).extract().jsonPath();
    }

    static int stage(JsonPath d, String stage) {
        return d.getInt("funnel.find { it.stage == '" + stage + "' }.count");
    }

    static int rows(String figure, String value, String filter) {
        return as(Tokens.MANAGER).get("/api/dashboard/rows" + filter + "&figure=" + figure + "&value=" + value).then()
                .statusCode(200).extract().jsonPath().getList("$").size();
    }

    @Test
    void aCommittedStageMoveShowsInTheNextRequestAndEveryFigureEqualsARecountOfItsRows() {
        long a = TestData.newProspect(Tokens.OFFICER_2);
        long b = TestData.newProspect(Tokens.OFFICER_2);
        JsonPath before = dashboard(FILTER);
        as(Tokens.OFFICER_2).body(Map.of("stage", "CONTACTED")).post("/api/prospects/" + a + "/moves").then().statusCode(200);
        as(Tokens.OFFICER_2).body(Map.of("stage", "CONTACTED")).post("/api/prospects/" + b + "/moves").then().statusCode(200);
        as(Tokens.OFFICER_2).body(Map.of("stage", "VISITED")).post("/api/prospects/" + b + "/moves").then().statusCode(200);
        JsonPath after = dashboard(FILTER);
        assertEquals(stage(before, "LEAD") - 2, stage(after, "LEAD"));
        assertEquals(stage(before, "CONTACTED") + 1, stage(after, "CONTACTED"));
        assertEquals(stage(before, "VISITED") + 1, stage(after, "VISITED"));
        int open = 0;
        for (String s : List.of("LEAD", "CONTACTED", "VISITED", "NEGOTIATING", "OFFER", "SIGNED", "LANDED")) {
            assertEquals(stage(after, s), rows("stage", s, FILTER), "stage " + s + " recounted from its rows");
            open += stage(after, s);
        }
        assertEquals(open, after.getInt("open"));
        // reached = this stage or later; conversion = share of those that went on
        assertEquals(open, after.getInt("funnel.find { it.stage == 'LEAD' }.reached"));
        long red = after.getList("funnel.red", Integer.class).stream().mapToLong(Integer::longValue).sum();
        long yellow = after.getList("funnel.yellow", Integer.class).stream().mapToLong(Integer::longValue).sum();
        assertEquals(red, rows("stale", "RED", FILTER));
        assertEquals(yellow, rows("stale", "YELLOW", FILTER));
        assertEquals(red + yellow, after.getLong("stale"));
    }

    @Test
    void theRowsBehindAFigureAreReadAsOfTheDashboardsMinuteEvenWhenTimeHasMovedOn() {
        TestData.newProspect(Tokens.OFFICER_2);
        JsonPath d = dashboard(FILTER);
        String asOf = d.getString("asOf");
        assertTrue(asOf.endsWith(":00"), "a whole minute: " + asOf);
        long red = d.getList("funnel.red", Integer.class).stream().mapToLong(Integer::longValue).sum();
        try {
            // 45 days later every open pursuit of the filter is red; the figure's own minute still gives its rows
            clock.set(java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofDays(45)));
            assertTrue(rows("stale", "RED", FILTER) > red, "red now is more than red then");
            assertEquals(red, rows("stale", "RED", FILTER + "&asOf=" + asOf.substring(0, 16)));
        } finally {
            clock.reset();
        }
        as(Tokens.MANAGER).get("/api/dashboard/rows" + FILTER + "&figure=stale&value=RED&asOf=2999-01-01T00:00").then()
                .statusCode(400).contentType("application/problem+json");
        as(Tokens.MANAGER).get("/api/dashboard/rows" + FILTER + "&figure=stale&value=RED&asOf=yesterday").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void offersAwaitingApprovalShowTheirAgeAndActivitiesRecountPerOfficer() {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        long offer = TestData.submittedOffer(Tokens.OFFICER, TestData.subsidyOffer(company, "250000"));
        JsonPath d = dashboard("?officer=" + Tokens.OFFICER);
        assertTrue(d.getList("offers.offerId", Long.class).contains(offer));
        assertEquals(0, d.getInt("offers.find { it.offerId == " + offer + " }.ageDays"));
        assertEquals(d.getList("offers").size(), rows("offers", "", "?officer=" + Tokens.OFFICER));
        // the figure is how many there are (the list shows the first 50), and equals its rows
        assertEquals(d.getInt("offersTotal"), rows("offers", "", "?officer=" + Tokens.OFFICER));
        assertEquals(d.getInt("upcomingTotal"), rows("upcoming", "", "?officer=" + Tokens.OFFICER));
        long total = d.getLong("activityTotal");
        assertEquals(total, rows("activities", "", "?officer=" + Tokens.OFFICER));
        // the JSON's officer → counts per week, in the order of weeks, sums to the same total
        Map<String, List<Integer>> byOfficer = d.getMap("activitiesByOfficer");
        int weeks = d.getList("weeks").size();
        assertEquals(d.getList("officers"), List.copyOf(byOfficer.keySet()));
        byOfficer.values().forEach(counts -> assertEquals(weeks, counts.size()));
        assertEquals(total, byOfficer.values().stream().flatMap(List::stream).mapToLong(Integer::longValue).sum());
    }

    @Test
    void everyChartDownloadsAsCsvAndXlsx() throws IOException {
        for (String chart : DashboardTables.CHARTS) {
            byte[] csv = as(Tokens.MANAGER).header("Accept-Language", "zh-CN")
                    .get("/api/dashboard/export?chart=" + chart + "&format=csv").then().statusCode(200).extract().asByteArray();
            try (CSVParser p = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT)) {
                List<CSVRecord> records = p.getRecords();
                assertTrue(records.size() >= 1);
                if (chart.equals("funnel")) {
                    assertTrue(records.get(0).get(0).endsWith("阶段"));
                    assertEquals(8, records.size());
                }
            }
            byte[] xlsx = as(Tokens.MANAGER).header("Accept-Language", "en")
                    .get("/api/dashboard/export?chart=" + chart + "&format=xlsx").then().statusCode(200).extract().asByteArray();
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                assertEquals(chart, wb.getSheetAt(0).getSheetName());
                if (chart.equals("funnel")) {
                    assertEquals("Stage", wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
                    assertEquals("Lead", wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue());
                }
            }
        }
        as(Tokens.MANAGER).get("/api/dashboard/export?chart=nothing&format=csv").then().statusCode(400);
        as(Tokens.MANAGER).get("/api/dashboard/rows?figure=stage&value=NOWHERE").then().statusCode(400);
    }

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    /** SELECT/INSERT/UPDATE/DELETE statements the (test-only) database server ran so far. */
    long statements() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            long n = 0;
            for (Object r : em.createNativeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select', 'Com_insert', "
                    + "'Com_update', 'Com_delete')").getResultList()) {
                n += Long.parseLong(String.valueOf(((Object[]) r)[1]));
            }
            return n;
        });
    }

    @Test
    void theDashboardTakesAtMostSixStatements() {
        dashboard("");
        dashboard("?zone=futian-cbd&industry=finance&team=team-a");
        long probe = -statements() + statements(); // what reading the counters itself adds
        long before = statements();
        dashboard("?zone=futian-cbd&industry=finance&team=team-a");
        long used = statements() - before - probe;
        assertTrue(used <= 6, "statements for one dashboard request: " + used);
    }

    @Test
    void theChartLibraryIsServedByTheApplication() {
        io.restassured.RestAssured.given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
        io.restassured.RestAssured.given().get("/static/dashboard.js").then().statusCode(200);
    }
}
