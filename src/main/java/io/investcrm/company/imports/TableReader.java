package io.investcrm.company.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.investcrm.core.DomainException;
import io.investcrm.core.Invalid;

/**
 * Reads CSV (Apache Commons CSV) and XLSX (Apache POI) into a {@link Table}. Headers are matched to the import's
 * column names ignoring case, spaces, "_" and "-", or through their Chinese labels; unknown columns are ignored.
 * A CSV in UTF-8 (with or without BOM) is read as such; one that is not valid UTF-8 is read as GB18030, what Excel
 * on a Chinese Windows writes.
 */
public final class TableReader {

    /** More rows than this is a database job, not an upload. */
    public static final int MAX_ROWS = 100_000;

    private TableReader() {
    }

    public static Table read(byte[] data, TableFormat format, Map<String, String> headerAliases) {
        Table raw = format == TableFormat.CSV ? readCsv(data) : readXlsx(data);
        List<String> columns = new ArrayList<>();
        for (String h : raw.header()) {
            columns.add(headerAliases.get(key(h)));
        }
        List<Map<String, String>> rows = new ArrayList<>(raw.rows().size());
        for (Map<String, String> r : raw.rows()) {
            Map<String, String> row = new LinkedHashMap<>();
            int i = 0;
            for (String value : r.values()) {
                String column = i < columns.size() ? columns.get(i) : null;
                if (column != null && value != null && !value.isBlank()) {
                    row.put(column, value.strip());
                }
                i++;
            }
            rows.add(row);
        }
        return new Table(raw.header(), rows);
    }

    /** The comparison form of a header: lower case, no spaces, underscores or hyphens, no BOM. */
    public static String key(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").replaceAll("[\\s_\\-*]", "").toLowerCase(Locale.ROOT);
    }

    private static Table readCsv(byte[] data) {
        String text = decode(data);
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = null;
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = record.toList();
                    continue;
                }
                if (record.stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                rows.add(indexed(record.toList()));
                if (rows.size() > MAX_ROWS) {
                    throw Invalid.request("import.too-many-rows", MAX_ROWS);
                }
            }
            if (header == null) {
                throw Invalid.request("import.empty");
            }
            return new Table(header, rows);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw Invalid.request("import.unreadable");
        }
    }

    private static Table readXlsx(byte[] data) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(data))) {
            Sheet sheet = wb.getNumberOfSheets() == 0 ? null : wb.getSheetAt(0);
            if (sheet == null || sheet.getPhysicalNumberOfRows() == 0) {
                throw Invalid.request("import.empty");
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            List<String> header = null;
            List<Map<String, String>> rows = new ArrayList<>();
            int width = 0;
            for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> values = new ArrayList<>();
                int cells = header == null ? (row == null ? 0 : Math.max(row.getLastCellNum(), 0)) : width;
                for (int c = 0; c < cells; c++) {
                    Cell cell = row == null ? null : row.getCell(c);
                    values.add(cell == null ? "" : formatter.formatCellValue(cell, evaluator).strip());
                }
                if (header == null) {
                    if (values.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    header = values;
                    width = values.size();
                    continue;
                }
                if (values.stream().allMatch(String::isBlank)) {
                    // keep line numbers honest: an empty line in the middle still counts in Excel's numbering
                    rows.add(Map.of());
                    continue;
                }
                rows.add(indexed(values));
                if (rows.size() > MAX_ROWS) {
                    throw Invalid.request("import.too-many-rows", MAX_ROWS);
                }
            }
            while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
                rows.remove(rows.size() - 1);
            }
            if (header == null) {
                throw Invalid.request("import.empty");
            }
            return new Table(header, rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw Invalid.request("import.unreadable");
        }
    }

    private static Map<String, String> indexed(List<String> values) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            m.put(String.valueOf(i), values.get(i));
        }
        return m;
    }

    static String decode(byte[] data) {
        int start = data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(data, start, data.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return new String(data, start, data.length - start, Charset.forName("GB18030"));
        }
    }
}
