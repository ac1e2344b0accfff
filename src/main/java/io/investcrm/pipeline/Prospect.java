package io.investcrm.pipeline;

import static io.investcrm.core.Text.blank;
import static io.investcrm.core.Text.trimOrNull;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.investcrm.company.identity.CreditCode;
import io.investcrm.core.DomainException;
import io.investcrm.core.DomainException.FieldError;
import io.investcrm.core.Invalid;
import io.investcrm.security.Pursuit;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The office's pursuit of one company: stage, status, ownership and the gate facts. Every change is a transition
 * method that refuses an illegal move (409) or missing facts (422) before touching any field, and returns the
 * history row the service persists in the same transaction.
 */
@Entity
@Table(name = "prospect")
public class Prospect extends PanacheEntityBase implements Pursuit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    @Column(name = "company_id", nullable = false)
    public Long companyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Stage stage = Stage.LEAD;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProspectStatus status = ProspectStatus.ACTIVE;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "lost_to")
    public String lostTo;

    /** Null: the prospect is in the shared pool. */
    public String owner;

    @Column(name = "owner_since")
    public LocalDateTime ownerSince;

    /** The responsible leader (包保领导). */
    public String leader;

    @Column(name = "team_code")
    public String teamCode;

    public boolean confidential;

    @Column(name = "probability_override")
    public Integer probabilityOverride;

    @Column(name = "expected_landing_date")
    public LocalDate expectedLandingDate;

    @Column(name = "stage_entered_at", nullable = false)
    public LocalDateTime stageEnteredAt;

    @Column(name = "last_activity_at")
    public LocalDateTime lastActivityAt;

    @Column(name = "last_progress_at", nullable = false)
    public LocalDateTime lastProgressAt;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    @Column(name = "agreement_ref")
    public String agreementRef;

    @Column(name = "registered_on")
    public LocalDate registeredOn;

    @Column(name = "local_credit_code")
    public String localCreditCode;

    @Column(name = "landing_evidence")
    public String landingEvidence;

    @Column(name = "landing_recorded_by")
    public String landingRecordedBy;

    @Column(name = "landing_verified_by")
    public String landingVerifiedBy;

    @Column(name = "landing_verified_at")
    public LocalDateTime landingVerifiedAt;

    @Column(name = "departed_on")
    public LocalDate departedOn;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public LocalDateTime updatedAt;

    /** A new pursuit in the LEAD stage, owned by whoever starts it (null owner: straight into the shared pool). */
    public static Prospect start(long companyId, String owner, String teamCode, String leader, boolean confidential,
            LocalDateTime now) {
        Prospect p = new Prospect();
        p.companyId = companyId;
        p.owner = owner;
        p.ownerSince = owner == null ? null : now;
        p.teamCode = owner == null ? null : teamCode;
        p.leader = leader;
        p.confidential = confidential;
        p.stageEnteredAt = now;
        p.lastProgressAt = now;
        p.createdAt = now;
        p.updatedAt = now;
        return p;
    }

    /**
     * Moves to another stage. Only an active pursuit moves; LANDED is final (a firm that leaves is DEPARTED);
     * moving back needs a reason; entering SIGNED or beyond needs the signing facts and LANDED the landing facts
     * (plan 七: only firms with a registered local entity count as landed).
     */
    public ProspectEvent moveTo(Stage target, GateFacts facts, String note, String actor, LocalDateTime now,
            LocalDate today) {
        Objects.requireNonNull(target);
        GateFacts f = facts == null ? GateFacts.none() : facts;
        if (status != ProspectStatus.ACTIVE) {
            throw DomainException.conflict("prospect.not-active", status);
        }
        if (target == stage) {
            throw DomainException.conflict("prospect.stage.same", target);
        }
        if (stage == Stage.LANDED) {
            throw DomainException.conflict("prospect.stage.landed-final");
        }
        List<FieldError> missing = new ArrayList<>();
        if (stage.isAfter(target) && blank(note)) {
            missing.add(new FieldError("note", "prospect.move.reason-required"));
        }
        LocalDate signed = f.signedOn() != null ? f.signedOn() : signedOn;
        String agreement = !blank(f.agreementRef()) ? f.agreementRef().trim() : agreementRef;
        LocalDate registered = f.registeredOn() != null ? f.registeredOn() : registeredOn;
        String creditCode = !blank(f.localCreditCode()) ? CreditCode.normalize(f.localCreditCode()) : localCreditCode;
        String evidence = !blank(f.landingEvidence()) ? f.landingEvidence().trim() : landingEvidence;
        if (target.atLeast(Stage.SIGNED)) {
            if (signed == null) {
                missing.add(new FieldError("signedOn", "prospect.gate.signed-on"));
            } else if (signed.isAfter(today)) {
                missing.add(new FieldError("signedOn", "prospect.gate.future-date"));
            }
            if (blank(agreement)) {
                missing.add(new FieldError("agreementRef", "prospect.gate.agreement-ref"));
            }
        }
        if (target == Stage.LANDED) {
            if (registered == null) {
                missing.add(new FieldError("registeredOn", "prospect.gate.registered-on"));
            } else if (registered.isAfter(today)) {
                missing.add(new FieldError("registeredOn", "prospect.gate.future-date"));
            }
            if (blank(creditCode)) {
                missing.add(new FieldError("localCreditCode", "prospect.gate.local-credit-code"));
            } else {
                CreditCode.validationError(creditCode).ifPresent(key -> missing.add(new FieldError("localCreditCode", key)));
            }
            if (blank(evidence)) {
                missing.add(new FieldError("landingEvidence", "prospect.gate.landing-evidence"));
            }
        }
        if (!missing.isEmpty()) {
            throw Invalid.rule("prospect.gate.unmet", missing, target);
        }
        Stage from = stage;
        if (target.atLeast(Stage.SIGNED)) {
            signedOn = signed;
            agreementRef = agreement;
        }
        if (target == Stage.LANDED) {
            registeredOn = registered;
            localCreditCode = creditCode;
            landingEvidence = evidence;
            // the landing waits for a second person; whoever recorded it may not verify it
            landingRecordedBy = actor;
            landingVerifiedBy = null;
            landingVerifiedAt = null;
        }
        stage = target;
        stageEnteredAt = now;
        lastProgressAt = now;
        // an override was a judgement about the old stage; the new stage starts from its default
        probabilityOverride = null;
        updatedAt = now;
        return ProspectEvent.of(id, EventKind.STAGE, from, target, actor, now, trimOrNull(note));
    }

    /**
     * Changes the status. LOST needs a reason and where the firm went instead; ABANDONED a reason; DEPARTED is only
     * for a landed firm that leaves, with the date; a departed firm stays departed (its history is the record).
     */
    public ProspectEvent changeStatus(ProspectStatus target, String reason, String lostTo, LocalDate departedOn,
            String actor, LocalDateTime now, LocalDate today) {
        Objects.requireNonNull(target);
        if (status == ProspectStatus.DEPARTED) {
            throw DomainException.conflict("prospect.status.departed-final");
        }
        if (target == status) {
            throw DomainException.conflict("prospect.status.same", target);
        }
        if (target == ProspectStatus.ON_HOLD && status != ProspectStatus.ACTIVE) {
            throw DomainException.conflict("prospect.status.hold-needs-active", status);
        }
        if ((target == ProspectStatus.LOST || target == ProspectStatus.ABANDONED) && stage == Stage.LANDED) {
            throw DomainException.conflict("prospect.status.landed-departs", target);
        }
        if (target == ProspectStatus.DEPARTED && (stage != Stage.LANDED || status != ProspectStatus.ACTIVE)) {
            throw DomainException.conflict("prospect.status.departed-needs-landed");
        }
        List<FieldError> missing = new ArrayList<>();
        if ((target == ProspectStatus.LOST || target == ProspectStatus.ABANDONED) && blank(reason)) {
            missing.add(new FieldError("reason", "prospect.status.reason-required"));
        }
        if (target == ProspectStatus.LOST && blank(lostTo)) {
            missing.add(new FieldError("lostTo", "prospect.status.lost-to-required"));
        }
        if (target == ProspectStatus.DEPARTED) {
            if (departedOn == null) {
                missing.add(new FieldError("departedOn", "prospect.status.departed-on-required"));
            } else if (departedOn.isAfter(today)) {
                missing.add(new FieldError("departedOn", "prospect.gate.future-date"));
            }
        }
        if (!missing.isEmpty()) {
            throw Invalid.rule("prospect.status.facts-missing", missing, target);
        }
        ProspectStatus from = status;
        status = target;
        statusReason = trimOrNull(reason);
        this.lostTo = target == ProspectStatus.LOST ? lostTo.trim() : null;
        if (target == ProspectStatus.DEPARTED) {
            this.departedOn = departedOn;
        }
        if (target == ProspectStatus.ACTIVE) {
            // a reopened pursuit starts its staleness clock afresh
            lastProgressAt = now;
        }
        updatedAt = now;
        return ProspectEvent.of(id, EventKind.STATUS, from, target, actor, now, trimOrNull(reason));
    }

    /** An officer takes a prospect from the shared pool; closed pursuits stay where they are. */
    public ProspectEvent claim(String actor, String actorTeam, LocalDateTime now) {
        if (owner != null) {
            throw DomainException.conflict("prospect.not-in-pool");
        }
        if (status.isClosed()) {
            throw DomainException.conflict("prospect.status.closed", status);
        }
        owner = actor;
        ownerSince = now;
        teamCode = actorTeam;
        updatedAt = now;
        return ProspectEvent.of(id, EventKind.OWNER, null, actor, actor, now, "claim");
    }

    /** The owner (or a manager) passes the prospect to another officer, who brings it into their team. */
    public ProspectEvent handOver(String to, String toTeam, String note, String actor, LocalDateTime now) {
        if (Objects.equals(owner, to)) {
            throw DomainException.conflict("prospect.handover.same-owner", to);
        }
        String from = owner;
        owner = to;
        ownerSince = now;
        teamCode = toTeam;
        updatedAt = now;
        return ProspectEvent.of(id, EventKind.OWNER, from, to, actor, now, trimOrNull(note));
    }

    /** Back to the shared pool, where any officer may claim it. */
    public ProspectEvent release(String note, String actor, LocalDateTime now) {
        if (owner == null) {
            throw DomainException.conflict("prospect.not-owned");
        }
        String from = owner;
        owner = null;
        ownerSince = null;
        teamCode = null;
        updatedAt = now;
        return ProspectEvent.of(id, EventKind.OWNER, from, null, actor, now, trimOrNull(note));
    }

    /**
     * Whether an owned pursuit has gone quiet for {@code days}: no activity since the later of the last activity
     * and the day the owner took it. Signed and landed firms are aftercare and never return to the pool.
     */
    public boolean isReclaimable(LocalDateTime now, int days) {
        if (owner == null || status != ProspectStatus.ACTIVE || stage.atLeast(Stage.SIGNED)) {
            return false;
        }
        LocalDateTime since = later(lastActivityAt, ownerSince);
        return since == null || !since.plusDays(days).isAfter(now);
    }

    /** The automatic release of a quiet prospect (see {@link #isReclaimable}). */
    public ProspectEvent reclaim(int days, LocalDateTime now) {
        if (!isReclaimable(now, days)) {
            throw DomainException.conflict("prospect.not-reclaimable");
        }
        String from = owner;
        owner = null;
        ownerSince = null;
        teamCode = null;
        updatedAt = now;
        return ProspectEvent.of(id, EventKind.RECLAIMED, from, null, "system", now, String.valueOf(days));
    }

    /**
     * A landing counts only once a second person confirms it: a manager who neither owns the prospect nor recorded
     * the landing (maker-checker).
     */
    public ProspectEvent verifyLanding(String verifier, LocalDateTime now) {
        checkVerifiable(verifier);
        landingVerifiedBy = verifier;
        landingVerifiedAt = now;
        updatedAt = now;
        return ProspectEvent.of(id, EventKind.VERIFIED, null, verifier, verifier, now, null);
    }

    /** The checker sends an unconvincing landing back to SIGNED, saying why; the facts stay for correction. */
    public ProspectEvent rejectLanding(String verifier, String reason, LocalDateTime now) {
        checkVerifiable(verifier);
        if (blank(reason)) {
            throw Invalid.rule("prospect.verify.reason-missing",
                    List.of(new FieldError("note", "prospect.verify.reason-required")));
        }
        stage = Stage.SIGNED;
        stageEnteredAt = now;
        landingRecordedBy = null;
        updatedAt = now;
        return ProspectEvent.of(id, EventKind.REJECTED, Stage.LANDED, Stage.SIGNED, verifier, now, reason.trim());
    }

    private void checkVerifiable(String verifier) {
        if (stage != Stage.LANDED) {
            throw DomainException.conflict("prospect.verify.not-landed");
        }
        if (landingVerifiedBy != null) {
            throw DomainException.conflict("prospect.verify.already", landingVerifiedBy);
        }
        if (verifier.equals(owner) || verifier.equals(landingRecordedBy)) {
            throw DomainException.forbidden("prospect.verify.own");
        }
    }

    /** The officer's own estimate replaces the stage default until the next stage move. */
    public ProspectEvent overrideProbability(Integer percent, String actor, LocalDateTime now) {
        if (percent != null && (percent < 0 || percent > 100)) {
            throw Invalid.rule("prospect.probability.range",
                    List.of(new FieldError("probability", "prospect.probability.range")));
        }
        Integer from = probabilityOverride;
        probabilityOverride = percent;
        updatedAt = now;
        return ProspectEvent.of(id, EventKind.PROBABILITY, from, percent, actor, now, null);
    }

    public ProspectEvent assignLeader(String newLeader, String actor, LocalDateTime now) {
        String from = leader;
        leader = trimOrNull(newLeader);
        updatedAt = now;
        return ProspectEvent.of(id, EventKind.LEADER, from, leader, actor, now, null);
    }

    /**
     * Logging a contact or visit is both activity and progress (it keeps the prospect out of the reclaim): the firm's
     * pursuit, if it has one, takes the activity's time where it is later than its own. One conditional UPDATE, so two
     * officers who log visits to the same firm at once both succeed (an update of the loaded entity answered the second
     * 409, issue 14); the version still rises, so an edit of the pursuit read before the visit is refused instead of
     * writing the old times back. Native SQL: Hibernate translates an HQL update again on every run (8 % of a visit's
     * CPU). Returns the rows changed (0: nobody pursues the firm).
     */
    public static int recordActivity(long companyId, LocalDateTime at, LocalDateTime now) {
        return getEntityManager().createNativeQuery("UPDATE prospect SET last_activity_at = CASE WHEN last_activity_at IS NULL "
                + "OR last_activity_at < ?1 THEN ?1 ELSE last_activity_at END, last_progress_at = CASE WHEN last_progress_at < ?1 "
                + "THEN ?1 ELSE last_progress_at END, updated_at = ?2, version = version + 1 WHERE company_id = ?3")
                .setParameter(1, at).setParameter(2, now).setParameter(3, companyId).executeUpdate();
    }

    public int probability(List<Integer> stageDefaults) {
        if (probabilityOverride != null) {
            return probabilityOverride;
        }
        return stage.ordinal() < stageDefaults.size() ? stageDefaults.get(stage.ordinal()) : 0;
    }

    public Staleness staleness(LocalDateTime now, int yellowDays, int redDays) {
        if (status != ProspectStatus.ACTIVE || stage == Stage.LANDED) {
            return Staleness.NONE;
        }
        return Staleness.of(daysBetween(lastProgressAt, now), yellowDays, redDays);
    }

    public long daysInStage(LocalDateTime now) {
        return daysBetween(stageEnteredAt, now);
    }

    public boolean landingCounts() {
        return stage == Stage.LANDED && landingVerifiedBy != null;
    }

    public boolean awaitsVerification() {
        return stage == Stage.LANDED && landingVerifiedBy == null;
    }

    static long daysBetween(LocalDateTime from, LocalDateTime to) {
        return from == null ? 0 : Math.max(0, Duration.between(from, to).toDays());
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public String leader() {
        return leader;
    }

    @Override
    public String teamCode() {
        return teamCode;
    }

    @Override
    public boolean confidential() {
        return confidential;
    }
}
