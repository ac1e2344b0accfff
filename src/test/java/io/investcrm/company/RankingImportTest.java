package io.investcrm.company;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Ranking lists: imported with their header, each entry linked by identifier (confirmed) or name (proposed for review),
 * the review step, memberships on the company, and the list's coverage read from the pipeline.
 */
@QuarkusTest
class RankingImportTest {

    @Inject
    CompanyFixtures fixtures;

    static Map<String, String> header(String code) {
        Map<String, String> h = new HashMap<>();
        h.put("code", code);
        h.put("year", "2024");
        h.put("nameZh", "香港前20律师行");
        h.put("nameEn", "Hong Kong top-20 law firms");
        h.put("scope", "HONG_KONG");
        h.put("fieldCode", "professional.legal");
        h.put("source", "测试来源");
        return h;
    }

    /** A list whose entries (rank → company) are linked by credit code; returns the list id. */
    static long listWithEntries(Map<Integer, Long> entries) {
        List<List<String>> rows = new ArrayList<>();
        entries.forEach((rank, id) -> {
            JsonPath c = Imports.as(Tokens.ADMIN).get("/api/companies/" + id).then().extract().jsonPath();
            rows.add(Arrays.asList(String.valueOf(rank), c.getString("displayName"), c.getString("creditCode"), c.getString("lei")));
        });
        JsonPath job = Imports.upload(Tokens.MANAGER, "RANKING", "list.csv",
                Imports.csv(List.of("rank", "name", "creditCode", "lei"), rows), header("test-list-" + TestData.next()));
        Imports.confirm(Tokens.MANAGER, job.getLong("id"), "ALL", List.of(), 202);
        JsonPath done = Imports.await(Tokens.MANAGER, job.getLong("id"));
        assertEquals("DONE", done.getString("status"), String.valueOf(done.getString("failure")));
        return done.getLong("rankingId");
    }

