package io.investcrm.company;

import java.time.LocalDateTime;
import java.util.List;

import io.investcrm.audit.AuditEvent;

/** One entry of a record's field-level history. */
public record HistoryView(LocalDateTime at, String actor, String action, String detail, List<Change> changes) {

    /** A field's value before and after. */
    public record Change(String field, String before, String after) {
    }

    public static HistoryView from(AuditEvent e) {
        return new HistoryView(e.occurredAt, e.actor, e.action, e.detail,
                e.changes.stream().map(c -> new Change(c.field, c.oldValue, c.newValue)).toList());
    }
}
