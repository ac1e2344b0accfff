package io.investcrm.company.imports;

/**
 * An import's life: checked (dry run done), running, done, failed (nothing written), or abandoned (never confirmed,
 * or its file named a person who was erased): the file is dropped at the end of each (issue 13).
 */
public enum ImportStatus {
    CHECKED, RUNNING, DONE, FAILED, ABANDONED
}
