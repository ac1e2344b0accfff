package io.investcrm.company.imports;

import java.util.List;

import io.investcrm.company.DuplicateView;

/**
 * The dry run's finding on one row: its line in the file, a label (the firm or person), what is wrong with it
 * (message keys with arguments) and the records it probably duplicates.
 */
public record RowReport(int row, String label, List<Problem> errors, List<DuplicateView> duplicates) {

    /** A field and the message key (with arguments) of what is wrong with it. */
    public record Problem(String field, String key, List<String> args) {
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
