package io.investcrm.offer.approval;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.investcrm.offer.OfferKind;

/**
 * Which approval steps an offer needs (the office's delegation of authority, plan 八(二)): the first tier of its kind
 * whose limits all hold for the CUMULATIVE area, discount or amount decides; above every limited tier, the last tier.
 * Cumulative means what the same company group was offered over the configured period plus this offer, so an offer
 * split in two lands in the same tier as the whole.
 */
public record ApprovalRouting(List<Tier> space, List<Tier> subsidy, Map<String, StepRule> steps) {

    /** One tier: its limits (null: no limit of that kind) and the steps, in order, that it asks for. */
    public record Tier(BigDecimal maxAreaSqm, BigDecimal maxDiscountPct, BigDecimal maxAmountCny, List<String> steps) {

        public Tier {
            steps = List.copyOf(steps);
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("an approval tier needs at least one step");
            }
        }

        boolean admits(BigDecimal area, BigDecimal discount, BigDecimal amount) {
            return within(area, maxAreaSqm) && within(discount, maxDiscountPct) && within(amount, maxAmountCny);
        }

        /** Up to and including the limit: exactly the limit stays in this tier. */
        private static boolean within(BigDecimal value, BigDecimal max) {
            return max == null || value == null || value.compareTo(max) <= 0;
        }
    }

    /** A named step (section chief, district leader, collective decision): the realm role that decides it. */
    public record StepRule(String name, String role, boolean meetingRequired, int serviceHours) {
        public StepRule {
            Objects.requireNonNull(name);
            Objects.requireNonNull(role);
        }
    }

    public ApprovalRouting {
        space = List.copyOf(space);
        subsidy = List.copyOf(subsidy);
        steps = Map.copyOf(steps);
        for (Tier t : concat(space, subsidy)) {
            for (String s : t.steps()) {
                if (!steps.containsKey(s)) {
                    throw new IllegalArgumentException("approval tier names an unknown step: " + s);
                }
            }
        }
        if (space.isEmpty() || subsidy.isEmpty()) {
            throw new IllegalArgumentException("each kind of offer needs at least one approval tier");
        }
    }

    /**
     * The steps for an offer of this kind.
     *
     * @param cumulativeArea the group's area offered in the period, this offer included (space)
     * @param discountPct this offer's discount on the listed rent (space)
     * @param cumulativeAmount the group's subsidies offered in the period, this offer included (subsidy)
     */
    public List<StepRule> route(OfferKind kind, BigDecimal cumulativeArea, BigDecimal discountPct,
            BigDecimal cumulativeAmount) {
        List<Tier> tiers = kind == OfferKind.SPACE ? space : subsidy;
        BigDecimal area = kind == OfferKind.SPACE ? cumulativeArea : null;
        BigDecimal discount = kind == OfferKind.SPACE ? discountPct : null;
        BigDecimal amount = kind == OfferKind.SUBSIDY ? cumulativeAmount : null;
        Tier tier = tiers.stream().filter(t -> t.admits(area, discount, amount)).findFirst()
                .orElse(tiers.get(tiers.size() - 1));
        return tier.steps().stream().map(steps::get).toList();
    }

    /** Every realm role that decides some step (who sees the approval inbox). */
    public List<String> deciderRoles() {
        return steps.values().stream().map(StepRule::role).distinct().sorted().toList();
    }

    private static List<Tier> concat(List<Tier> a, List<Tier> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
