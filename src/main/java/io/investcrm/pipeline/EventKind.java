package io.investcrm.pipeline;

/** What a row of a prospect's history records. */
public enum EventKind {
    STARTED, STAGE, STATUS, OWNER, LEADER, PROBABILITY, VERIFIED, REJECTED, RECLAIMED
}
