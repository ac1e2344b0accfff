package io.investcrm.goals;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Input of the goals API and pages. */
public final class GoalForms {

    private GoalForms() {
    }

    /** A manager's own target: a count of landings in a year, optionally under a plan target's rule, a zone and a team. */
    public record TargetForm(@NotBlank @Size(max = 255) String name, @Size(max = 64) String planTargetCode,
            @Size(max = 64) String zoneCode, @Size(max = 32) String teamCode,
            @NotNull @Min(2000) @Max(2100) Integer year, @NotNull @Min(1) @Max(100000) Integer count) {
    }

    public record LicenceForm(@NotNull Long companyId,
            @NotBlank @Pattern(regexp = "FINANCIAL_LICENCE|HIGH_TECH_CERTIFICATE") String type,
            @NotBlank @Size(max = 64) String number, @Size(max = 255) String issuer, LocalDate validFrom,
            LocalDate validTo) {
    }
}
