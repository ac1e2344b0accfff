package io.investcrm.company;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A real-sized import end to end: 500 firms in CSV and in XLSX with bad rows and duplicates; the dry run names each,
 * the run imports all-or-nothing or skips exactly the chosen rows; export gives the same columns back.
 */
@QuarkusTest
class CompanyImportTest {

    static final List<String> HEADER = List.of("中文名称", "nameEn", "统一社会信用代码", "hqCountry", "hqCity", "industries",
            "entityRole", "headcount", "aliases");
    static final String[] CITIES = { "深圳市", "广州", "上海", "北京", "香港", "杭州" };
    static final String[] CORES = { "腾海", "华信", "鹏程", "前沿", "中科", "汇丰", "恒通", "瑞达", "宏图", "嘉禾" };
    static final String[] EN_CORES = { "Tenghai", "Huaxin", "Pengcheng", "Qianyan", "Zhongke", "Huifeng", "Hengtong",
            "Ruida", "Hongtu", "Jiahe" };
    static final String[] TRADES = { "半导体", "数据服务", "律师事务所", "会计师事务所", "资产管理", "生物医药", "智能制造", "咨询" };
    static final String[] EN_TRADES = { "Semiconductor", "Data Services", "Law Firm", "Accounting", "Asset Management",
            "Biomedicine", "Smart Manufacturing", "Consulting" };
    static final String[] INDUSTRIES = { "sci-tech.semiconductor", "sci-tech.software-it.data-services", "professional.legal",
            "professional.accounting-tax", "finance.funds", "health-plus.biomedicine", "intelligent-plus.smart-manufacturing",
            "professional.management-consulting" };

    @Inject
    CompanyFixtures fixtures;

    /** What the generated file holds and which rows are wrong. */
    record Batch(String token, List<List<String>> rows, Set<Integer> errorRows, Set<Integer> duplicateRows) {
    }

    static List<String> firm(String token, int i, String code) {
        int t = i % TRADES.length;
        return new ArrayList<>(Arrays.asList(CITIES[i % CITIES.length] + CORES[(i / 7) % CORES.length] + token + "号" + i
                + TRADES[t] + "有限公司", EN_CORES[(i / 7) % EN_CORES.length] + " " + token + "-" + i + " " + EN_TRADES[t] + " Ltd",
                code, i % 5 == 0 ? "HK" : "CN", CITIES[i % CITIES.length].replace("市", ""), INDUSTRIES[t],
                i % 11 == 0 ? "REGIONAL_HQ" : "STANDALONE", String.valueOf(50 + i), i % 9 == 0 ? "旧名" + token + i : null));
    }

