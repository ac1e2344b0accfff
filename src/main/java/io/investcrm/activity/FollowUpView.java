package io.investcrm.activity;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A follow-up task as its assignee sees it. */
public record FollowUpView(Long id, String title, String assignee, LocalDate dueOn, Long companyId,
        String companyName, Long activityId, boolean done, LocalDateTime doneAt, boolean overdue, long daysOverdue,
        LocalDateTime remindedAt, LocalDateTime escalatedAt) {

    static FollowUpView from(FollowUp f, String companyName, LocalDate today) {
        return new FollowUpView(f.id, f.title, f.assignee, f.dueOn, f.companyId, companyName, f.activityId,
                f.doneAt != null, f.doneAt, f.isOverdue(today), f.daysOverdue(today), f.remindedAt, f.escalatedAt);
    }
}
