package io.investcrm.offer.budget;

import java.math.BigDecimal;

/** A policy's budget for a year: how much, how much approvals committed, how much remains. */
public record PolicyView(Long id, int version, String code, String name, String clause, int budgetYear,
        BigDecimal budgetCny, BigDecimal committedCny, BigDecimal remainingCny) {

    static PolicyView from(SubsidyPolicy p) {
        return new PolicyView(p.id, p.version, p.code, p.name, p.clause, p.budgetYear, p.budgetCny, p.committedCny,
                p.remainingCny());
    }
}
