package io.investcrm.company;

import java.util.Map;

/**
 * A merge, announced synchronously inside its transaction: each feature moves the loser's rows it owns to the survivor
 * and says how many it moved (the merge's audit record lists them). Observers run in this order (their
 * {@code @Priority}): contacts 10, activities and follow-ups 20, ranking entries 30, the pursuit 40, offers 50.
 */
public final class CompanyMerged {

    private final long survivorId;
    private final long loserId;
    private final Map<String, Object> moved;

    CompanyMerged(long survivorId, long loserId, Map<String, Object> moved) {
        this.survivorId = survivorId;
        this.loserId = loserId;
        this.moved = moved;
    }

    public long survivorId() {
        return survivorId;
    }

    public long loserId() {
        return loserId;
    }

    /** What an observer moved, under a key of the audit record (e.g. {@code contacts}). */
    public void moved(String what, Object count) {
        moved.put(what, count);
    }
}
