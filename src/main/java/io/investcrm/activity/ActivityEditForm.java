package io.investcrm.activity;

import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A correction of a logged activity: its facts as they should read, and the {@code version} that was read (a stale
 * one → 409). Follow-ups are tasks of their own and are not part of the correction.
 */
public record ActivityEditForm(
        Integer version,
        @NotNull(message = "validation.required") ActivityKind kind,
        @NotNull(message = "validation.required") LocalDateTime occurredAt,
        @Size(max = 255, message = "validation.too-long") String place,
        @NotEmpty(message = "activity.companies.required") List<Long> companyIds,
        List<Long> contactIds,
        List<@Size(max = 64, message = "validation.too-long") String> officers,
        @NotBlank(message = "activity.summary.required") @Size(max = 4000, message = "validation.too-long") String summary,
        @Size(max = 2000, message = "validation.too-long") String outcome,
        @Size(max = 1000, message = "validation.too-long") String nextStep) {

    /** The same facts as a log form, for the checks both share. */
    ActivityForm asLog() {
        return new ActivityForm(kind, occurredAt, place, companyIds, contactIds, officers, summary, outcome, nextStep, List.of());
    }
}
