package io.investcrm.company;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.investcrm.support.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Test helpers for imports: files written in memory, uploads, and waiting for a run to end. */
final class Imports {

    private Imports() {
    }

    static byte[] csv(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", header)).append("\r\n");
        for (List<String> r : rows) {
            sb.append(String.join(",", r.stream().map(Imports::quote).toList())).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String v) {
        if (v == null) {
            return "";
        }
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    static byte[] xlsx(List<String> header, List<List<String>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("firms");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    String v = values.get(i);
                    if (v == null) {
                        continue;
                    }
                    // numbers as numbers, as Excel users type them
                    if (v.matches("\\d{1,9}")) {
                        row.createCell(i).setCellValue(Double.parseDouble(v));
                    } else {
                        row.createCell(i).setCellValue(v);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).accept(ContentType.JSON);
    }

    /** Uploads a file as the request body, the way bearer-token clients do (multipart is the pages' form). */
    static RequestSpecification file(String user, String kind, String fileName, byte[] data, Map<String, String> fields) {
        RequestSpecification spec = as(user).contentType(fileName.endsWith(".csv") ? "text/csv"
                : fileName.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "application/octet-stream").body(data).queryParam("kind", kind).queryParam("fileName", fileName);
        for (Map.Entry<String, String> f : fields.entrySet()) {
            spec = spec.queryParam(f.getKey(), f.getValue());
        }
        return spec;
    }

    static JsonPath upload(String user, String kind, String fileName, byte[] data, Map<String, String> fields) {
        return file(user, kind, fileName, data, fields).when().post("/api/imports").then().statusCode(201).extract().jsonPath();
    }

    /** Polls the import until its run has ended; the page does the same with a refresh. */
    static JsonPath await(String user, long id) {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath job = as(user).when().get("/api/imports/" + id).then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            if ("DONE".equals(status) || "FAILED".equals(status)) {
                return job;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        fail("import " + id + " did not finish");
        return null;
    }

    static void confirm(String user, long id, String mode, List<Integer> skip, int expectedStatus) {
        as(user).contentType(ContentType.JSON).body(Map.of("mode", mode, "skipRows", skip))
                .when().post("/api/imports/" + id + "/confirm").then().statusCode(expectedStatus);
    }
}