    /** 500 firms; rows with a wrong check digit, no name, an unknown industry, a repeated or taken code, or a known name. */
    Batch batch() {
        String token = "批" + TestData.next();
        long existing = TestData.createCompany(Tokens.OFFICER, TestData.company("既有企业" + token + "有限公司", null));
        String takenCode = (String) Imports.as(Tokens.OFFICER).get("/api/companies/" + existing).path("creditCode");
        List<List<String>> rows = new ArrayList<>();
        Set<Integer> errors = new TreeSet<>();
        Set<Integer> duplicates = new TreeSet<>();
        for (int i = 0; i < 500; i++) {
            rows.add(firm(token, i, TestData.creditCode()));
        }
        for (int i : new int[] { 10, 120, 250, 333, 480 }) {
            String code = rows.get(i).get(2);
            rows.get(i).set(2, code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
            errors.add(i + 2);
        }
        for (int i : new int[] { 20, 220, 420 }) {
            rows.get(i).set(0, null);
            rows.get(i).set(1, null);
            errors.add(i + 2);
        }
        for (int i : new int[] { 30, 330 }) {
            rows.get(i).set(5, "no.such.industry");
            errors.add(i + 2);
        }
        rows.get(41).set(2, rows.get(40).get(2));
        errors.add(43);
        rows.get(141).set(2, rows.get(140).get(2));
        errors.add(143);
        rows.get(60).set(2, takenCode);
        errors.add(62);
        duplicates.add(62);
        for (int i : new int[] { 70, 270, 470 }) {
            rows.get(i).set(0, "既有企业" + token + "有限公司");
            rows.get(i).set(1, null);
            rows.get(i).set(2, null);
            duplicates.add(i + 2);
        }
        // the same known name three times is also a repetition inside the file
        errors.add(272);
        errors.add(472);
        return new Batch(token, rows, errors, duplicates);
    }

    long total(String token) {
        // every firm of a file has "<token>号" in its name; the fixtures around it do not
        return Imports.as(Tokens.OFFICER).queryParam("q", token + "号").when().get("/api/companies").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    @Test
    void csvDryRunReportsEveryBadRowAndDuplicateThenSkipsExactlyTheChosenRows() {
        Batch b = batch();
        JsonPath job = Imports.upload(Tokens.OFFICER, "COMPANY", "firms.csv", Imports.csv(HEADER, b.rows()), Map.of());
        long id = job.getLong("id");
        assertEquals("CHECKED", job.getString("status"));
        assertEquals(500, job.getInt("total"));
        Set<Integer> reportedErrors = new TreeSet<>(job.getList("rows.findAll { it.errors.size() > 0 }.row", Integer.class));
        assertEquals(b.errorRows(), reportedErrors);
        Set<Integer> reportedDuplicates = new TreeSet<>(job.getList("rows.findAll { it.duplicates.size() > 0 }.row", Integer.class));
        assertTrue(reportedDuplicates.containsAll(b.duplicateRows()), "duplicates " + reportedDuplicates);
        assertEquals("company.credit-code.checksum", job.getString("rows.find { it.row == 12 }.errors[0].code"));
        assertEquals("import.duplicate-in-file", job.getString("rows.find { it.row == 43 }.errors.find { it.field == 'creditCode' }.code"));
        assertEquals("PROBABLE", job.getString("rows.find { it.row == 72 }.duplicates[0].confidence"));
        assertEquals("CERTAIN", job.getString("rows.find { it.row == 62 }.duplicates[0].confidence"));
        assertEquals(0, total(b.token()), "a dry run writes nothing");

        // all-or-nothing is refused while rows have errors; skipping must cover every error row
        Imports.confirm(Tokens.OFFICER, id, "ALL", List.of(), 422);
        Imports.as(Tokens.OFFICER).contentType(ContentType.JSON).body(Map.of("mode", "SKIP", "skipRows", List.of(12)))
                .when().post("/api/imports/" + id + "/confirm").then().statusCode(422)
                .body("code", equalTo("import.errors-not-skipped")).body("detail", containsString("43"));
        List<Integer> skip = new ArrayList<>(b.errorRows());
        skip.add(72);
        Imports.confirm(Tokens.OFFICER, id, "SKIP", skip, 202);
        JsonPath done = Imports.await(Tokens.OFFICER, id);
        assertEquals("DONE", done.getString("status"), String.valueOf(done.getString("failure")));
        assertEquals(500 - skip.size(), done.getInt("imported"));
        assertEquals(500, done.getInt("processed"));
        assertEquals(500 - skip.size(), total(b.token()));
        Imports.confirm(Tokens.OFFICER, id, "ALL", List.of(), 409);
        // an alias from the file is searchable
        Imports.as(Tokens.OFFICER).queryParam("q", "旧名" + b.token() + "495").when().get("/api/companies").then()
                .body("total", equalTo(1));
    }

    @Test
    void xlsxImportIsAllOrNothing() {
        String token = "表" + TestData.next();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(firm(token, i, TestData.creditCode()));
        }
        JsonPath job = Imports.upload(Tokens.OFFICER, "COMPANY", "firms.xlsx", Imports.xlsx(HEADER, rows), Map.of());
        long id = job.getLong("id");
        assertEquals(500, job.getInt("total"));
        assertEquals(0, job.getInt("errorRows"), job.prettify());
        // between the check and the run, someone registers the firm of row 302 by hand
        Map<String, Object> body = TestData.company("抢先登记" + token, null);
        body.put("creditCode", rows.get(300).get(2));
        TestData.createCompany(Tokens.OFFICER_2, body);
        Imports.confirm(Tokens.OFFICER, id, "ALL", List.of(), 202);
        JsonPath failed = Imports.await(Tokens.OFFICER, id);
        assertEquals("FAILED", failed.getString("status"));
        assertTrue(failed.getString("failure").contains("302"), failed.getString("failure"));
        assertEquals(0, total(token), "nothing of the file was written");
    }

    @Test
    void badFilesAreRefusedClearly() {
        Imports.file(Tokens.OFFICER, "COMPANY", "firms.pdf", "x".getBytes(StandardCharsets.UTF_8), Map.of())
                .when().post("/api/imports").then().statusCode(415)
                .contentType("application/problem+json").body("code", equalTo("import.format.unsupported"));
        Imports.file(Tokens.OFFICER, "COMPANY", "firms.csv", "colour,size\nred,1\n".getBytes(StandardCharsets.UTF_8), Map.of())
                .when().post("/api/imports").then().statusCode(400).body("violations.field", hasItem("file"));
        Imports.file(Tokens.OFFICER, "COMPANY", "firms.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8), Map.of())
                .when().post("/api/imports").then().statusCode(400).body("code", equalTo("import.unreadable"));
        Imports.file(Tokens.OFFICER, "SHIPS", "firms.csv", "nameZh\n".getBytes(StandardCharsets.UTF_8), Map.of())
                .when().post("/api/imports").then().statusCode(400);
        // another officer cannot see my import (it may hold personal data)
        long id = Imports.upload(Tokens.OFFICER, "COMPANY", "one.csv",
                ("nameZh\n单行企业" + TestData.next() + "\n").getBytes(StandardCharsets.UTF_8), Map.of()).getLong("id");
        Imports.as(Tokens.OFFICER_OTHER_TEAM).when().get("/api/imports/" + id).then().statusCode(404);
        Imports.as(Tokens.MANAGER).when().get("/api/imports/" + id).then().statusCode(200);
    }

    @Test
    void contactsImportWithCompanyByCreditCodeAndExportRoundTrip() {
        Map<String, Object> body = TestData.company();
        long company = TestData.createCompany(Tokens.OFFICER, body);
        String code = (String) body.get("creditCode");
        String phone = TestData.mobile();
        byte[] file = Imports.csv(List.of("企业信用代码", "姓名", "职务", "手机", "邮箱", "来源", "consent"), List.of(
                List.of(code, "陈大文", "董事", phone, "chan" + phone + "@example.hk", "活动签到", "GRANTED"),
                Arrays.asList("91440300000000000X", "无名", null, null, null, null, null),
                Arrays.asList(code, "重复人", null, phone, null, null, null)));
        JsonPath job = Imports.upload(Tokens.OFFICER, "CONTACT", "people.csv", file, Map.of());
        assertEquals(Set.of(3, 4), new TreeSet<>(job.getList("rows.findAll { it.errors.size() > 0 }.row", Integer.class)));
        Imports.confirm(Tokens.OFFICER, job.getLong("id"), "SKIP", List.of(3, 4), 202);
        assertEquals("DONE", Imports.await(Tokens.OFFICER, job.getLong("id")).getString("status"));
        Imports.as(Tokens.OFFICER).when().get("/api/companies/" + company + "/contacts").then().statusCode(200)
                .body("name", hasItem("陈**")).body("source", hasItem("活动签到"));

        String csv = new String(Imports.as(Tokens.OFFICER).queryParam("creditCode", code).queryParam("format", "csv")
                .accept("text/csv").when().get("/api/companies/export").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF编号,中文名称,英文名称"), csv);
        assertTrue(csv.contains(code), csv);
        byte[] xlsx = Imports.as(Tokens.OFFICER).queryParam("creditCode", code).queryParam("format", "xlsx")
                .accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").when().get("/api/companies/export").then().statusCode(200).extract().asByteArray();
        assertTrue(xlsx.length > 100 && xlsx[0] == 'P' && xlsx[1] == 'K', "an XLSX is a zip");
    }
}
