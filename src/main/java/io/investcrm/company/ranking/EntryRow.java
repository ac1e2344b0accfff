package io.investcrm.company.ranking;

/** One entry as read from an import file, before it is linked. */
public record EntryRow(int rank, String name, String nameEn, String creditCode, String hkCompanyNo, String lei) {
}
