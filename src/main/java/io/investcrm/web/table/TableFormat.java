package io.investcrm.web.table;

import java.util.Locale;

import io.investcrm.core.Invalid;

/** The two file formats of import and export. */
public enum TableFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    TableFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** From a file name's extension. */
    public static TableFormat ofFileName(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv") || n.endsWith(".txt")) {
            return CSV;
        }
        if (n.endsWith(".xlsx")) {
            return XLSX;
        }
        throw Invalid.format("import.format.unsupported");
    }

    /** From a {@code format} query parameter; CSV when absent. */
    public static TableFormat of(String value) {
        if (value == null || value.isBlank()) {
            return CSV;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Invalid.request("import.format.unsupported");
        }
    }
}
