package io.investcrm.matching;

import java.time.LocalDateTime;

/**
 * Where the stored scores of a plan version stand: {@code REBUILDING} with {@code done} of {@code total} companies
 * scored, or {@code READY}; {@code sweptTo} is the last company change they include.
 */
public record MatchStateView(long planVersionId, String state, int total, int done, LocalDateTime sweptTo,
        LocalDateTime startedAt, LocalDateTime finishedAt) {
}