    @Test
    void entriesLinkByIdentifierOrByNameForReviewAndTheListShowsItsCoverage() {
        int n = TestData.next();
        Map<String, Object> a = TestData.company("金杜测试律师事务所" + n, "King Test Law " + n);
        long byCode = TestData.createCompany(Tokens.OFFICER, a);
        long byName = TestData.createCompany(Tokens.OFFICER, TestData.company("高伟绅测试律师行" + n, "Clifford Test " + n + " LLP"));
        long manual = TestData.createCompany(Tokens.OFFICER, TestData.company("孖士打测试" + n, null));
        String code = "hk-top20-law-" + n;
        byte[] file = Imports.xlsx(List.of("排名", "企业名称", "英文名称", "统一社会信用代码"), List.of(
                Arrays.asList("1", "金杜", null, (String) a.get("creditCode")),
                Arrays.asList("2", "高伟绅测试律师行" + n, "Clifford Test " + n + " LLP", null),
                Arrays.asList("3", "无名律师行" + n, null, null),
                Arrays.asList("x", "坏排名", null, null)));
        JsonPath job = Imports.upload(Tokens.MANAGER, "RANKING", "hk-law.xlsx", file, header(code));
        assertEquals(List.of(5), job.getList("rows.findAll { it.errors.size() > 0 }.row", Integer.class));
        assertEquals("CERTAIN", job.getString("rows.find { it.row == 2 }.duplicates[0].confidence"));
        Imports.confirm(Tokens.MANAGER, job.getLong("id"), "SKIP", List.of(5), 202);
        long list = Imports.await(Tokens.MANAGER, job.getLong("id")).getLong("rankingId");

        Imports.as(Tokens.OFFICER).when().get("/api/rankings/" + list).then().statusCode(200)
                .body("code", equalTo(code)).body("year", equalTo(2024)).body("scope", equalTo("HONG_KONG"))
                .body("fieldCode", equalTo("professional.legal")).body("entries", equalTo(3))
                .body("links.CONFIRMED", equalTo(1)).body("links.PROPOSED", equalTo(1)).body("links.UNLINKED", equalTo(1));
        JsonPath entries = Imports.as(Tokens.OFFICER).when().get("/api/rankings/" + list + "/entries").then().statusCode(200)
                .extract().jsonPath();
        assertEquals((int) byCode, entries.getInt("items.find { it.rank == 1 }.companyId"));
        assertEquals((int) byName, entries.getInt("items.find { it.rank == 2 }.companyId"));
        long proposed = entries.getLong("items.find { it.rank == 2 }.id");
        long unlinked = entries.getLong("items.find { it.rank == 3 }.id");

        // officers read, managers review
        Imports.as(Tokens.OFFICER).contentType(ContentType.JSON).body(Map.of("decision", "CONFIRM"))
                .when().post("/api/rankings/entries/" + proposed + "/review").then().statusCode(403);
        Imports.as(Tokens.MANAGER).contentType(ContentType.JSON).body(Map.of("decision", "CONFIRM"))
                .when().post("/api/rankings/entries/" + proposed + "/review").then().statusCode(200)
                .body("linkStatus", equalTo("CONFIRMED"));
        Imports.as(Tokens.MANAGER).contentType(ContentType.JSON).body(Map.of("decision", "CONFIRM"))
                .when().post("/api/rankings/entries/" + unlinked + "/review").then().statusCode(409);
        Imports.as(Tokens.MANAGER).contentType(ContentType.JSON).body(Map.of("decision", "LINK", "companyId", manual))
                .when().post("/api/rankings/entries/" + unlinked + "/review").then().statusCode(200)
                .body("linkStatus", equalTo("CONFIRMED")).body("companyId", equalTo((int) manual));

        Imports.as(Tokens.OFFICER).when().get("/api/companies/" + byName + "/memberships").then().statusCode(200)
                .body("listCode", hasItem(code)).body("find { it.listCode == '" + code + "' }.rank", equalTo(2));

        fixtures.prospect(byCode, "LANDED", Tokens.OFFICER);
        fixtures.prospect(byName, "NEGOTIATING", Tokens.OFFICER);
        fixtures.prospect(manual, "CONTACTED", Tokens.OFFICER);
        Imports.as(Tokens.OFFICER).when().get("/api/rankings/" + list).then()
                .body("coverage.LANDED", equalTo(1)).body("coverage.PIPELINE", equalTo(1))
                .body("coverage.CONTACTED", equalTo(1)).body("coverage.UNTOUCHED", equalTo(0));
        Imports.as(Tokens.OFFICER).queryParam("coverage", "LANDED").when().get("/api/rankings/" + list + "/entries").then()
                .body("total", equalTo(1)).body("items[0].companyId", equalTo((int) byCode));
        // the matching engine reads exactly the confirmed links
        assertEquals(3, fixtures.count("SELECT COUNT(*) FROM ranking_entry e JOIN ranking_list l ON l.id = e.list_id "
                + "WHERE l.code = ?1 AND e.link_status = 'CONFIRMED' AND e.company_id IS NOT NULL", code));
    }

    @Test
    void onlyManagersImportListsAndABadHeaderIsRefused() {
        byte[] file = Imports.csv(List.of("rank", "name"), List.of(List.of("1", "某律师行")));
        Imports.file(Tokens.OFFICER, "RANKING", "l.csv", file, header("x-" + TestData.next()))
                .when().post("/api/imports").then().statusCode(403);
        Map<String, String> bad = header("Bad Code!");
        bad.put("fieldCode", "no.such.field");
        Imports.file(Tokens.MANAGER, "RANKING", "l.csv", file, bad).when().post("/api/imports").then().statusCode(400)
                .body("violations.field", hasItem("code")).body("violations.field", hasItem("fieldCode"));
        Imports.as(Tokens.OFFICER).when().get("/api/rankings/987654321").then().statusCode(404)
                .body("code", equalTo("ranking.not-found"));
    }

