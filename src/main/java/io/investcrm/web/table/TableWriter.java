package io.investcrm.web.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a header and rows as CSV (UTF-8 with BOM, so Excel shows Chinese correctly) or XLSX (streamed, so a large
 * export does not hold the whole workbook in memory). Every cell is text: credit codes must not turn into numbers.
 */
public final class TableWriter {

    private TableWriter() {
    }

    public static byte[] write(TableFormat format, List<String> header, List<List<String>> rows) {
        return format == TableFormat.CSV ? csv(header, rows) : xlsx(header, rows);
    }

    private static byte[] csv(List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            w.write('\uFEFF');
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(TableWriter::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] xlsx(List<String> header, List<List<String>> rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("export");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            int r = 1;
            for (List<String> row : rows) {
                Row x = sheet.createRow(r++);
                for (int i = 0; i < row.size(); i++) {
                    if (row.get(i) != null) {
                        x.createCell(i).setCellValue(row.get(i));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cell that a spreadsheet would run as a formula is quoted (one rule for every export: {@link io.investcrm.security.FormulaGuard}). */
    static String safe(String value) {
        return io.investcrm.security.FormulaGuard.cell(value);
    }
}
