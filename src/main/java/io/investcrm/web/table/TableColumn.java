package io.investcrm.web.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A column of an import or export: its name (the API's field name), the headers people write in Chinese and English
 * (the export writes one of them), and other headers an office's spreadsheet may use for it.
 */
public record TableColumn(String name, String zh, String en, List<String> aliases) {

    public TableColumn {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public static TableColumn of(String name, String zh, String en, String... aliases) {
        return new TableColumn(name, zh, en, List.of(aliases));
    }

    /** The header an export writes: Chinese by default, English on request. */
    public String header(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }

    /** Header key (see {@link TableReader#key}) → column name, for every header these columns may be written with. */
    public static Map<String, String> headerAliases(List<TableColumn> columns) {
        Map<String, String> m = new LinkedHashMap<>();
        for (TableColumn c : columns) {
            m.putIfAbsent(TableReader.key(c.name()), c.name());
            m.putIfAbsent(TableReader.key(c.zh()), c.name());
            m.putIfAbsent(TableReader.key(c.en()), c.name());
            for (String a : c.aliases()) {
                m.putIfAbsent(TableReader.key(a), c.name());
            }
        }
        return m;
    }
}
