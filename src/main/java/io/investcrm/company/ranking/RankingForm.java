package io.investcrm.company.ranking;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.investcrm.plan.model.RankingScope;

/** A ranking list's header: code and year identify it; the field is an industry code of the plan. */
public record RankingForm(
        @NotBlank(message = "validation.required") @Pattern(regexp = "^[a-z0-9][a-z0-9.-]{1,63}$", message = "ranking.code.invalid") String code,
        @NotNull(message = "validation.required") @Min(value = 1990, message = "ranking.year.invalid") @Max(value = 2100, message = "ranking.year.invalid") Integer year,
        @NotBlank(message = "validation.required") @Size(max = 255, message = "validation.too-long") String nameZh,
        @NotBlank(message = "validation.required") @Size(max = 255, message = "validation.too-long") String nameEn,
        @NotNull(message = "validation.required") RankingScope scope,
        @Size(max = 128, message = "validation.too-long") String fieldCode,
        @Size(max = 255, message = "validation.too-long") String source) {
}
