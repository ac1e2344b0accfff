package io.investcrm.company;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issue 15: a spreadsheet as the office keeps it — Chinese headers, and every coded value written in words (香港,
 * 中國香港, Hong Kong, 华强-上步片区, 六(二)4, 集成电路设计, 区域总部, 香港所) — passes its dry run, as GBK CSV, UTF-8 CSV
 * and XLSX (the files are in src/test/resources/imports). Forms and the API take the same words, and exports write
 * labels people read and import again.
 */
@QuarkusTest
class OfficeWordsImportTest {

    static final List<String> CODED_HEADERS = List.of("总部所在地", "集团层级", "拟设机构类型", "所属产业", "意向片区");

    static byte[] resource(String name) {
        try (InputStream in = OfficeWordsImportTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theOfficesSpreadsheetPassesItsDryRunInEveryFormatWithoutASingleCode() {
        // the file really holds words, not codes: no coded cell is a code InvestCRM keeps
        String text = new String(resource("office-companies-utf8.csv"), StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.replaceAll("\"[^\"]*\"", "x").split(",", -1);
            for (String h : CODED_HEADERS) {
                String v = cells[header.indexOf(h)];
                assertFalse(v.matches("[A-Z]{2}|[A-Z_]{5,}|[a-z-]+(\\.[a-z-]+)*"), h + " holds a code: " + v);
            }
        }
        for (String file : List.of("office-companies-gbk.csv", "office-companies-utf8.csv", "office-companies.xlsx")) {
            JsonPath job = Imports.upload(Tokens.OFFICER, "COMPANY", file, resource(file), Map.of());
            assertEquals("CHECKED", job.getString("status"), file);
            assertEquals(8, job.getInt("total"), file);
            assertEquals(0, job.getInt("errorRows"), file + ": " + job.prettify());
        }
    }

    @Test
    void theRunStoresTheCodesTheWordsMean() {
        // the same file with names of its own, so this test does not meet the dry run above
        String token = "词" + TestData.next();
        String text = new String(resource("office-companies-utf8.csv"), StandardCharsets.UTF_8)
                .replaceAll("有限公司", token + "有限公司").replaceAll("(?m)^港丰律师事务所", "港丰" + token + "律师事务所")
                .replaceAll("91440300MA5F00\\d{4},", ",");
        JsonPath job = Imports.upload(Tokens.OFFICER, "COMPANY", "office.csv", text.getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(0, job.getInt("errorRows"), job.prettify());
        Imports.confirm(Tokens.OFFICER, job.getLong("id"), "ALL", List.of(), 202);
        assertEquals("DONE", Imports.await(Tokens.OFFICER, job.getLong("id")).getString("status"));
        JsonPath hk = company(token, "鹏湾创投管理" + token + "有限公司");
        assertEquals("HK", hk.getString("hqCountry"));
        assertEquals("REGIONAL_HQ", hk.getString("presenceSought"));
        assertEquals("REGIONAL_HQ", hk.getString("entityRole"));
        assertEquals("xiangmihu", hk.getString("preferredZone"));
        JsonPath chip = company(token, "港芯设计" + token + "有限公司");
        assertEquals("HK", chip.getString("hqCountry"));
        assertEquals("huaqiang-shangbu", chip.getString("preferredZone"));
        assertEquals(List.of("sci-tech.semiconductor.ic-design"), chip.getList("industries"));
        JsonPath law = company(token, "港丰" + token + "律师事务所");
        assertEquals("HK_FIRM", law.getString("entityRole"));
        assertEquals(List.of("professional.legal"), law.getList("industries"));
        JsonPath soft = company(token, "太平洋软件（深圳）" + token + "有限公司");
        assertEquals("US", soft.getString("hqCountry"));
        assertEquals("dajinsha-chegongmiao", soft.getString("preferredZone"));
        assertEquals(2, soft.getList("industries").size());
    }

    static JsonPath company(String token, String name) {
        JsonPath found = Imports.as(Tokens.OFFICER).queryParam("q", token).queryParam("size", 50).when().get("/api/companies")
                .then().statusCode(200).body("total", equalTo(8)).extract().jsonPath();
        long id = found.getLong("items.find { it.displayName == '" + name + "' }.id");
        return Imports.as(Tokens.OFFICER).when().get("/api/companies/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theApiAndFormsTakeWordsAndAskWhichOneWhenAWordFitsSeveral() {
        Map<String, Object> body = TestData.company("词表接口" + TestData.next() + "有限公司", null);
        body.put("hqCountry", "中國香港");
        body.put("presenceSought", "区域总部");
        body.put("preferredZone", "六(二)4");
        body.put("industries", List.of("集成电路设计", "机器人"));
        long id = TestData.createCompany(Tokens.OFFICER, body);
        Imports.as(Tokens.OFFICER).when().get("/api/companies/" + id).then().statusCode(200)
                .body("hqCountry", equalTo("HK")).body("presenceSought", equalTo("REGIONAL_HQ"))
                .body("preferredZone", equalTo("huaqiang-shangbu"))
                .body("industries", containsInAnyOrder("sci-tech.semiconductor.ic-design", "sci-tech.robotics"));

        Map<String, Object> unclear = TestData.company("词表歧义" + TestData.next() + "有限公司", null);
        unclear.put("industries", List.of("跨境电商"));
        unclear.put("preferredZone", "华强北上步");
        Imports.as(Tokens.OFFICER).contentType(ContentType.JSON).body(unclear).when().post("/api/companies").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.find { it.field == 'industries' }.message", containsString("sci-tech.software-it.e-commerce"))
                .body("violations.find { it.field == 'industries' }.message", containsString("trade-exhibition.cross-border-logistics"))
                .body("violations.find { it.field == 'preferredZone' }.message", containsString("huaqiang-shangbu"));
    }

    /** Exports write labels (Chinese by default, English on request) and read back as the same codes. */
    @Test
    void exportsWriteLabelsAndRoundTrip() {
        for (String[] variant : new String[][] { { "csv", "zh" }, { "xlsx", "en" } }) {
            String token = "往返" + TestData.next();
            List<Map<String, Object>> made = new ArrayList<>();
            String[][] values = { { "HK", "REGIONAL_HQ", "huaqiang-shangbu", "sci-tech.semiconductor.ic-design", "HK_FIRM" },
                    { "DE", "RD_CENTER", "bagualing", "sci-tech.robotics", "LOCAL_ENTITY" },
                    { "SG", "BRANCH", "xiangmihu", "finance-plus.fintech", "REGIONAL_HQ" } };
            for (int i = 0; i < values.length; i++) {
                Map<String, Object> body = new HashMap<>(TestData.company(token + "号" + i + "有限公司", "Round " + token + " " + i));
                body.remove("creditCode");
                body.put("hqCountry", values[i][0]);
                body.put("presenceSought", values[i][1]);
                body.put("preferredZone", values[i][2]);
                body.put("industries", List.of(values[i][3]));
                body.put("entityRole", values[i][4]);
                TestData.createCompany(Tokens.OFFICER, body);
                made.add(body);
            }
            byte[] file = Imports.as(Tokens.OFFICER).queryParam("q", token + "号").queryParam("format", variant[0])
                    .queryParam("lang", variant[1]).accept("*/*").when().get("/api/companies/export").then().statusCode(200)
                    .extract().asByteArray();
            if (variant[0].equals("csv")) {
                String csv = new String(file, StandardCharsets.UTF_8);
                assertTrue(csv.startsWith("\uFEFF编号,中文名称,英文名称"), csv);
                assertTrue(csv.contains("中国香港特别行政区") && csv.contains("华强-上步片区") && csv.contains("集成电路设计")
                        && csv.contains("区域总部") && csv.contains("香港所"), csv);
                assertFalse(csv.contains("huaqiang-shangbu") || csv.contains("REGIONAL_HQ"), csv);
            }
            // the export, renamed as a person would for new firms, imports with no error and the same codes
            JsonPath job = Imports.upload(Tokens.OFFICER, "COMPANY", "export." + variant[0], file, Map.of());
            assertEquals(3, job.getInt("total"));
            assertEquals(0, job.getInt("errorRows"), job.prettify());
            Imports.confirm(Tokens.OFFICER, job.getLong("id"), "ALL", List.of(), 202);
            assertEquals("DONE", Imports.await(Tokens.OFFICER, job.getLong("id")).getString("status"));
            JsonPath all = Imports.as(Tokens.OFFICER).queryParam("q", token + "号").queryParam("size", 20).when()
                    .get("/api/companies").then().statusCode(200).body("total", equalTo(6)).extract().jsonPath();
            for (Long id : all.getList("items.id", Long.class)) {
                JsonPath c = Imports.as(Tokens.OFFICER).when().get("/api/companies/" + id).then().extract().jsonPath();
                int i = Integer.parseInt(c.getString("nameZh").replaceAll(".*号(\\d)有限公司", "$1"));
                assertEquals(values[i][0], c.getString("hqCountry"), variant[1]);
                assertEquals(values[i][1], c.getString("presenceSought"), variant[1]);
                assertEquals(values[i][2], c.getString("preferredZone"), variant[1]);
                assertEquals(List.of(values[i][3]), c.getList("industries"), variant[1]);
                assertEquals(values[i][4], c.getString("entityRole"), variant[1]);
            }
        }
        Imports.as(Tokens.OFFICER).queryParam("format", "csv").queryParam("lang", "en").queryParam("q", "往返")
                .accept("*/*").when().get("/api/companies/export").then().statusCode(200)
                .body(containsString("Chinese name"));
    }

    @Test
    void aValueThatFitsNothingIsReportedWithItsClosestCandidatesInTheDryRun() {
        String csv = "企业名称,总部所在地,意向片区,所属产业\n词表未知" + TestData.next() + "有限公司,香巷,华强北上步,跨境电商\n";
        JsonPath job = Imports.upload(Tokens.OFFICER, "COMPANY", "bad.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(1, job.getInt("errorRows"));
        assertEquals(List.of("hqCountry", "industries", "preferredZone"),
                job.getList("rows[0].errors.field", String.class).stream().sorted().toList());
        assertTrue(job.getString("rows[0].errors.find { it.field == 'hqCountry' }.message").contains("HK"), job.prettify());
        assertEquals("words.ambiguous", job.getString("rows[0].errors.find { it.field == 'industries' }.code"));
        Imports.as(Tokens.OFFICER).when().get("/api/imports/" + job.getLong("id")).then()
                .body("rows[0].errors.code", hasItem("words.unknown"));
    }
}
