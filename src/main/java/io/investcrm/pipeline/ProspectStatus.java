package io.investcrm.pipeline;

/** How the pursuit stands, independent of its stage: a prospect can be on hold in any stage. */
public enum ProspectStatus {
    ACTIVE, ON_HOLD, LOST, ABANDONED, DEPARTED;

    /** Closed pursuits move no further; they can only be reopened (LOST, ABANDONED) or stay closed (DEPARTED). */
    public boolean isClosed() {
        return this == LOST || this == ABANDONED || this == DEPARTED;
    }
}
