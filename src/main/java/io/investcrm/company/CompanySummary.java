package io.investcrm.company;

/** A row of the company list. */
public record CompanySummary(Long id, String displayName, String nameEn, String creditCode, String hqCountry,
        String hqCity, EntityRole entityRole, int version) {

    public static CompanySummary from(Company c) {
        return new CompanySummary(c.id, c.displayName(), c.nameEn, c.creditCode, c.hqCountry, c.hqCity, c.entityRole,
                c.version);
    }
}
