package io.investcrm.offer.budget;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A policy's budget for a year as an admin writes it; {@code version} on update. */
public record PolicyForm(
        @NotBlank(message = "validation.required") @Size(max = 64, message = "validation.too-long") String code,
        @NotBlank(message = "validation.required") @Size(max = 255, message = "validation.too-long") String name,
        @Size(max = 1000, message = "validation.too-long") String clause,
        @NotNull(message = "validation.required") @Min(value = 2000, message = "budget.year.range") @Max(value = 2100, message = "budget.year.range") Integer budgetYear,
        @NotNull(message = "validation.required") @DecimalMin(value = "0", message = "validation.not-negative") @Digits(integer = 13, fraction = 2, message = "offer.digits") BigDecimal budgetCny,
        Integer version) {
}
