package io.investcrm.pipeline;

import java.time.LocalDateTime;

/** A row of a prospect's history as clients see it. */
public record ProspectEventView(Long id, EventKind kind, String from, String to, String actor, LocalDateTime at,
        String note) {

    public static ProspectEventView from(ProspectEvent e) {
        return new ProspectEventView(e.id, e.kind, e.fromValue, e.toValue, e.actor, e.occurredAt, e.note);
    }
}
