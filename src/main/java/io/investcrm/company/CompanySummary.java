package io.investcrm.company;

import java.math.BigInteger;

/** A row of the company list, with where its pursuit stands (null stage: nobody pursues it yet). */
public record CompanySummary(Long id, String displayName, String nameEn, String creditCode, String hqCountry,
        String hqCity, EntityRole entityRole, int version, String stage, String owner, String preferredZone) {

    public static CompanySummary from(Company c) {
        return new CompanySummary(c.id, c.displayName(), c.nameEn, c.creditCode, c.hqCountry, c.hqCity, c.entityRole,
                c.version, null, null, c.preferredZone);
    }

    /** A row of {@link CompanySearchSql#COLUMNS}. */
    static CompanySummary fromRow(Object[] r) {
        String en = (String) r[2];
        return new CompanySummary(toLong(r[0]), Company.displayName((String) r[1], en), en, (String) r[3],
                (String) r[4], (String) r[5], EntityRole.valueOf((String) r[6]), ((Number) r[7]).intValue(),
                (String) r[8], (String) r[9], (String) r[10]);
    }

    static long toLong(Object o) {
        return o instanceof BigInteger b ? b.longValue() : ((Number) o).longValue();
    }
}
