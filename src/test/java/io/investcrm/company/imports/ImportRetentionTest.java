package io.investcrm.company.imports;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 13 (1, 3, 7) for imports: an upload is kept only until its run ends or it is abandoned, erasing a person drops a
 * waiting upload that names them, a contact dry run shows names masked and says nothing about records the uploader
 * cannot see, and a crafted XLSX is refused with problem+json before it can fill the memory.
 */
@QuarkusTest
class ImportRetentionTest {

    @Inject
    ImportService imports;

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).accept(ContentType.JSON);
    }

    static RequestSpecification file(String user, String kind, String name, byte[] data) {
        return as(user).contentType(name.endsWith(".csv") ? "text/csv"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body(data)
                .queryParam("kind", kind).queryParam("fileName", name);
    }

    static JsonPath upload(String user, String kind, String name, String csv) {
        return file(user, kind, name, csv.getBytes(StandardCharsets.UTF_8)).when().post("/api/imports").then()
                .statusCode(201).extract().jsonPath();
    }

    static JsonPath await(String user, long id) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath job = as(user).when().get("/api/imports/" + id).then().statusCode(200).extract().jsonPath();
            if (List.of("DONE", "FAILED").contains(job.getString("status"))) {
                return job;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fail("import " + id + " did not finish");
        return null;
    }

    static ImportJob job(long id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob j = ImportJob.findById(id);
            j.fileData = j.fileData == null ? null : j.fileData.clone();
            return j;
        });
    }

    @Test
    void anUploadIsKeptOnlyUntilItsRunEnds() {
        long id = upload(Tokens.OFFICER, "COMPANY", "keep.csv", "企业名称\n保留期限" + TestData.next() + "有限公司\n").getLong("id");
        assertNotNull(job(id).fileData, "the file waits for the confirmation");
        as(Tokens.OFFICER).contentType(ContentType.JSON).body(Map.of("mode", "ALL")).when()
                .post("/api/imports/" + id + "/confirm").then().statusCode(202);
        JsonPath done = await(Tokens.OFFICER, id);
        assertEquals("DONE", done.getString("status"));
        assertTrue(done.getBoolean("filePurged"));
        ImportJob after = job(id);
        assertNull(after.fileData, "the file is gone once the run has ended");
        assertNotNull(after.purgedAt);
    }

    @Test
    void anUploadNotConfirmedInTimeIsAbandonedAndItsFileDropped() {
        long id = upload(Tokens.OFFICER, "COMPANY", "late.csv", "企业名称\n逾期未确认" + TestData.next() + "有限公司\n").getLong("id");
        int abandoned = imports.abandonUnconfirmed(job(id).createdAt.plusSeconds(1));
        assertTrue(abandoned >= 1);
        ImportJob after = job(id);
        assertEquals(ImportStatus.ABANDONED, after.status);
        assertNull(after.fileData);
        as(Tokens.OFFICER).contentType(ContentType.JSON).body(Map.of("mode", "ALL")).when()
                .post("/api/imports/" + id + "/confirm").then().statusCode(409).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("import.abandoned"));
        // one newer than the cutoff stays
        long fresh = upload(Tokens.OFFICER, "COMPANY", "fresh.csv", "企业名称\n按时确认" + TestData.next() + "有限公司\n").getLong("id");
        imports.abandonUnconfirmed(LocalDateTime.of(2000, 1, 1, 0, 0));
        assertEquals(ImportStatus.CHECKED, job(fresh).status);
    }

    @Test
    void aContactDryRunMasksNamesAndTellsNothingAboutRecordsTheUploaderCannotSee() {
        // a contact of a firm team 1 pursues: officer3 (team 2) cannot see it
        Map<String, Object> theirs = TestData.company();
        long hidden = TestData.createCompany(Tokens.OFFICER, theirs);
        TestData.startProspect(Tokens.OFFICER, hidden, Map.of());
        String phone = TestData.mobile();
        TestData.createContact(Tokens.OFFICER, hidden, TestData.contact("王小五", phone, null));
        Map<String, Object> own = TestData.company();
        long mine = TestData.createCompany(Tokens.OFFICER_OTHER_TEAM, own);
        TestData.startProspect(Tokens.OFFICER_OTHER_TEAM, mine, Map.of());
        String csv = "企业信用代码,姓名,手机\n" + own.get("creditCode") + ",王小五," + phone + "\n";
        JsonPath other = upload(Tokens.OFFICER_OTHER_TEAM, "CONTACT", "people.csv", csv);
        assertEquals(0, other.getInt("errorRows"), "no oracle: " + other.prettify());
        // nor may officer3 file contacts under the hidden firm: it is "unknown" to them, as a GET answers 404
        JsonPath foreign = upload(Tokens.OFFICER_OTHER_TEAM, "CONTACT", "people.csv",
                "企业信用代码,姓名,手机\n" + theirs.get("creditCode") + ",李四," + TestData.mobile() + "\n");
        assertEquals("import.company.unknown", foreign.getString("rows[0].errors[0].code"));

        // the team that sees the record is told, and the report names the person only masked
        String sameTeam = "企业信用代码,姓名,手机\n" + theirs.get("creditCode") + ",王小五," + phone + "\n";
        JsonPath mineReport = upload(Tokens.OFFICER, "CONTACT", "people.csv", sameTeam);
        assertEquals("import.contact.exists", mineReport.getString("rows[0].errors[0].code"), mineReport.prettify());
        assertEquals("王**", mineReport.getString("rows[0].label"));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(mineReport.getLong("id")).report)
                .contains("小五"), "the stored report holds no clear name");
    }

    @Test
    void erasingAPersonDropsAWaitingUploadThatNamesThem() {
        Map<String, Object> body = TestData.company();
        long company = TestData.createCompany(Tokens.OFFICER, body);
        String phone = TestData.mobile();
        long contact = TestData.createContact(Tokens.OFFICER, company, TestData.contact("赵六", phone, null));
        String csv = "企业信用代码,姓名,手机\n" + body.get("creditCode") + ",赵六 补录," + phone + "\n";
        long waiting = upload(Tokens.OFFICER, "CONTACT", "again.csv", csv).getLong("id");
        long unrelated = upload(Tokens.OFFICER, "CONTACT", "others.csv",
                "企业信用代码,姓名,手机\n" + body.get("creditCode") + ",钱七," + TestData.mobile() + "\n").getLong("id");
        as(Tokens.MANAGER).contentType(ContentType.JSON).queryParam("reason", "本人要求").when()
                .post("/api/contacts/" + contact + "/erase").then().statusCode(200);
        ImportJob dropped = job(waiting);
        assertEquals(ImportStatus.ABANDONED, dropped.status);
        assertNull(dropped.fileData);
        assertEquals(ImportStatus.CHECKED, job(unrelated).status);
        assertNotNull(job(unrelated).fileData);
    }

    /** A zip bomb: a real workbook whose sheet is 80 MB of blanks, packed to well under 1 MB. */
    static byte[] zipBomb() throws IOException {
        return workbookWithSheet(ImportRetentionTest::writeBlankSheet);
    }

    /** A sheet of 110 MB that packs only 20- to 40-fold: not a bomb by its ratio, but more than an import reads. */
    static byte[] hugeSheet() throws IOException {
        return workbookWithSheet(zip -> {
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8));
            java.util.Random random = new java.util.Random(15);
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < 110; i++) {
                java.util.Arrays.fill(chunk, (byte) ' ');
                for (int j = 0; j < chunk.length; j += 12) {
                    chunk[j] = (byte) ('a' + random.nextInt(26));
                }
                zip.write(chunk);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
    }

    interface SheetWriter {
        void write(OutputStream zip) throws IOException;
    }

    static byte[] workbookWithSheet(SheetWriter sheet) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("s").createRow(0).createCell(0).setCellValue("企业名称");
            wb.write(plain);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(plain.toByteArray()));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet.write(zip);
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void writeBlankSheet(OutputStream zip) throws IOException {
        zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8));
        byte[] blanks = new byte[1 << 20];
        java.util.Arrays.fill(blanks, (byte) ' ');
        for (int i = 0; i < 80; i++) {
            zip.write(blanks);
        }
        zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCraftedXlsxIsRefusedWithProblemJsonBeforeItFillsTheMemory() throws IOException {
        byte[] bomb = zipBomb();
        assertTrue(bomb.length < 1_000_000, "packed " + bomb.length);
        file(Tokens.OFFICER, "COMPANY", "bomb.xlsx", bomb).when().post("/api/imports").then().statusCode(422)
                .contentType("application/problem+json").body("code", org.hamcrest.Matchers.equalTo("import.zip-bomb"));
        byte[] huge = hugeSheet();
        assertTrue(huge.length > 1_200_000 && huge.length < 15_000_000, "packed " + huge.length);
        file(Tokens.OFFICER, "COMPANY", "huge.xlsx", huge).when().post("/api/imports").then().statusCode(413)
                .contentType("application/problem+json").body("code", org.hamcrest.Matchers.equalTo("import.too-large"));
    }
}
