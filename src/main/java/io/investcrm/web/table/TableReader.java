package io.investcrm.web.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import io.investcrm.core.DomainException;
import io.investcrm.core.Invalid;

/**
 * Reads CSV (Apache Commons CSV) and XLSX (Apache POI's streaming event API, with explicit zip limits) into a {@link Table}. Headers are matched to the import's
 * column names ignoring case, spaces, "_" and "-", or through their Chinese labels; unknown columns are ignored.
 * A CSV in UTF-8 (with or without BOM) is read as such; one that is not valid UTF-8 is read as GB18030, what Excel
 * on a Chinese Windows writes.
 */
public final class TableReader {

    /** More rows than this is a database job, not an upload. */
    public static final int MAX_ROWS = 100_000;
    /** No part of an XLSX may unpack to more than this (the sheet of 100 000 full rows stays well below). */
    public static final int MAX_UNPACKED_MB = 100;
    /** A part that inflates more than 100-fold is a zip bomb (POI's own default, set explicitly); real sheets inflate 5- to 30-fold. */
    public static final double MIN_INFLATE_RATIO = 0.01;
    /** The widest row an import reads. */
    public static final int MAX_CELLS = 500;

    static {
        // POI's limits are JVM-wide: set them explicitly rather than rely on the library's defaults
        ZipSecureFile.setMaxEntrySize(MAX_UNPACKED_MB * 1024L * 1024L);
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxFileCount(1000);
    }

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

    /**
     * XLSX through POI's event API (issue 13, 7): the sheet is read as a SAX stream from a temporary file, never as a
     * workbook in memory. The zip is opened through {@link ZipSecureFile} with explicit limits: no part may unpack to
     * more than {@value #MAX_UNPACKED_MB} MB (413) nor inflate beyond {@value #MIN_INFLATE_RATIO} of its packed size
     * (422, a zip bomb), and a row may not be wider than {@value #MAX_CELLS} cells.
     */
    private static Table readXlsx(byte[] data) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("investcrm-import-", ".xlsx");
            Files.write(tmp, data);
            try (OPCPackage pkg = OPCPackage.open(tmp.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
                StylesTable styles = reader.getStylesTable();
                XSSFReader.SheetIterator sheets = reader.getSheetIterator();
                if (!sheets.hasNext()) {
                    throw Invalid.request("import.empty");
                }
                RowCollector rows = new RowCollector();
                try (InputStream sheet = sheets.next()) {
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(styles, strings, rows, new DataFormatter(Locale.ROOT), false));
                    xml.parse(new InputSource(sheet));
                }
                return rows.table();
            }
        } catch (DomainException e) {
            throw e;
        } catch (Exception e) {
            throw limitOrUnreadable(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // a temporary file the OS cleans up
                }
            }
        }
    }

    /** POI reports a broken limit as an IOException somewhere in the cause chain; say which limit it was. */
    private static DomainException limitOrUnreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomainException d) {
                return d;
            }
            String m = t.getMessage() == null ? "" : t.getMessage();
            // POI says "Zip bomb detected!" for both limits and names the one that was broken
            if (m.startsWith("Zip bomb detected") && m.contains("max. ratio")) {
                return Invalid.rule("import.zip-bomb", List.of());
            }
            if (m.startsWith("Zip bomb detected") || m.contains("MAX_ENTRY_SIZE")) {
                return Invalid.tooLarge("import.too-large", MAX_UNPACKED_MB);
            }
        }
        return Invalid.request("import.unreadable");
    }

    /** The rows of the first sheet as they stream by; empty rows in the middle keep Excel's line numbers. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private List<String> header;
        private final List<Map<String, String>> rows = new ArrayList<>();
        private List<String> current;
        private int lastRow = -1;

        @Override
        public void startRow(int rowNum) {
            if (header != null) {
                for (int gap = lastRow + 1; gap < rowNum; gap++) {
                    add(Map.of());
                }
            }
            lastRow = rowNum;
            current = new ArrayList<>();
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? current.size() : new CellReference(ref).getCol();
            if (col >= MAX_CELLS) {
                throw Invalid.rule("import.too-many-cells", List.of(), MAX_CELLS);
            }
            while (current.size() < col) {
                current.add("");
            }
            current.add(value == null ? "" : value.strip());
        }

        @Override
        public void endRow(int rowNum) {
            boolean blank = current.stream().allMatch(String::isBlank);
            if (header == null) {
                if (!blank) {
                    header = current;
                }
                return;
            }
            if (blank) {
                add(Map.of());
                return;
            }
            List<String> values = new ArrayList<>(current.subList(0, Math.min(current.size(), header.size())));
            while (values.size() < header.size()) {
                values.add("");
            }
            add(indexed(values));
        }

        private void add(Map<String, String> row) {
            rows.add(row);
            if (rows.size() > MAX_ROWS) {
                throw Invalid.request("import.too-many-rows", MAX_ROWS);
            }
        }

        Table table() {
            if (header == null) {
                throw Invalid.request("import.empty");
            }
            while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
                rows.remove(rows.size() - 1);
            }
            return new Table(header, rows);
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
