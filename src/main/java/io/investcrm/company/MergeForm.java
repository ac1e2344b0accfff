package io.investcrm.company;

import jakarta.validation.constraints.NotNull;

/** Merge {@code loserId} into {@code survivorId}; the versions are the ones the person previewed (stale → 409). */
public record MergeForm(
        @NotNull(message = "validation.required") Long survivorId,
        @NotNull(message = "validation.required") Long loserId,
        @NotNull(message = "validation.required") Integer survivorVersion,
        @NotNull(message = "validation.required") Integer loserVersion) {
}
