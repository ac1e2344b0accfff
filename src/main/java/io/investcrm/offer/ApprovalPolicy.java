package io.investcrm.offer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Which approval steps an offer needs: one step by the first role; a second by the second role when a subsidy or
 * a floor area is above its threshold (the office's delegation of authority: large commitments of district money or
 * space go to a manager as well).
 */
public record ApprovalPolicy(BigDecimal subsidyAboveCny, BigDecimal spaceAboveSqm, String firstRole, String secondRole) {

    public ApprovalPolicy {
        Objects.requireNonNull(subsidyAboveCny);
        Objects.requireNonNull(spaceAboveSqm);
        Objects.requireNonNull(firstRole);
        Objects.requireNonNull(secondRole);
    }

    /** The roles of the steps, in order. */
    public List<String> steps(OfferKind kind, BigDecimal subsidyAmountCny, BigDecimal floorAreaSqm) {
        return needsSecondStep(kind, subsidyAmountCny, floorAreaSqm) ? List.of(firstRole, secondRole) : List.of(firstRole);
    }

    /** Strictly above the threshold: an offer of exactly the threshold stays with one step. */
    public boolean needsSecondStep(OfferKind kind, BigDecimal subsidyAmountCny, BigDecimal floorAreaSqm) {
        if (kind == OfferKind.SUBSIDY) {
            return subsidyAmountCny != null && subsidyAmountCny.compareTo(subsidyAboveCny) > 0;
        }
        return floorAreaSqm != null && floorAreaSqm.compareTo(spaceAboveSqm) > 0;
    }
}
