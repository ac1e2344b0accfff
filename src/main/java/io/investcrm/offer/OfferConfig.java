package io.investcrm.offer;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.investcrm.offer.approval.ApprovalRouting;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The approval tiers, their steps and the offer clocks (application.properties, "Offers"). A step names the realm role
 * that decides it, so the office maps its section chief, district leader and collective decision to the roles it has.
 */
@ConfigMapping(prefix = "investcrm.offer")
public interface OfferConfig {

    /** Offers to the same company group over this many days add up for the tier (splitting does not lower it). */
    @WithDefault("365")
    int cumulativeDays();

    /** A submitted offer holds its space this many days; undecided by then, it expires and the space is free. */
    @WithDefault("30")
    int holdDays();

    /** An issued offer letter stands this many days; unanswered by then, the offer expires. */
    @WithDefault("60")
    int letterValidDays();

    /** Pending decisions past their service time are escalated to this role (e-mail and notification). */
    @WithDefault("manager")
    String escalationRole();

    /**
     * Who hears of a decision arriving for a role: {@code investcrm.offer.role-mail.<role>=a@x,b@x} (the realm keeps
     * the roles, the office keeps its approvers' mailbox); whoever holds the role by delegation is told too.
     */
    Map<String, String> roleMail();

    /** The named steps: {@code investcrm.offer.steps.<name>.role=…}. */
    Map<String, Step> steps();

    /** Space tiers in order: {@code investcrm.offer.space-tiers[0].max-area-sqm=…}. */
    List<Tier> spaceTiers();

    /** Subsidy tiers in order: {@code investcrm.offer.subsidy-tiers[0].max-amount-cny=…}. */
    List<Tier> subsidyTiers();

    interface Step {
        String role();

        /** A collective decision: approving it needs the meeting's reference (会议纪要编号). */
        @WithDefault("false")
        boolean meetingRequired();

        /** Hours a decision may wait before it is escalated. */
        @WithDefault("72")
        int serviceHours();
    }

    interface Tier {
        Optional<BigDecimal> maxAreaSqm();

        Optional<BigDecimal> maxDiscountPct();

        Optional<BigDecimal> maxAmountCny();

        List<String> steps();
    }

    default ApprovalRouting routing() {
        Map<String, ApprovalRouting.StepRule> rules = new LinkedHashMap<>();
        steps().forEach((name, s) -> rules.put(name,
                new ApprovalRouting.StepRule(name, s.role(), s.meetingRequired(), s.serviceHours())));
        return new ApprovalRouting(spaceTiers().stream().map(OfferConfig::tier).toList(),
                subsidyTiers().stream().map(OfferConfig::tier).toList(), rules);
    }

    private static ApprovalRouting.Tier tier(Tier t) {
        return new ApprovalRouting.Tier(t.maxAreaSqm().orElse(null), t.maxDiscountPct().orElse(null),
                t.maxAmountCny().orElse(null), t.steps());
    }
}
