package io.investcrm.company;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asked before a merge: each feature counts the loser's rows it would move (the same observers as {@link CompanyMerged},
 * read-only). Keys: {@code contacts}, {@code activities}, {@code followUps}, {@code rankingEntries}, {@code prospect}
 * (NONE, MOVE or EVENTS), {@code prospectEvents}, {@code offers}.
 */
public final class CompanyMergePreview {

    private final long survivorId;
    private final long loserId;
    private final Map<String, Object> counts = new LinkedHashMap<>();

    CompanyMergePreview(long survivorId, long loserId) {
        this.survivorId = survivorId;
        this.loserId = loserId;
    }

    public long survivorId() {
        return survivorId;
    }

    public long loserId() {
        return loserId;
    }

    public void count(String what, Object value) {
        counts.put(what, value);
    }

    long number(String what) {
        Object v = counts.get(what);
        return v == null ? 0 : ((Number) v).longValue();
    }

    String text(String what, String absent) {
        Object v = counts.get(what);
        return v == null ? absent : v.toString();
    }
}
