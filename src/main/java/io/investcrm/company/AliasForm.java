package io.investcrm.company;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Another name for a company. */
public record AliasForm(
        @NotNull(message = "validation.required") CompanyAlias.Kind kind,
        @NotBlank(message = "validation.required") @Size(max = 255, message = "validation.too-long") String name) {
}
