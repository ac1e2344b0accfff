package io.investcrm.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.investcrm.core.DomainException;
import io.investcrm.web.ProblemMapper;

/** The prospect's transitions as plain Java: every legal move, every refusal, and that a refusal changes nothing. */
class ProspectTransitionsTest {

    static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 2, 9, 0);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final String LOCAL_CODE = "91440300MA5FXT4K6G";
    static final GateFacts SIGNING = new GateFacts(TODAY.minusDays(3), "FT-2026-001", null, null, null);
    static final GateFacts LANDING = new GateFacts(TODAY.minusDays(3), "FT-2026-001", TODAY.minusDays(1), LOCAL_CODE,
            "营业执照 4403…");

    /** What {@link Prospect#recordActivity} stores for a visit logged at {@code at} after the pursuit's last one. */
    static void loggedActivity(Prospect p, LocalDateTime at) {
        p.lastActivityAt = at;
        p.lastProgressAt = at;
    }

    static Prospect fresh() {
        Prospect p = Prospect.start(7L, "officer1", "team-a", "manager1", false, T0);
        p.id = 1L;
        return p;
    }

    static Prospect signed() {
        Prospect p = fresh();
        p.moveTo(Stage.SIGNED, SIGNING, null, "officer1", T0, TODAY);
        return p;
    }

    static Prospect landed() {
        Prospect p = signed();
        p.moveTo(Stage.LANDED, LANDING, null, "officer1", T0.plusDays(1), TODAY);
        return p;
    }

    static DomainException refused(int status, org.junit.jupiter.api.function.Executable action) {
        DomainException e = assertThrows(DomainException.class, action);
        assertEquals(status, ProblemMapper.status(e), e.code());
        return e;
    }

    @Test
    void localCodeFixtureIsAValidCreditCode() {
        assertTrue(io.investcrm.company.identity.CreditCode.isValid(LOCAL_CODE));
    }

    @Test
    void startsAsAnActiveLeadOwnedByItsStarter() {
        Prospect p = fresh();
        assertEquals(Stage.LEAD, p.stage);
        assertEquals(ProspectStatus.ACTIVE, p.status);
        assertEquals("officer1", p.owner);
        assertEquals(T0, p.ownerSince);
        Prospect pooled = Prospect.start(8L, null, "team-a", null, false, T0);
        assertNull(pooled.owner);
        assertNull(pooled.teamCode, "a pooled prospect belongs to no team");
    }

    @Test
    void forwardMoveRecordsHistoryAndResetsTheStageClock() {
        Prospect p = fresh();
        ProspectEvent e = p.moveTo(Stage.CONTACTED, null, null, "officer1", T0.plusDays(2), TODAY);
        assertEquals(Stage.CONTACTED, p.stage);
        assertEquals(T0.plusDays(2), p.stageEnteredAt);
        assertEquals(T0.plusDays(2), p.lastProgressAt);
        assertEquals(EventKind.STAGE, e.kind);
        assertEquals("LEAD", e.fromValue);
        assertEquals("CONTACTED", e.toValue);
        assertEquals("officer1", e.actor);
        assertEquals(1L, e.prospectId);
    }

    @Test
    void sameStageIsAConflict() {
        Prospect p = fresh();
        assertEquals("prospect.stage.same", refused(409, () -> p.moveTo(Stage.LEAD, null, null, "officer1", T0, TODAY)).code());
    }

    @Test
    void movingBackNeedsAReason() {
        Prospect p = fresh();
        p.moveTo(Stage.NEGOTIATING, null, null, "officer1", T0, TODAY);
        DomainException e = refused(422, () -> p.moveTo(Stage.VISITED, null, " ", "officer1", T0, TODAY));
        assertEquals("note", e.violations().get(0).field());
        assertEquals(Stage.NEGOTIATING, p.stage);
        p.moveTo(Stage.VISITED, null, "firm re-evaluating sites", "officer1", T0, TODAY);
        assertEquals(Stage.VISITED, p.stage);
    }

    @Test
    void signedGateNeedsSigningDateAndAgreementAndChangesNothingWhenMissing() {
        Prospect p = fresh();
        DomainException e = refused(422, () -> p.moveTo(Stage.SIGNED, GateFacts.none(), null, "officer1", T0, TODAY));
        assertEquals("prospect.gate.unmet", e.code());
        assertEquals(List.of("signedOn", "agreementRef"), e.violations().stream().map(DomainException.FieldError::field).toList());
        assertEquals(Stage.LEAD, p.stage);
        assertNull(p.signedOn);
    }

    @Test
    void signingDateMayNotBeInTheFuture() {
        Prospect p = fresh();
        GateFacts future = new GateFacts(TODAY.plusDays(1), "X-1", null, null, null);
        DomainException e = refused(422, () -> p.moveTo(Stage.SIGNED, future, null, "officer1", T0, TODAY));
        assertEquals("prospect.gate.future-date", e.violations().get(0).messageKey());
    }

    @Test
    void landedGateNeedsRegistrationValidLocalCreditCodeAndEvidence() {
        Prospect p = signed();
        DomainException missing = refused(422, () -> p.moveTo(Stage.LANDED, GateFacts.none(), null, "officer1", T0, TODAY));
        assertEquals(List.of("registeredOn", "localCreditCode", "landingEvidence"),
                missing.violations().stream().map(DomainException.FieldError::field).toList());
        GateFacts badCode = new GateFacts(null, null, TODAY, "91440300MA5FXT4K6D", "lease");
        DomainException wrong = refused(422, () -> p.moveTo(Stage.LANDED, badCode, null, "officer1", T0, TODAY));
        assertEquals("company.credit-code.checksum", wrong.violations().get(0).messageKey());
        assertEquals(Stage.SIGNED, p.stage);
        assertNull(p.registeredOn);
    }

    @Test
    void skippingToLandedStillNeedsTheSigningFacts() {
        Prospect p = fresh();
        GateFacts onlyLanding = new GateFacts(null, null, TODAY, LOCAL_CODE, "lease");
        DomainException e = refused(422, () -> p.moveTo(Stage.LANDED, onlyLanding, null, "officer1", T0, TODAY));
        assertTrue(e.violations().stream().anyMatch(v -> v.field().equals("signedOn")));
        p.moveTo(Stage.LANDED, LANDING, null, "officer1", T0, TODAY);
        assertEquals(Stage.LANDED, p.stage);
        assertEquals(LOCAL_CODE, p.localCreditCode);
    }

    @Test
    void landedIsFinalAndAwaitsVerification() {
        Prospect p = landed();
        assertTrue(p.awaitsVerification());
        assertFalse(p.landingCounts(), "a landing counts only once verified");
        assertEquals("officer1", p.landingRecordedBy);
        assertEquals("prospect.stage.landed-final",
                refused(409, () -> p.moveTo(Stage.SIGNED, null, "oops", "officer1", T0, TODAY)).code());
    }

    @Test
    void onlyActiveProspectsMove() {
        Prospect p = fresh();
        p.changeStatus(ProspectStatus.ON_HOLD, "budget freeze", null, null, "officer1", T0, TODAY);
        assertEquals("prospect.not-active",
                refused(409, () -> p.moveTo(Stage.CONTACTED, null, null, "officer1", T0, TODAY)).code());
        assertEquals(Stage.LEAD, p.stage);
    }

    @Test
    void verificationNeedsASecondPerson() {
        Prospect p = landed();
        assertEquals("prospect.verify.own", refused(403, () -> p.verifyLanding("officer1", T0)).code());
        p.owner = "officer2";
        assertEquals("prospect.verify.own", refused(403, () -> p.verifyLanding("officer2", T0)).code(),
                "the owner may not verify even if someone else recorded the landing");
        ProspectEvent e = p.verifyLanding("manager1", T0.plusDays(2));
        assertEquals(EventKind.VERIFIED, e.kind);
        assertTrue(p.landingCounts());
        assertEquals("manager1", p.landingVerifiedBy);
        assertEquals("prospect.verify.already", refused(409, () -> p.verifyLanding("admin1", T0)).code());
    }

    @Test
    void verificationOfANonLandedProspectIsAConflict() {
        Prospect p = signed();
        assertEquals("prospect.verify.not-landed", refused(409, () -> p.verifyLanding("manager1", T0)).code());
    }

    @Test
    void rejectedLandingGoesBackToSignedWithAReason() {
        Prospect p = landed();
        refused(422, () -> p.rejectLanding("manager1", "", T0));
        assertEquals(Stage.LANDED, p.stage);
        ProspectEvent e = p.rejectLanding("manager1", "licence number does not match", T0.plusDays(2));
        assertEquals(Stage.SIGNED, p.stage);
        assertEquals(EventKind.REJECTED, e.kind);
        assertFalse(p.awaitsVerification());
        assertEquals(LOCAL_CODE, p.localCreditCode, "the facts stay for correction");
    }

    @Test
    void lostNeedsReasonAndWhereItWent() {
        Prospect p = fresh();
        DomainException e = refused(422, () -> p.changeStatus(ProspectStatus.LOST, null, null, null, "officer1", T0, TODAY));
        assertEquals(List.of("reason", "lostTo"), e.violations().stream().map(DomainException.FieldError::field).toList());
        assertEquals(ProspectStatus.ACTIVE, p.status);
        ProspectEvent ok = p.changeStatus(ProspectStatus.LOST, "better subsidy", "前海", null, "officer1", T0, TODAY);
        assertEquals(ProspectStatus.LOST, p.status);
        assertEquals("前海", p.lostTo);
        assertEquals("ACTIVE", ok.fromValue);
        assertEquals("LOST", ok.toValue);
    }

    @Test
    void abandonedNeedsAReasonAndCanBeReopened() {
        Prospect p = fresh();
        refused(422, () -> p.changeStatus(ProspectStatus.ABANDONED, null, null, null, "officer1", T0, TODAY));
        p.changeStatus(ProspectStatus.ABANDONED, "no fit", null, null, "officer1", T0, TODAY);
        p.changeStatus(ProspectStatus.ACTIVE, "new contact", null, null, "officer1", T0.plusDays(40), TODAY);
        assertEquals(ProspectStatus.ACTIVE, p.status);
        assertEquals(T0.plusDays(40), p.lastProgressAt, "reopening restarts the staleness clock");
    }

    @Test
    void holdOnlyFromActiveAndSameStatusIsAConflict() {
        Prospect p = fresh();
        assertEquals("prospect.status.same",
                refused(409, () -> p.changeStatus(ProspectStatus.ACTIVE, null, null, null, "officer1", T0, TODAY)).code());
        p.changeStatus(ProspectStatus.LOST, "r", "南山", null, "officer1", T0, TODAY);
        assertEquals("prospect.status.hold-needs-active",
                refused(409, () -> p.changeStatus(ProspectStatus.ON_HOLD, null, null, null, "officer1", T0, TODAY)).code());
    }

    @Test
    void departedOnlyForLandedFirmsWithTheDateAndIsFinal() {
        Prospect early = fresh();
        assertEquals("prospect.status.departed-needs-landed", refused(409,
                () -> early.changeStatus(ProspectStatus.DEPARTED, null, null, TODAY, "officer1", T0, TODAY)).code());
        Prospect p = landed();
        assertEquals("prospect.status.landed-departs", refused(409,
                () -> p.changeStatus(ProspectStatus.LOST, "r", "x", null, "officer1", T0, TODAY)).code());
        refused(422, () -> p.changeStatus(ProspectStatus.DEPARTED, "moved to Shanghai", null, null, "officer1", T0, TODAY));
        p.changeStatus(ProspectStatus.DEPARTED, "moved to Shanghai", null, TODAY, "officer1", T0, TODAY);
        assertEquals(TODAY, p.departedOn);
        assertEquals("prospect.status.departed-final", refused(409,
                () -> p.changeStatus(ProspectStatus.ACTIVE, null, null, null, "officer1", T0, TODAY)).code());
    }

    @Test
    void claimOnlyFromThePoolAndNotWhenClosed() {
        Prospect owned = fresh();
        assertEquals("prospect.not-in-pool", refused(409, () -> owned.claim("officer3", "team-b", T0)).code());
        Prospect pooled = Prospect.start(9L, null, null, null, false, T0);
        ProspectEvent e = pooled.claim("officer3", "team-b", T0.plusDays(1));
        assertEquals("officer3", pooled.owner);
        assertEquals("team-b", pooled.teamCode);
        assertEquals(T0.plusDays(1), pooled.ownerSince);
        assertEquals(EventKind.OWNER, e.kind);
        Prospect lost = Prospect.start(10L, null, null, null, false, T0);
        lost.changeStatus(ProspectStatus.LOST, "r", "x", null, "manager1", T0, TODAY);
        assertEquals("prospect.status.closed", refused(409, () -> lost.claim("officer1", "team-a", T0)).code());
    }

    @Test
    void handOverMovesOwnerAndTeamAndReleaseEmptiesBoth() {
        Prospect p = fresh();
        assertEquals("prospect.handover.same-owner", refused(409, () -> p.handOver("officer1", "team-a", null, "officer1", T0)).code());
        ProspectEvent e = p.handOver("officer3", "team-b", "knows the firm", "officer1", T0.plusDays(1));
        assertEquals("officer3", p.owner);
        assertEquals("team-b", p.teamCode);
        assertEquals("officer1", e.fromValue);
        assertEquals("officer3", e.toValue);
        p.release(null, "officer3", T0.plusDays(2));
        assertNull(p.owner);
        assertNull(p.teamCode);
        assertEquals("prospect.not-owned", refused(409, () -> p.release(null, "officer3", T0)).code());
    }

    @Test
    void reclaimAfterNDaysWithoutActivityCountingFromTheLaterOfActivityAndOwnership() {
        Prospect p = fresh();
        assertFalse(p.isReclaimable(T0.plusDays(29), 30));
        assertTrue(p.isReclaimable(T0.plusDays(30), 30));
        loggedActivity(p, T0.plusDays(20));
        assertFalse(p.isReclaimable(T0.plusDays(30), 30), "activity keeps the prospect");
        assertTrue(p.isReclaimable(T0.plusDays(50), 30));
        p.handOver("officer2", "team-a", null, "officer1", T0.plusDays(45));
        assertFalse(p.isReclaimable(T0.plusDays(50), 30), "a new owner gets the full period");
        ProspectEvent e = p.reclaim(30, T0.plusDays(80));
        assertNull(p.owner);
        assertEquals(EventKind.RECLAIMED, e.kind);
        assertEquals("officer2", e.fromValue);
        assertEquals("prospect.not-reclaimable", refused(409, () -> p.reclaim(30, T0.plusDays(200))).code());
    }

    @Test
    void signedAndClosedProspectsAreNeverReclaimed() {
        assertFalse(signed().isReclaimable(T0.plusDays(400), 30));
        Prospect held = fresh();
        held.changeStatus(ProspectStatus.ON_HOLD, null, null, null, "officer1", T0, TODAY);
        assertFalse(held.isReclaimable(T0.plusDays(400), 30));
    }

    @Test
    void probabilityDefaultsPerStageAndAnOverrideLastsUntilTheNextMove() {
        List<Integer> defaults = List.of(5, 10, 20, 40, 60, 90, 100);
        Prospect p = fresh();
        assertEquals(5, p.probability(defaults));
        p.overrideProbability(35, "officer1", T0);
        assertEquals(35, p.probability(defaults));
        refused(422, () -> p.overrideProbability(101, "officer1", T0));
        p.moveTo(Stage.VISITED, null, null, "officer1", T0, TODAY);
        assertEquals(20, p.probability(defaults));
    }

    @Test
    void stalenessLightsByDaysWithoutProgress() {
        Prospect p = fresh();
        assertEquals(Staleness.GREEN, p.staleness(T0.plusDays(13), 14, 30));
        assertEquals(Staleness.YELLOW, p.staleness(T0.plusDays(14), 14, 30));
        assertEquals(Staleness.RED, p.staleness(T0.plusDays(30), 14, 30));
        loggedActivity(p, T0.plusDays(29));
        assertEquals(Staleness.GREEN, p.staleness(T0.plusDays(30), 14, 30), "logging a visit is progress");
        p.changeStatus(ProspectStatus.ON_HOLD, null, null, null, "officer1", T0, TODAY);
        assertEquals(Staleness.NONE, p.staleness(T0.plusDays(100), 14, 30));
        assertEquals(Staleness.NONE, landed().staleness(T0.plusDays(100), 14, 30));
    }

    @Test
    void daysInStage() {
        Prospect p = fresh();
        p.moveTo(Stage.CONTACTED, null, null, "officer1", T0.plusDays(3), TODAY);
        assertEquals(4, p.daysInStage(T0.plusDays(7)));
    }
}
