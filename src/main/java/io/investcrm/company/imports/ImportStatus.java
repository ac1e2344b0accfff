package io.investcrm.company.imports;

/** An import's life: checked (dry run done), running, done, or failed (nothing written). */
public enum ImportStatus {
    CHECKED, RUNNING, DONE, FAILED
}
