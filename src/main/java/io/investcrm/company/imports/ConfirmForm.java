package io.investcrm.company.imports;

import java.util.List;

import jakarta.validation.constraints.NotNull;

/** Run a checked import: ALL rows (all-or-nothing), or all but the SKIP-listed row numbers. */
public record ConfirmForm(@NotNull(message = "validation.required") Mode mode, List<Integer> skipRows) {

    /** How to treat the rows. */
    public enum Mode {
        ALL, SKIP
    }
}
