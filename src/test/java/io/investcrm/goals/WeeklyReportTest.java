package io.investcrm.goals;

import static io.investcrm.goals.GoalFixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** 项目周报 as PDF and XLSX: a PDF library reads the Chinese back, a spreadsheet library opens the workbook. */
@QuarkusTest
class WeeklyReportTest {

    @Inject
    GoalFixtures fx;

    @Test
    void theWeeksLandingsAndProgressReadBackFromThePdfAndTheWorkbookInChineseAndEnglish() throws IOException {
        long firm = fx.company("周报落地企业");
        fx.landedAndVerified(firm);
        String name = as(Tokens.MANAGER).get("/api/companies/" + firm).then().extract().path("nameZh");
        String week = LocalDate.now().toString();

        byte[] pdf = as(Tokens.MANAGER).header("Accept-Language", "zh-CN").get("/api/goals/report?format=pdf&week=" + week)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("项目周报"), text);
            assertTrue(text.contains("核实落地"), text);
            assertTrue(text.contains(name), text);
            assertTrue(text.contains("专栏9 引进顶尖高端专业服务机构"), text);
        }
        byte[] en = as(Tokens.MANAGER).get("/api/goals/report?format=pdf&lang=en&week=" + week).then().statusCode(200)
                .extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(en)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Weekly report"), text);
            assertTrue(text.contains(name), text);
        }
        byte[] xlsx = as(Tokens.MANAGER).header("Accept-Language", "zh-CN").get("/api/goals/report?format=xlsx&week=" + week)
                .then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertTrue(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue().startsWith("项目周报"));
            boolean found = false;
            for (Row r : wb.getSheetAt(0)) {
                found |= r.getCell(1) != null && name.equals(r.getCell(1).toString());
            }
            assertTrue(found, "the landed firm is in the workbook");
        }
        as(Tokens.MANAGER).get("/api/goals/report?format=pdf&week=2026-W99").then().statusCode(400);
    }
}
