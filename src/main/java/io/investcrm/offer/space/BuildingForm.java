package io.investcrm.offer.space;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A building as an admin writes it (API body, page form and import row alike); {@code version} on update. */
public record BuildingForm(
        @NotBlank(message = "validation.required") @Size(max = 64, message = "validation.too-long") String zoneCode,
        @NotBlank(message = "validation.required") @Size(max = 255, message = "validation.too-long") String name,
        @Size(max = 500, message = "validation.too-long") String address,
        @NotNull(message = "validation.required") OwnerType ownerType,
        @Size(max = 16, message = "validation.too-long") String grade,
        @NotNull(message = "validation.required") @DecimalMin(value = "0.01", message = "offer.positive") @Digits(integer = 10, fraction = 2, message = "offer.digits") BigDecimal totalAreaSqm,
        @NotNull(message = "validation.required") @DecimalMin(value = "0", message = "validation.not-negative") @Digits(integer = 10, fraction = 2, message = "offer.digits") BigDecimal vacantAreaSqm,
        @Min(value = 0, message = "validation.not-negative") Integer floors,
        @Min(value = 0, message = "validation.not-negative") Integer units,
        @DecimalMin(value = "0", message = "validation.not-negative") @Digits(integer = 8, fraction = 2, message = "offer.digits") BigDecimal listedRentPerSqmMonth,
        @Size(max = 1000, message = "validation.too-long") String industries,
        Integer version) {
}
