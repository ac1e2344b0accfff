package io.investcrm.offer.approval;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Lend one of my deciding roles to a colleague for a time (office time). */
public record DelegationForm(
        @NotBlank(message = "validation.required") @Size(max = 64, message = "validation.too-long") String delegate,
        @NotBlank(message = "validation.required") @Size(max = 32, message = "validation.too-long") String role,
        @NotNull(message = "validation.required") LocalDateTime startsAt,
        @NotNull(message = "validation.required") LocalDateTime endsAt) {
}
