package io.investcrm.company.imports;

import java.time.LocalDateTime;
import java.util.List;

/**
 * An import as clients see it: progress ({@code processed}/{@code total}), and the rows with errors or probable
 * duplicates, messages in the reader's language; {@code filePurged}: the uploaded file is gone (run ended or abandoned).
 */
public record ImportView(long id, ImportKind kind, String fileName, ImportStatus status, int total, int processed,
        int errorRows, int duplicateRows, int imported, List<Integer> skipped, String failure, Long rankingId,
        LocalDateTime createdAt, String createdBy, LocalDateTime finishedAt, boolean filePurged, List<Row> rows) {

    /** A reported row. */
    public record Row(int row, String label, List<Message> errors, List<Duplicate> duplicates) {
    }

    /** A localized problem. */
    public record Message(String field, String code, String message) {
    }

    /** A probable duplicate, with its reasons in words. */
    public record Duplicate(long companyId, String displayName, String confidence, List<String> reasons) {
    }

    public int percent() {
        return total == 0 ? 100 : processed * 100 / total;
    }

    public boolean running() {
        return status == ImportStatus.RUNNING;
    }
}
