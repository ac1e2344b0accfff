package io.investcrm.offer;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
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
 * create only; {@code version} is required on update. A space offer naming a {@code buildingId} from the inventory
 * holds that building's area while it is decided; a subsidy naming a {@code policyId} draws on that policy's budget.
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
        Integer version,
        Long buildingId,
        @Size(max = 64, message = "validation.too-long") String unitLabel,
        @DecimalMin(value = "0", message = "validation.not-negative") @DecimalMax(value = "100", message = "validation.too-large") @Digits(integer = 3, fraction = 2, message = "offer.digits") BigDecimal discountPct,
        LocalDate startDate,
        SubsidyKind subsidyKind,
        Long policyId,
        @Min(value = 1, message = "offer.positive") @Max(value = 120, message = "validation.too-large") Integer instalments,
        @DecimalMin(value = "0", message = "validation.not-negative") @Digits(integer = 13, fraction = 2, message = "offer.digits") BigDecimal minLocalTaxCny,
        @Min(value = 0, message = "validation.not-negative") Integer minHeadcount,
        @Min(value = 0, message = "validation.not-negative") @Max(value = 50, message = "validation.too-large") Integer stayYears,
        @Size(max = 1000, message = "validation.too-long") String clawback) {

    /** The terms of the first version of the API (no inventory, no policy budget, no conditions). */
    public OfferForm(Long companyId, OfferKind kind, String title, String zoneCode, String building, BigDecimal floorAreaSqm,
            BigDecimal rentPerSqmMonth, Integer rentFreeMonths, BigDecimal subsidyAmountCny, String policyBasis,
            Integer termMonths, String conditions, Integer version) {
        this(companyId, kind, title, zoneCode, building, floorAreaSqm, rentPerSqmMonth, rentFreeMonths, subsidyAmountCny,
                policyBasis, termMonths, conditions, version, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** An empty form for a company (the page's "make an offer"). */
    public static OfferForm forCompany(Long companyId) {
        return new OfferForm(companyId, OfferKind.SPACE, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The form filled with an offer's current terms (the page's edit form). */
    public static OfferForm of(OfferView o) {
        return new OfferForm(o.companyId(), o.kind(), o.title(), o.zoneCode(), o.building(), o.floorAreaSqm(),
                o.rentPerSqmMonth(), o.rentFreeMonths(), o.subsidyAmountCny(), o.policyBasis(), o.termMonths(),
                o.conditions(), o.version(), o.buildingId(), o.unitLabel(), o.discountPct(), o.startDate(),
                o.subsidyKind(), o.policyId(), o.instalments(), o.minLocalTaxCny(), o.minHeadcount(), o.stayYears(),
                o.clawback());
    }

    /** The same terms placed in a building of the inventory (its zone and name come from there). */
    OfferForm inBuilding(String zone, String buildingName) {
        return new OfferForm(companyId, kind, title, zone, buildingName, floorAreaSqm, rentPerSqmMonth, rentFreeMonths,
                subsidyAmountCny, policyBasis, termMonths, conditions, version, buildingId, unitLabel, discountPct,
                startDate, subsidyKind, policyId, instalments, minLocalTaxCny, minHeadcount, stayYears, clawback);
    }
}
