package io.investcrm.company.ranking;

import java.math.BigDecimal;

/** An entry with its link and, when linked, where the firm stands in the pipeline. */
public record EntryView(long id, long listId, int rank, String name, String nameEn, String creditCode, String hkCompanyNo,
        String lei, Long companyId, String companyName, LinkStatus linkStatus, BigDecimal linkScore, String linkReason,
        String coverage, String stage) {
}
