package io.investcrm.offer.space;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import io.investcrm.core.DomainException;
import io.investcrm.core.Invalid;
import io.investcrm.core.DomainException.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Reads the space inventory from an XLSX workbook (first sheet; a header row names the columns in Chinese or English,
 * in any order) and writes it all or nothing: every row is checked first, and one bad row refuses the file with each
 * bad row's violations ({@code row 3: totalAreaSqm}). Rows are matched to existing buildings by zone and name.
 */
@ApplicationScoped
public class SpaceImporter {

    /** Import result: how many rows were written. */
    public record Result(int rows) {
    }

    /** Header names (lower case) → form field. */
    static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("zone", "zoneCode"), Map.entry("zonecode", "zoneCode"), Map.entry("片区", "zoneCode"),
            Map.entry("name", "name"), Map.entry("楼宇", "name"), Map.entry("名称", "name"),
            Map.entry("address", "address"), Map.entry("地址", "address"),
            Map.entry("owner", "ownerType"), Map.entry("ownertype", "ownerType"), Map.entry("产权", "ownerType"),
            Map.entry("grade", "grade"), Map.entry("等级", "grade"),
            Map.entry("total", "totalAreaSqm"), Map.entry("totalareasqm", "totalAreaSqm"), Map.entry("总面积", "totalAreaSqm"),
            Map.entry("vacant", "vacantAreaSqm"), Map.entry("vacantareasqm", "vacantAreaSqm"),
            Map.entry("可招商面积", "vacantAreaSqm"),
            Map.entry("floors", "floors"), Map.entry("楼层", "floors"), Map.entry("units", "units"), Map.entry("单元", "units"),
            Map.entry("rent", "listedRentPerSqmMonth"), Map.entry("listedrentpersqmmonth", "listedRentPerSqmMonth"),
            Map.entry("挂牌租金", "listedRentPerSqmMonth"),
            Map.entry("industries", "industries"), Map.entry("适合产业", "industries"));

    @Inject
    SpaceService space;

    @Inject
    Validator validator;

    @Transactional
    public Result importFile(Path file) {
        if (file == null) {
            throw Invalid.request("request.empty");
        }
        try {
            return importBytes(Files.readAllBytes(file));
        } catch (IOException e) {
            throw Invalid.format("space.import.unreadable");
        }
    }

    @Transactional
    public Result importBytes(byte[] body) {
        if (body == null || body.length == 0) {
            throw Invalid.request("request.empty");
        }
        try {
            return importStream(new java.io.ByteArrayInputStream(body));
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw Invalid.format("space.import.unreadable");
        }
    }

    @Transactional
    public Result importStream(InputStream in) throws IOException {
        List<BuildingForm> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter fmt = new DataFormatter(Locale.ROOT);
            Map<String, Integer> columns = new HashMap<>();
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                throw Invalid.request("space.import.empty");
            }
            for (Cell c : header) {
                String field = HEADERS.get(fmt.formatCellValue(c).trim().toLowerCase(Locale.ROOT).replace(" ", ""));
                if (field != null) {
                    columns.put(field, c.getColumnIndex());
                }
            }
            for (String required : List.of("zoneCode", "name", "ownerType", "totalAreaSqm", "vacantAreaSqm")) {
                if (!columns.containsKey(required)) {
                    errors.add(new FieldError("header", "space.import.missing-column", required));
                }
            }
            if (!errors.isEmpty()) {
                throw DomainException.invalid(errors);
            }
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || isBlank(row, fmt)) {
                    continue;
                }
                String label = "row " + (r + 1);
                Map<String, String> v = new HashMap<>();
                columns.forEach((field, col) -> v.put(field, text(row.getCell(col), fmt)));
                List<FieldError> rowErrors = new ArrayList<>();
                BuildingForm form = new BuildingForm(v.get("zoneCode"), v.get("name"), v.get("address"),
                        owner(v.get("ownerType"), label, rowErrors), v.get("grade"),
                        decimal(v.get("totalAreaSqm"), label + ": totalAreaSqm", rowErrors),
                        decimal(v.get("vacantAreaSqm"), label + ": vacantAreaSqm", rowErrors),
                        integer(v.get("floors"), label + ": floors", rowErrors),
                        integer(v.get("units"), label + ": units", rowErrors),
                        decimal(v.get("listedRentPerSqmMonth"), label + ": listedRentPerSqmMonth", rowErrors),
                        v.get("industries"), null);
                for (ConstraintViolation<BuildingForm> cv : validator.validate(form)) {
                    rowErrors.add(new FieldError(label + ": " + cv.getPropertyPath(), cv.getMessage()));
                }
                for (FieldError e : space.errors(form)) {
                    rowErrors.add(new FieldError(label + ": " + e.field(), e.messageKey(), e.args()));
                }
                errors.addAll(rowErrors);
                rows.add(form);
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        if (rows.isEmpty()) {
            throw Invalid.request("space.import.empty");
        }
        return new Result(space.upsertAll(rows));
    }

    private static boolean isBlank(Row row, DataFormatter fmt) {
        for (Cell c : row) {
            if (!fmt.formatCellValue(c).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String text(Cell c, DataFormatter fmt) {
        if (c == null) {
            return null;
        }
        String s = c.getCellType() == CellType.NUMERIC ? BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros()
                .toPlainString() : fmt.formatCellValue(c);
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static OwnerType owner(String s, String label, List<FieldError> errors) {
        if (s == null) {
            return null;
        }
        String t = s.trim().toUpperCase(Locale.ROOT);
        if (t.equals("GOVERNMENT") || s.contains("国有") || s.contains("政府")) {
            return OwnerType.GOVERNMENT;
        }
        if (t.equals("PARTNER") || s.contains("合作")) {
            return OwnerType.PARTNER;
        }
        errors.add(new FieldError(label + ": ownerType", "space.owner.unknown", s));
        return null;
    }

    private static BigDecimal decimal(String s, String field, List<FieldError> errors) {
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "validation.not-a-number"));
            return null;
        }
    }

    private static Integer integer(String s, String field, List<FieldError> errors) {
        BigDecimal d = decimal(s, field, errors);
        if (d == null) {
            return null;
        }
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            errors.add(new FieldError(field, "validation.not-a-number"));
            return null;
        }
    }
}
