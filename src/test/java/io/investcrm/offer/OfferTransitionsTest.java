package io.investcrm.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.investcrm.offer.approval.ApprovalRouting;
import io.investcrm.offer.approval.ApprovalRouting.StepRule;
import io.investcrm.offer.approval.ApprovalRouting.Tier;
import io.investcrm.core.DomainException;
import io.investcrm.web.ProblemMapper;

/** The offer's workflow and the approval thresholds as plain Java: every legal move, every refusal, nothing half-done. */
class OfferTransitionsTest {

    static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 2, 9, 0);
    static final Map<String, StepRule> STEPS = Map.of(
            "section-chief", new StepRule("section-chief", "approver", false, 72),
            "district-leader", new StepRule("district-leader", "manager", false, 72),
            "collective", new StepRule("collective", "admin", true, 168));
    /** The tiers of application.properties. */
    static final ApprovalRouting ROUTING = new ApprovalRouting(
            List.of(new Tier(new BigDecimal("2000"), new BigDecimal("30"), null, List.of("section-chief")),
                    new Tier(null, null, null, List.of("section-chief", "district-leader"))),
            List.of(new Tier(null, null, new BigDecimal("1000000"), List.of("section-chief")),
                    new Tier(null, null, new BigDecimal("10000000"), List.of("section-chief", "district-leader")),
                    new Tier(null, null, null, List.of("section-chief", "district-leader", "collective"))),
            STEPS);

    /** The steps for the offer alone (the service adds the group's other offers: see OfferResourceTest). */
    static List<StepRule> steps(Offer o) {
        return ROUTING.route(o.kind, o.floorAreaSqm, o.discountPct, o.subsidyAmountCny);
    }
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
        o.submit(steps(o), "officer1", T0.plusHours(1), T0.plusDays(30));
        return o;
    }

    static DomainException refused(int status, String code, Executable action) {
        DomainException e = assertThrows(DomainException.class, action);
        assertEquals(status, ProblemMapper.status(e), e.code());
        assertEquals(code, e.code());
        return e;
    }

    static List<String> roles(OfferKind kind, String area, String discount, String amount) {
        return ROUTING.route(kind, area == null ? null : new BigDecimal(area), discount == null ? null : new BigDecimal(discount),
                amount == null ? null : new BigDecimal(amount)).stream().map(StepRule::role).toList();
    }

    @Test
    void tiersIncludeTheirLimitAndTheLastTierTakesTheRest() {
        assertEquals(List.of("approver"), roles(OfferKind.SUBSIDY, null, null, "1000000.00"));
        assertEquals(List.of("approver", "manager"), roles(OfferKind.SUBSIDY, null, null, "1000000.01"));
        assertEquals(List.of("approver", "manager"), roles(OfferKind.SUBSIDY, null, null, "10000000"));
        assertEquals(List.of("approver", "manager", "admin"), roles(OfferKind.SUBSIDY, null, null, "10000000.01"));
        assertEquals(List.of("approver"), roles(OfferKind.SPACE, "2000", "30", null));
        assertEquals(List.of("approver", "manager"), roles(OfferKind.SPACE, "2000.5", "0", null));
        // a deep discount on a small space goes up a tier too
        assertEquals(List.of("approver", "manager"), roles(OfferKind.SPACE, "100", "30.01", null));
        // the other kind's figure does not count
        assertEquals(List.of("approver"), roles(OfferKind.SPACE, "100", "0", "50000000"));
        assertEquals(List.of("approver"), roles(OfferKind.SUBSIDY, "9000", "90", "100"));
        assertTrue(ROUTING.route(OfferKind.SUBSIDY, null, null, new BigDecimal("2E7")).get(2).meetingRequired());
        assertEquals(List.of("admin", "approver", "manager"), ROUTING.deciderRoles());
    }

    @Test
    void aRoutingNamingAnUnknownStepIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new ApprovalRouting(
                List.of(new Tier(null, null, null, List.of("nobody"))), List.of(new Tier(null, null, null,
                        List.of("section-chief"))), STEPS));
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
        OfferApproval step = o.approve(Decider.of("approver1", APPROVER), "符合政策", null, STEPS, T0.plusDays(1));
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
        refused(403, "offer.step-role", () -> o.approve(Decider.of("manager1", MANAGER), null, null, STEPS, T0));
        o.approve(Decider.of("approver1", APPROVER), null, null, STEPS, T0.plusDays(1));
        assertEquals(OfferStatus.SUBMITTED, o.status);
        assertEquals("manager", o.awaitingRole);
        // the same person does not decide two steps
        refused(409, "offer.already-decided", () -> o.approve(Decider.of("approver1", Set.of("approver", "manager")), null, null, STEPS, T0));
        o.approve(Decider.of("manager1", MANAGER), null, null, STEPS, T0.plusDays(2));
        assertEquals(OfferStatus.APPROVED, o.status);
        assertTrue(o.approvals.stream().noneMatch(OfferApproval::isPending));
    }

    @Test
    void fourEyesKeepTheMakerOwnerAndSubmitterFromDeciding() {
        Offer o = submitted(subsidy("100000"));
        refused(403, "offer.four-eyes", () -> o.approve(Decider.of("officer1", Set.of("approver")), null, null, STEPS, T0));
        Offer bySomeoneElse = draft(subsidy("100000"));
        bySomeoneElse.submit(steps(bySomeoneElse), "manager1", T0, T0.plusDays(30));
        refused(403, "offer.four-eyes", () -> bySomeoneElse.reject(Decider.of("manager1", Set.of("approver")), "no", T0));
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
        o.submit(steps(o), "officer1", T0.plusHours(1), T0.plusDays(30));
        assertTrue(o.involves("manager1"));
        o.approve(Decider.of("approver1", APPROVER), null, null, STEPS, T0.plusHours(2));
        refused(403, "offer.four-eyes", () -> o.approve(Decider.of("manager1", MANAGER), null, null, STEPS, T0.plusHours(3)));
        assertEquals(OfferStatus.SUBMITTED, o.status);
        o.approve(Decider.of("manager2", MANAGER), null, null, STEPS, T0.plusHours(3));
        assertEquals(OfferStatus.APPROVED, o.status);
    }

    @Test
    void rejectNeedsAReasonAndEndsTheOffer() {
        Offer o = submitted(space("3000"));
        DomainException e = refused(422, "offer.reason-missing", () -> o.reject(Decider.of("approver1", APPROVER), "  ", T0));
        assertEquals("reason", e.violations().get(0).field());
        assertTrue(o.pendingStep().isPending(), "a refused rejection decides nothing");
        assertEquals(OfferStatus.SUBMITTED, o.status);
        OfferApproval step = o.reject(Decider.of("approver1", APPROVER), " 租金低于片区指导价 ", T0.plusDays(1));
        assertEquals("租金低于片区指导价", step.reason);
        assertEquals(OfferStatus.REJECTED, o.status);
        assertNull(o.awaitingRole);
        assertTrue(o.approvals.get(1).isPending(), "the manager's step is never reached");
        refused(409, "offer.already-decided", () -> o.approve(Decider.of("manager1", MANAGER), null, null, STEPS, T0));
        refused(409, "offer.not-withdrawable", () -> o.withdraw(null, T0));
    }

    @Test
    void onlyADraftIsEditedOrSubmitted() {
        Offer o = submitted(subsidy("100000"));
        refused(409, "offer.not-editable", () -> o.edit(subsidy("900000"), "officer1", T0));
        assertEquals(new BigDecimal("100000.00"), o.subsidyAmountCny);
        refused(409, "offer.not-draft", () -> o.submit(steps(o), "officer1", T0, T0.plusDays(30)));
        Offer d = draft(subsidy("100000"));
        refused(409, "offer.not-submitted", () -> d.approve(Decider.of("approver1", APPROVER), null, null, STEPS, T0));
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
        refused(409, "offer.not-submitted", () -> d.approve(Decider.of("approver1", APPROVER), null, null, STEPS, T0));
        Offer s = submitted(space("3000"));
        s.withdraw(null, T0);
        assertEquals(OfferStatus.WITHDRAWN, s.status);
        assertNull(s.awaitingRole);
    }

    @Test
    void theCompanysAnswerFollowsTheLetterAndADeclineSaysWhy() {
        Offer o = submitted(subsidy("100000"));
        refused(409, "offer.not-approved", () -> o.issue(T0, T0.toLocalDate().plusDays(60)));
        o.approve(Decider.of("approver1", APPROVER), null, null, STEPS, T0);
        refused(409, "offer.not-issued", () -> o.recordOutcome(OfferOutcome.ACCEPTED, null, T0));
        o.issue(T0.plusDays(1), T0.toLocalDate().plusDays(61));
        assertEquals(OfferStatus.ISSUED, o.status);
        DomainException e = refused(422, "offer.reason-missing", () -> o.recordOutcome(OfferOutcome.DECLINED, null, T0));
        assertEquals("note", e.violations().get(0).field());
        assertEquals(OfferStatus.ISSUED, o.status);
        o.recordOutcome(OfferOutcome.DECLINED, "选择了前海的补贴", T0.plusDays(3));
        assertEquals(OfferStatus.DECLINED, o.status);
        assertEquals(T0.plusDays(3), o.outcomeAt);
        refused(409, "offer.not-issued", () -> o.recordOutcome(OfferOutcome.ACCEPTED, null, T0));
        refused(409, "offer.not-approved", () -> o.issue(T0, null));
        assertTrue(o.status.isClosed());
    }

    @Test
    void aCollectiveStepNeedsTheMeetingReference() {
        Offer o = submitted(subsidy("12000000"));
        assertEquals(List.of("approver", "manager", "admin"), o.approvals.stream().map(a -> a.requiredRole).toList());
        o.approve(Decider.of("approver1", APPROVER), null, null, STEPS, T0.plusHours(2));
        o.approve(Decider.of("manager1", MANAGER), null, null, STEPS, T0.plusHours(3));
        assertEquals("admin", o.awaitingRole);
        assertEquals(T0.plusHours(3).plusHours(168), o.pendingStep().dueAt, "the step's service time starts on arrival");
        DomainException e = refused(422, "offer.meeting-ref-missing",
                () -> o.approve(Decider.of("admin1", Set.of("admin")), null, " ", STEPS, T0.plusDays(1)));
        assertEquals("meetingRef", e.violations().get(0).field());
        assertEquals(OfferStatus.SUBMITTED, o.status);
        OfferApproval step = o.approve(Decider.of("admin1", Set.of("admin")), null, "区委常委会〔2026〕12 号", STEPS,
                T0.plusDays(1));
        assertEquals("区委常委会〔2026〕12 号", step.meetingRef);
        assertEquals(OfferStatus.APPROVED, o.status);
    }

    @Test
    void aReturnedOfferIsRevisedAndResubmittedInANewRound() {
        Offer o = submitted(space("3000"));
        refused(422, "offer.reason-missing", () -> o.returnForRevision(Decider.of("approver1", APPROVER), null, T0));
        o.returnForRevision(Decider.of("approver1", APPROVER), "面积请压缩到 2000 平方米以内", T0.plusHours(2));
        assertEquals(OfferStatus.RETURNED, o.status);
        assertEquals(Decision.RETURNED, o.approvals.get(0).decision);
        refused(409, "offer.not-submitted", () -> o.approve(Decider.of("manager1", MANAGER), null, null, STEPS, T0));
        o.edit(space("1800"), "officer1", T0.plusHours(3));
        o.submit(steps(o), "officer1", T0.plusHours(4), T0.plusDays(30));
        assertEquals(2, o.roundNo);
        assertEquals(List.of(2), o.currentRound().stream().map(a -> a.roundNo).distinct().toList());
        assertEquals(1, o.currentRound().size(), "1 800 m² is the first tier");
        // the approver who returned it may decide the new round
        o.approve(Decider.of("approver1", APPROVER), null, null, STEPS, T0.plusHours(5));
        assertEquals(OfferStatus.APPROVED, o.status);
        assertEquals(3, o.approvals.size(), "the first round's steps stay on record");
    }

    @Test
    void onlyTheSubmitterRecallsAndOnlyBeforeTheFirstDecision() {
        Offer o = submitted(space("3000"));
        refused(403, "offer.recall-not-submitter", () -> o.recall("officer2", T0));
        o.recall("officer1", T0.plusHours(2));
        assertEquals(OfferStatus.DRAFT, o.status);
        assertTrue(o.approvals.isEmpty());
        assertEquals(0, o.roundNo);
        o.edit(space("2500"), "officer1", T0.plusHours(3));
        o.submit(steps(o), "officer1", T0.plusHours(4), T0.plusDays(30));
        o.approve(Decider.of("approver1", APPROVER), null, null, STEPS, T0.plusHours(5));
        refused(409, "offer.recall-too-late", () -> o.recall("officer1", T0.plusHours(6)));
        assertEquals(OfferStatus.SUBMITTED, o.status);
        Offer d = draft(subsidy("100"));
        refused(409, "offer.not-submitted", () -> d.recall("officer1", T0));
    }

    @Test
    void aDelegateDecidesWithALentRoleAndBothAreNamed() {
        Offer o = submitted(space("3000"));
        o.approve(Decider.of("approver1", APPROVER), null, null, STEPS, T0.plusHours(2));
        // the manager is away and lent the role to officer2
        Decider delegate = new Decider("officer2", Set.of("officer"), Map.of("manager", "manager1"));
        refused(403, "offer.step-role", () -> o.approve(new Decider("officer2", Set.of("officer"), Map.of()), null, null,
                STEPS, T0));
        OfferApproval step = o.approve(delegate, "同意", null, STEPS, T0.plusHours(3));
        assertEquals("officer2", step.decidedBy);
        assertEquals("manager1", step.onBehalfOf);
        assertEquals(OfferStatus.APPROVED, o.status);
        // a lent role does not get round four eyes: the lender's own offer stays out of reach
        Offer own = draft(subsidy("5000000"));
        own.edit(subsidy("5000000"), "manager1", T0);
        own.submit(steps(own), "officer1", T0, T0.plusDays(30));
        own.approve(Decider.of("approver1", APPROVER), null, null, STEPS, T0.plusHours(1));
        refused(403, "offer.four-eyes", () -> own.approve(delegate, null, null, STEPS, T0.plusHours(2)));
    }

    @Test
    void timeRunsOutForAnUndecidedOfferAndForAnUnansweredLetter() {
        Offer o = submitted(space("100"));
        refused(409, "offer.not-expirable", () -> o.expire(T0.plusDays(29)));
        o.expire(T0.plusDays(30));
        assertEquals(OfferStatus.EXPIRED, o.status);
        Offer l = submitted(subsidy("100"));
        l.approve(Decider.of("approver1", APPROVER), null, null, STEPS, T0);
        l.issue(T0, T0.toLocalDate().plusDays(60));
        refused(409, "offer.not-expirable", () -> l.expire(T0.plusDays(60)));
        l.expire(T0.plusDays(61));
        assertEquals(OfferStatus.EXPIRED, l.status);
        assertTrue(l.status.isClosed());
        refused(409, "offer.not-expirable", () -> l.expire(T0.plusDays(90)));
    }
}
