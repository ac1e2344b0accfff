package io.investcrm.company;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a person may write about a company (API body and page form alike). Messages are bundle keys.
 * {@code version} is the version the person saw; a stale one answers 409.
 */
public record CompanyForm(
        @Size(max = 255, message = "validation.too-long") String nameZh,
        @Size(max = 255, message = "validation.too-long") String nameEn,
        @Size(max = 255, message = "validation.too-long") String nameTc,
        @Size(max = 24, message = "validation.too-long") String creditCode,
        @Size(max = 16, message = "validation.too-long") String hkCompanyNo,
        @Size(max = 24, message = "validation.too-long") String lei,
        @Pattern(regexp = "^$|^[A-Z]{2}$", message = "company.hq-country.invalid") String hqCountry,
        @Size(max = 128, message = "validation.too-long") String hqCity,
        EntityRole entityRole,
        Long parentId,
        @Pattern(regexp = "^$|^(GLOBAL_HQ|REGIONAL_HQ|FUNCTIONAL_HQ|RD_CENTER|BRANCH)$", message = "company.presence.invalid") String presenceSought,
        @Size(max = 2000, message = "validation.too-long") String businessActivities,
        List<@Size(max = 128, message = "validation.too-long") String> industries,
        @DecimalMin(value = "0", message = "validation.not-negative") BigDecimal revenueCnyM,
        @Min(value = 0, message = "validation.not-negative") @Max(value = 10_000_000, message = "validation.too-large") Integer headcount,
        @Min(value = 0, message = "validation.not-negative") @Max(value = 10_000_000, message = "validation.too-large") Integer spaceNeedSqm,
        @Size(max = 64, message = "validation.too-long") String preferredZone,
        @Pattern(regexp = "^$|^https?://\\S{1,240}$", message = "company.website.invalid") String website,
        Integer version) {

    public static CompanyForm empty() {
        return new CompanyForm(null, null, null, null, null, null, "CN", null, EntityRole.STANDALONE, null, null, null,
                List.of(), null, null, null, null, null, null);
    }

    public static CompanyForm of(Company c) {
        return new CompanyForm(c.nameZh, c.nameEn, c.nameTc, c.creditCode, c.hkCompanyNo, c.lei, c.hqCountry, c.hqCity,
                c.entityRole, c.parentId, c.presenceSought, c.businessActivities, List.copyOf(c.industries), c.revenueCnyM,
                c.headcount, c.spaceNeedSqm, c.preferredZone, c.website, c.version);
    }
}
