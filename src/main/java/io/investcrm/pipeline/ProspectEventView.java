package io.investcrm.pipeline;

import java.time.LocalDateTime;

/**
 * A row of a prospect's history as clients see it. For a stage change, {@code daysInPreviousStage} is how long the
 * prospect stayed in the stage it left (time in stage, per stage); null for other kinds.
 */
public record ProspectEventView(Long id, EventKind kind, String from, String to, String actor, LocalDateTime at,
        String note, Long daysInPreviousStage) {

    static ProspectEventView from(ProspectEvent e, Long daysInPreviousStage) {
        return new ProspectEventView(e.id, e.kind, e.fromValue, e.toValue, e.actor, e.occurredAt, e.note, daysInPreviousStage);
    }
}
