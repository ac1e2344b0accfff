package io.investcrm.activity;

/** How the office met the firm: a call, a meeting, our visit, their visit or site tour, an event or roadshow, mail. */
public enum ActivityKind {
    PHONE, MEETING, VISIT, HOSTED_VISIT, EVENT, EMAIL
}
