package io.investcrm.activity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A contact or visit to log (API body and the visit form alike). {@code occurredAt} is UTC like every timestamp of
 * the API (the pages convert from office time); empty means now. The logger is always among the officers present.
 */
public record ActivityForm(
        @NotNull(message = "validation.required") ActivityKind kind,
        LocalDateTime occurredAt,
        @Size(max = 255, message = "validation.too-long") String place,
        @NotEmpty(message = "activity.companies.required") List<Long> companyIds,
        List<Long> contactIds,
        List<@Size(max = 64, message = "validation.too-long") String> officers,
        @NotBlank(message = "activity.summary.required") @Size(max = 4000, message = "validation.too-long") String summary,
        @Size(max = 2000, message = "validation.too-long") String outcome,
        @Size(max = 1000, message = "validation.too-long") String nextStep,
        List<@Valid FollowUpForm> followUps) {

    /** A follow-up created with the activity; no assignee means the logger. */
    public record FollowUpForm(
            @NotBlank(message = "activity.follow-up.title.required") @Size(max = 500, message = "validation.too-long") String title,
            @Size(max = 64, message = "validation.too-long") String assignee,
            @NotNull(message = "activity.follow-up.due.required") LocalDate dueOn) {
    }

    public static ActivityForm visit(Long companyId) {
        return new ActivityForm(ActivityKind.VISIT, null, null, companyId == null ? List.of() : List.of(companyId),
                List.of(), List.of(), null, null, null, List.of());
    }
}
