package io.investcrm.offer;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An offer as clients write it (API body and page form alike); messages are bundle keys. The fields of the other
 * kind are ignored (and cleared); which fields a kind needs is checked by the service. {@code companyId} is read on
 * create only; {@code version} is required on update.
 */
public record OfferForm(
        Long companyId,
        @NotNull(message = "validation.required") OfferKind kind,
        @NotBlank(message = "validation.required") @Size(max = 255, message = "validation.too-long") String title,
        @Size(max = 64, message = "validation.too-long") String zoneCode,
        @Size(max = 255, message = "validation.too-long") String building,
        @DecimalMin(value = "0.01", message = "offer.positive") @Digits(integer = 8, fraction = 2, message = "offer.digits") BigDecimal floorAreaSqm,
        @DecimalMin(value = "0", message = "validation.not-negative") @Digits(integer = 8, fraction = 2, message = "offer.digits") BigDecimal rentPerSqmMonth,
        @Min(value = 0, message = "validation.not-negative") @Max(value = 120, message = "validation.too-large") Integer rentFreeMonths,
        @DecimalMin(value = "0.01", message = "offer.positive") @Digits(integer = 13, fraction = 2, message = "offer.digits") BigDecimal subsidyAmountCny,
        @Size(max = 1000, message = "validation.too-long") String policyBasis,
        @NotNull(message = "validation.required") @Min(value = 1, message = "offer.positive") @Max(value = 600, message = "validation.too-large") Integer termMonths,
        @Size(max = 4000, message = "validation.too-long") String conditions,
        Integer version) {

    /** An empty form for a company (the page's "make an offer"). */
    public static OfferForm forCompany(Long companyId) {
        return new OfferForm(companyId, OfferKind.SPACE, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The form filled with an offer's current terms (the page's edit form). */
    public static OfferForm of(OfferView o) {
        return new OfferForm(o.companyId(), o.kind(), o.title(), o.zoneCode(), o.building(), o.floorAreaSqm(),
                o.rentPerSqmMonth(), o.rentFreeMonths(), o.subsidyAmountCny(), o.policyBasis(), o.termMonths(),
                o.conditions(), o.version());
    }
}
