package io.investcrm.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.investcrm.core.DomainException;
import io.investcrm.web.ProblemMapper;

/** The offer's workflow and the approval thresholds as plain Java: every legal move, every refusal, nothing half-done. */
class OfferTransitionsTest {

    static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 2, 9, 0);
    static final ApprovalPolicy POLICY = new ApprovalPolicy(new BigDecimal("1000000"), new BigDecimal("2000"), "approver",
            "manager");
    static final Set<String> APPROVER = Set.of("approver");
    static final Set<String> MANAGER = Set.of("manager", "officer");

    static OfferForm space(String area) {
        return new OfferForm(7L, OfferKind.SPACE, "华强北研发楼层", "huaqiang-shangbu", "赛格广场 38 层",
                new BigDecimal(area), new BigDecimal("120.00"), 3, null, null, 36, "注册地须在福田", null);
    }

    static OfferForm subsidy(String amount) {
        return new OfferForm(7L, OfferKind.SUBSIDY, "总部落户奖励", null, null, null, null, null, new BigDecimal(amount),
                "福田区支持总部经济发展若干措施 第五条", 36, null, null);
    }

    static Offer draft(OfferForm form) {
        Offer o = Offer.draft(7L, 3L, form, "officer1", T0);
        o.id = 1L;
        return o;
    }

    static Offer submitted(OfferForm form) {
        Offer o = draft(form);
        o.submit(POLICY, "officer1", T0.plusHours(1));
        return o;
    }

    static DomainException refused(int status, String code, Executable action) {
        DomainException e = assertThrows(DomainException.class, action);
        assertEquals(status, ProblemMapper.status(e), e.code());
        assertEquals(code, e.code());
        return e;
    }

    @Test
    void thresholdsAreStrictlyAbove() {
        assertEquals(List.of("approver"), POLICY.steps(OfferKind.SUBSIDY, new BigDecimal("1000000.00"), null));
        assertEquals(List.of("approver", "manager"), POLICY.steps(OfferKind.SUBSIDY, new BigDecimal("1000000.01"), null));
        assertEquals(List.of("approver"), POLICY.steps(OfferKind.SPACE, null, new BigDecimal("2000")));
        assertEquals(List.of("approver", "manager"), POLICY.steps(OfferKind.SPACE, null, new BigDecimal("2000.5")));
        // the other kind's figure does not count
        assertEquals(List.of("approver"), POLICY.steps(OfferKind.SPACE, new BigDecimal("5000000"), new BigDecimal("100")));
        assertEquals(List.of("approver"), POLICY.steps(OfferKind.SUBSIDY, new BigDecimal("100"), new BigDecimal("9000")));
    }

    @Test
    void aDraftKeepsOnlyTheFieldsOfItsKind() {
        OfferForm mixed = new OfferForm(7L, OfferKind.SUBSIDY, " 人才补贴 ", "hetao", "某楼", new BigDecimal("10"),
                new BigDecimal("1"), 2, new BigDecimal("500000"), "人才政策", 12, " ", null);
        Offer o = draft(mixed);
        assertEquals(OfferStatus.DRAFT, o.status);
        assertEquals("人才补贴", o.title);
        assertNull(o.zoneCode);
        assertNull(o.floorAreaSqm);
        assertNull(o.rentFreeMonths);
        assertNull(o.conditions);
        assertEquals(new BigDecimal("500000.00"), o.subsidyAmountCny);
        assertEquals("officer1", o.owner);
    }

    @Test
    void eachKindNamesTheFactsItMisses() {
        OfferForm bareSpace = new OfferForm(7L, OfferKind.SPACE, "x", null, null, null, null, 40, null, null, 24, null, null);
        assertEquals(List.of("zoneCode", "building", "floorAreaSqm", "rentPerSqmMonth", "rentFreeMonths"),
                Offer.missingFacts(bareSpace).stream().map(DomainException.FieldError::field).toList());
        OfferForm bareSubsidy = new OfferForm(7L, OfferKind.SUBSIDY, "x", null, null, null, null, null, null, " ", 24, null, null);
        assertEquals(List.of("subsidyAmountCny", "policyBasis"),
                Offer.missingFacts(bareSubsidy).stream().map(DomainException.FieldError::field).toList());
        assertEquals(List.of(), Offer.missingFacts(space("100")));
        assertEquals(List.of(), Offer.missingFacts(subsidy("100")));
    }

    @Test
    void belowTheThresholdOneApproverStepApproves() {
        Offer o = submitted(subsidy("800000"));
        assertEquals(OfferStatus.SUBMITTED, o.status);
        assertEquals(1, o.approvals.size());
        assertEquals("approver", o.awaitingRole);
        OfferApproval step = o.approve("approver1", APPROVER, "符合政策", T0.plusDays(1));
        assertEquals(1, step.stepNo);
        assertEquals(Decision.APPROVED, step.decision);
        assertEquals(OfferStatus.APPROVED, o.status);
        assertNull(o.awaitingRole);
        assertEquals(T0.plusDays(1), o.decidedAt);
    }

    @Test
    void aboveTheThresholdTheManagerDecidesAfterTheApprover() {
        Offer o = submitted(space("3000"));
        assertEquals(List.of("approver", "manager"), o.approvals.stream().map(a -> a.requiredRole).toList());
        // the manager's step comes second: a manager cannot take the approver's step
        refused(403, "offer.step-role", () -> o.approve("manager1", MANAGER, null, T0));
        o.approve("approver1", APPROVER, null, T0.plusDays(1));
        assertEquals(OfferStatus.SUBMITTED, o.status);
        assertEquals("manager", o.awaitingRole);
        // the same person does not decide two steps
        refused(409, "offer.already-decided", () -> o.approve("approver1", Set.of("approver", "manager"), null, T0));
        o.approve("manager1", MANAGER, null, T0.plusDays(2));
        assertEquals(OfferStatus.APPROVED, o.status);
        assertTrue(o.approvals.stream().noneMatch(OfferApproval::isPending));
    }

    @Test
    void fourEyesKeepTheMakerOwnerAndSubmitterFromDeciding() {
        Offer o = submitted(subsidy("100000"));
        refused(403, "offer.four-eyes", () -> o.approve("officer1", Set.of("approver"), null, T0));
        Offer bySomeoneElse = draft(subsidy("100000"));
        bySomeoneElse.submit(POLICY, "manager1", T0);
        refused(403, "offer.four-eyes", () -> bySomeoneElse.reject("manager1", Set.of("approver"), "no", T0));
        assertEquals(OfferStatus.SUBMITTED, bySomeoneElse.status);
        assertTrue(o.involves("officer1"));
        assertFalse(o.involves("approver1"));
    }

    @Test
    void whoeverChangedTheTermsMayNotDecideThem() {
        // a manager raises an officer's subsidy above the threshold; the officer submits; the manager may not take step 2
        Offer o = draft(subsidy("100000"));
        o.edit(subsidy("1500000"), "manager1", T0.plusMinutes(1));
        o.edit(subsidy("1500000"), "officer1", T0.plusMinutes(2));
        assertEquals(Set.of("manager1"), o.editors, "the maker is not listed again");
        o.submit(POLICY, "officer1", T0.plusHours(1));
        assertTrue(o.involves("manager1"));
        o.approve("approver1", APPROVER, null, T0.plusHours(2));
        refused(403, "offer.four-eyes", () -> o.approve("manager1", MANAGER, null, T0.plusHours(3)));
        assertEquals(OfferStatus.SUBMITTED, o.status);
        o.approve("manager2", MANAGER, null, T0.plusHours(3));
        assertEquals(OfferStatus.APPROVED, o.status);
    }

    @Test
    void rejectNeedsAReasonAndEndsTheOffer() {
        Offer o = submitted(space("3000"));
        DomainException e = refused(422, "offer.reason-missing", () -> o.reject("approver1", APPROVER, "  ", T0));
        assertEquals("reason", e.violations().get(0).field());
        assertTrue(o.pendingStep().isPending(), "a refused rejection decides nothing");
        assertEquals(OfferStatus.SUBMITTED, o.status);
        OfferApproval step = o.reject("approver1", APPROVER, " 租金低于片区指导价 ", T0.plusDays(1));
        assertEquals("租金低于片区指导价", step.reason);
        assertEquals(OfferStatus.REJECTED, o.status);
        assertNull(o.awaitingRole);
        assertTrue(o.approvals.get(1).isPending(), "the manager's step is never reached");
        refused(409, "offer.already-decided", () -> o.approve("manager1", MANAGER, null, T0));
        refused(409, "offer.not-withdrawable", () -> o.withdraw(null, T0));
    }

    @Test
    void onlyADraftIsEditedOrSubmitted() {
        Offer o = submitted(subsidy("100000"));
        refused(409, "offer.not-editable", () -> o.edit(subsidy("900000"), "officer1", T0));
        assertEquals(new BigDecimal("100000.00"), o.subsidyAmountCny);
        refused(409, "offer.not-draft", () -> o.submit(POLICY, "officer1", T0));
        Offer d = draft(subsidy("100000"));
        refused(409, "offer.not-submitted", () -> d.approve("approver1", APPROVER, null, T0));
        d.edit(space("150"), "officer1", T0.plusMinutes(5));
        assertEquals(OfferKind.SPACE, d.kind);
        assertNull(d.subsidyAmountCny);
        assertEquals(T0.plusMinutes(5), d.updatedAt);
    }

    @Test
    void draftsAndSubmittedOffersMayBeWithdrawn() {
        Offer d = draft(subsidy("100000"));
        d.withdraw(" 企业暂缓 ", T0);
        assertEquals(OfferStatus.WITHDRAWN, d.status);
        assertEquals("企业暂缓", d.closingNote);
        refused(409, "offer.not-submitted", () -> d.approve("approver1", APPROVER, null, T0));
        Offer s = submitted(space("3000"));
        s.withdraw(null, T0);
        assertEquals(OfferStatus.WITHDRAWN, s.status);
        assertNull(s.awaitingRole);
    }

    @Test
    void theCompanysAnswerFollowsApprovalAndADeclineSaysWhy() {
        Offer o = submitted(subsidy("100000"));
        refused(409, "offer.not-approved", () -> o.recordOutcome(OfferOutcome.ACCEPTED, null, T0));
        o.approve("approver1", APPROVER, null, T0);
        DomainException e = refused(422, "offer.reason-missing", () -> o.recordOutcome(OfferOutcome.DECLINED, null, T0));
        assertEquals("note", e.violations().get(0).field());
        assertEquals(OfferStatus.APPROVED, o.status);
        o.recordOutcome(OfferOutcome.DECLINED, "选择了前海的补贴", T0.plusDays(3));
        assertEquals(OfferStatus.DECLINED, o.status);
        assertEquals(T0.plusDays(3), o.outcomeAt);
        refused(409, "offer.not-approved", () -> o.recordOutcome(OfferOutcome.ACCEPTED, null, T0));
        assertTrue(o.status.isClosed());
    }
}