    /**
     * Issue 15: the list's export writes headers and labels people read — Chinese by default, English on request —
     * not codes, and the file imports again as a list with the same entries, linked again by their identifiers.
     */
    @Test
    void theExportWritesLabelsAndImportsAgainAsTheSameList() {
        int n = TestData.next();
        long landed = TestData.createCompany(Tokens.OFFICER, TestData.company("榜单往返落地" + n + "有限公司", "Round Trip Landed " + n));
        long lead = TestData.createCompany(Tokens.OFFICER, TestData.company("榜单往返线索" + n + "有限公司", null));
        long untouched = TestData.createCompany(Tokens.OFFICER, TestData.company("榜单往返未接触" + n + "有限公司", null));
        long list = listWithEntries(Map.of(1, landed, 2, lead, 3, untouched));
        fixtures.prospect(landed, "LANDED", Tokens.OFFICER);
        fixtures.prospect(lead, "LEAD", Tokens.OFFICER);
        JsonPath before = Imports.as(Tokens.OFFICER).when().get("/api/rankings/" + list + "/entries").then().statusCode(200)
                .extract().jsonPath();

        for (String[] variant : new String[][] { { "csv", null }, { "xlsx", "en" } }) {
            var request = Imports.as(Tokens.OFFICER).accept("*/*").queryParam("format", variant[0]);
            if (variant[1] != null) {
                request = request.queryParam("lang", variant[1]);
            }
            byte[] file = request.when().get("/api/rankings/" + list + "/export").then().statusCode(200).extract().asByteArray();
            java.util.Locale locale = variant[1] == null ? io.investcrm.web.Messages.ZH : io.investcrm.web.Messages.EN;
            var columns = io.investcrm.company.ranking.RankingColumns.EXPORT;
            var table = io.investcrm.web.table.TableReader.read(file, io.investcrm.web.table.TableFormat.of(variant[0]),
                    io.investcrm.web.table.TableColumn.headerAliases(columns));
            assertEquals(columns.stream().map(c -> c.header(locale)).toList(), table.header(), variant[0]);
            if (variant[1] == null) {
                assertEquals(List.of("排名", "企业名称", "英文名称", "统一社会信用代码"), table.header().subList(0, 4));
            }
            assertEquals(3, table.rows().size());
            for (Map<String, String> row : table.rows()) {
                String r = row.get("rank");
                String stage = before.getString("items.find { it.rank == " + r + " }.stage");
                String coverage = before.getString("items.find { it.rank == " + r + " }.coverage");
                assertEquals(io.investcrm.web.Messages.format(locale, "ranking.link.CONFIRMED"), row.get("linkStatus"), variant[0]);
                assertEquals(io.investcrm.web.Messages.format(locale, "ranking.coverage." + coverage), row.get("coverage"), variant[0]);
                assertEquals(stage == null ? null : io.investcrm.web.Messages.format(locale, "company.stage." + stage),
                        row.get("stage"), variant[0]);
            }
            String all = table.rows().toString();
            for (String code : List.of("CONFIRMED", "LANDED", "LEAD", "UNTOUCHED", "PIPELINE")) {
                assertFalse(all.contains(code), variant[0] + " writes the code " + code + ": " + all);
            }
            assertTrue(variant[1] == null ? all.contains("已确认") && all.contains("线索") && all.contains("已落地")
                    : all.contains("Confirmed") && all.contains("Lead") && all.contains("Untouched"), all);

            // the file as it is imports as a new list with the same entries, linked again by credit code
            JsonPath job = Imports.upload(Tokens.MANAGER, "RANKING", "export." + variant[0], file,
                    header("round-trip-" + variant[0] + "-" + n));
            assertEquals(3, job.getInt("total"), job.prettify());
            assertEquals(0, job.getInt("errorRows"), job.prettify());
            Imports.confirm(Tokens.MANAGER, job.getLong("id"), "ALL", List.of(), 202);
            JsonPath done = Imports.await(Tokens.MANAGER, job.getLong("id"));
            assertEquals("DONE", done.getString("status"), String.valueOf(done.getString("failure")));
            JsonPath after = Imports.as(Tokens.OFFICER).when().get("/api/rankings/" + done.getLong("rankingId") + "/entries")
                    .then().statusCode(200).extract().jsonPath();
            for (String field : List.of("rank", "name", "nameEn", "creditCode", "companyId", "linkStatus", "coverage", "stage")) {
                assertEquals(before.getList("items." + field), after.getList("items." + field), variant[0] + " " + field);
            }
        }
    }
}
