package io.investcrm.activity;

import java.time.LocalDateTime;
import java.util.List;

/** A logged contact or visit; contacts appear as ids and masked names only (their details are the contacts feature's). */
public record ActivityView(Long id, ActivityKind kind, LocalDateTime occurredAt, String place,
        List<CompanyRef> companies, List<Long> contactIds, int contactCount, List<String> contactNames, List<String> officers,
        String summary, String outcome, String nextStep, String createdBy, LocalDateTime createdAt,
        List<FollowUpView> followUps) {

    public record CompanyRef(Long id, String name) {
    }
}
