package io.investcrm.activity;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One item of a company's timeline: an activity, a pipeline event (start, stage change, status, owner,
 * verification) or an offer event (its {@code offerId}, with the offer's title as summary). {@code type} says which;
 * the other fields are filled as they apply.
 */
public record TimelineEntry(String type, LocalDateTime at, String actor, String kind, String from, String to,
        String note, Long activityId, String place, String summary, String outcome, String nextStep,
        int contactCount, List<String> officers, Long offerId) {

    public static final String ACTIVITY = "ACTIVITY";
    public static final String PIPELINE = "PIPELINE";
    public static final String OFFER = "OFFER";

    public boolean isActivity() {
        return ACTIVITY.equals(type);
    }

    public boolean isOffer() {
        return OFFER.equals(type);
    }

    /** An offer's transition: what happened to which offer, from and to which status. */
    public static TimelineEntry offer(LocalDateTime at, String actor, String action, String from, String to, String note,
            long offerId, String title) {
        return new TimelineEntry(OFFER, at, actor, action, from, to, note, null, null, title, null, null, 0, List.of(),
                offerId);
    }
}
