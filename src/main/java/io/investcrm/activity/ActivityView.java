package io.investcrm.activity;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A logged contact or visit; contacts appear as ids and masked names only (their details are the contacts feature's).
 * {@code correctable}: the caller may edit it; {@code deletableUntil}: set while the caller may still delete it.
 */
public record ActivityView(Long id, ActivityKind kind, LocalDateTime occurredAt, String place,
        List<CompanyRef> companies, List<Long> contactIds, int contactCount, List<String> contactNames, List<String> officers,
        String summary, String outcome, String nextStep, String createdBy, LocalDateTime createdAt,
        List<FollowUpView> followUps, int version, String updatedBy, LocalDateTime updatedAt, boolean correctable,
        LocalDateTime deletableUntil) {

    /** The caller may still delete it (author or manager, within the grace period). */
    public boolean isDeletable() {
        return deletableUntil != null;
    }

    public record CompanyRef(Long id, String name) {
    }
}
