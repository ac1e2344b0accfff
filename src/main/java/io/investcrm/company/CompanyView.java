package io.investcrm.company;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** A company as clients see it (never the entity itself). */
public record CompanyView(
        Long id,
        int version,
        String displayName,
        String nameZh,
        String nameEn,
        String nameTc,
        String creditCode,
        String hkCompanyNo,
        String lei,
        String hqCountry,
        String hqCity,
        EntityRole entityRole,
        Long parentId,
        Long groupId,
        String presenceSought,
        String businessActivities,
        List<String> industries,
        BigDecimal revenueCnyM,
        Integer headcount,
        Integer spaceNeedSqm,
        String preferredZone,
        String website,
        Long survivorId,
        LocalDateTime createdAt,
        String createdBy,
        LocalDateTime updatedAt,
        String updatedBy) {

    public static CompanyView from(Company c) {
        return new CompanyView(c.id, c.version, c.displayName(), c.nameZh, c.nameEn, c.nameTc, c.creditCode,
                c.hkCompanyNo, c.lei, c.hqCountry, c.hqCity, c.entityRole, c.parentId, c.groupId, c.presenceSought,
                c.businessActivities, c.industries.stream().sorted().toList(), c.revenueCnyM, c.headcount,
                c.spaceNeedSqm, c.preferredZone, c.website, c.survivorId, c.createdAt, c.createdBy, c.updatedAt,
                c.updatedBy);
    }
}
