package io.investcrm.offer;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The approval thresholds and who decides each step; defaults here, overridable in application.properties. */
@ConfigMapping(prefix = "investcrm.offer")
public interface OfferConfig {

    /** A subsidy above this amount (CNY) needs the second step. */
    @WithDefault("1000000")
    BigDecimal subsidySecondStepAboveCny();

    /** Office space above this floor area (m²) needs the second step. */
    @WithDefault("2000")
    BigDecimal spaceSecondStepAboveSqm();

    /** The role that decides the first step of every offer. */
    @WithDefault("approver")
    String firstStepRole();

    /** The role that decides the second step, after the first. */
    @WithDefault("manager")
    String secondStepRole();

    default ApprovalPolicy policy() {
        return new ApprovalPolicy(subsidySecondStepAboveCny(), spaceSecondStepAboveSqm(), firstStepRole(), secondStepRole());
    }
}
