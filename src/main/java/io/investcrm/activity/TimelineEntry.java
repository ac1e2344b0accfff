package io.investcrm.activity;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One item of a company's timeline: an activity, or a pipeline event (start, stage change, status, owner,
 * verification). {@code type} says which; the other fields are filled as they apply.
 */
public record TimelineEntry(String type, LocalDateTime at, String actor, String kind, String from, String to,
        String note, Long activityId, String place, String summary, String outcome, String nextStep,
        int contactCount, List<String> officers) {

    public static final String ACTIVITY = "ACTIVITY";
    public static final String PIPELINE = "PIPELINE";

    public boolean isActivity() {
        return ACTIVITY.equals(type);
    }
}
