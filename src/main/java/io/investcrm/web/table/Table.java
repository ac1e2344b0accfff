package io.investcrm.web.table;

import java.util.List;
import java.util.Map;

/**
 * A spreadsheet read into memory: the header as written and the data rows as column → text, in file order.
 * {@code rowNumber(i)} is the line a person sees in Excel (the header is line 1).
 */
public record Table(List<String> header, List<Map<String, String>> rows) {

    public static int rowNumber(int index) {
        return index + 2;
    }
}
