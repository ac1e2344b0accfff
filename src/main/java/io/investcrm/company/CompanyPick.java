package io.investcrm.company;

/** One answer of the company pickers' type-ahead: enough to tell two similar names apart, nothing more. */
public record CompanyPick(Long id, String name, String nameEn, String creditCode, String city) {

    static CompanyPick from(CompanySummary s) {
        String en = s.nameEn() != null && !s.nameEn().equals(s.displayName()) ? s.nameEn() : null;
        return new CompanyPick(s.id(), s.displayName(), en, s.creditCode(), s.hqCity());
    }
}
