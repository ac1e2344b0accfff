package io.investcrm.offer;

import static io.investcrm.core.Text.blank;
import static io.investcrm.core.Text.trimOrNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.investcrm.offer.approval.ApprovalRouting.StepRule;
import io.investcrm.core.DomainException;
import io.investcrm.core.DomainException.FieldError;
import io.investcrm.core.Invalid;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An offer of office space or a subsidy to a company, and its approval workflow. Every change is a transition that
 * refuses an illegal move (409), the wrong person (403) or missing facts (422) before touching any field; the service
 * persists it and writes the audit row in the same transaction.
 */
@Entity
@Table(name = "offer")
public class Offer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    @Column(name = "company_id", nullable = false)
    public Long companyId;

    /** The company's pursuit when the offer was made (null: the company was not pursued yet). */
    @Column(name = "prospect_id")
    public Long prospectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OfferKind kind;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OfferStatus status = OfferStatus.DRAFT;

    @Column(name = "zone_code")
    public String zoneCode;

    /** Building and address of the space offered. */
    public String building;

    @Column(name = "floor_area_sqm")
    public BigDecimal floorAreaSqm;

    @Column(name = "rent_per_sqm_month")
    public BigDecimal rentPerSqmMonth;

    @Column(name = "rent_free_months")
    public Integer rentFreeMonths;

    @Column(name = "subsidy_amount_cny")
    public BigDecimal subsidyAmountCny;

    @Column(name = "policy_basis")
    public String policyBasis;

    @Column(name = "term_months", nullable = false)
    public int termMonths;

    public String conditions;

    /** The building of the inventory the space is in (null: a building outside the inventory, nothing held). */
    @Column(name = "building_id")
    public Long buildingId;

    @Column(name = "unit_label")
    public String unitLabel;

    /** Discount on the building's listed rent, in percent (a space tier limit). */
    @Column(name = "discount_pct")
    public BigDecimal discountPct;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "subsidy_kind")
    public SubsidyKind subsidyKind;

    /** The subsidy policy whose yearly budget the subsidy draws on (null: none named, no budget checked). */
    @Column(name = "policy_id")
    public Long policyId;

    public Integer instalments;

    @Column(name = "min_local_tax_cny")
    public BigDecimal minLocalTaxCny;

    @Column(name = "min_headcount")
    public Integer minHeadcount;

    @Column(name = "stay_years")
    public Integer stayYears;

    /** What the firm repays when a condition is missed. */
    public String clawback;

    /** The company group it counts for (cumulative thresholds), fixed when submitted. */
    @Column(name = "group_key")
    public Long groupKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "space_state")
    public SpaceState spaceState;

    /** What was drawn from the policy's budget on approval (given back on decline or expiry). */
    @Column(name = "charged_cny")
    public BigDecimal chargedCny;

    /** Undecided by then, the offer expires and its hold is released. */
    @Column(name = "hold_expires_at")
    public LocalDateTime holdExpiresAt;

    /** Which submission this is (a returned offer is resubmitted in the next round). */
    @Column(name = "round_no", nullable = false)
    public int roundNo;

    /** The terms as last submitted (JSON), so a resubmission shows what changed. */
    @Column(name = "submitted_terms")
    public String submittedTerms;

    @Column(name = "issued_at")
    public LocalDateTime issuedAt;

    /** The offer letter stands until then. */
    @Column(name = "valid_until")
    public LocalDate validUntil;

    /** The conditions' check dates became follow-ups for the owner (once, after the firm landed). */
    @Column(name = "follow_ups_made", nullable = false)
    public boolean followUpsMade;

    /** The role the pending step needs; null unless SUBMITTED (the "awaiting me" queue reads it). */
    @Column(name = "awaiting_role")
    public String awaitingRole;

    /** Why it was withdrawn, or the company's answer. */
    @Column(name = "closing_note")
    public String closingNote;

    @Column(nullable = false)
    public String owner;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public LocalDateTime updatedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public LocalDateTime submittedAt;

    @Column(name = "decided_at")
    public LocalDateTime decidedAt;

    @Column(name = "outcome_at")
    public LocalDateTime outcomeAt;

    @OneToMany(mappedBy = "offer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("roundNo, stepNo")
    public List<OfferApproval> approvals = new ArrayList<>();

    /** Whoever changed the terms of the draft (not its maker): they may not decide it either. */
    @ElementCollection
    @CollectionTable(name = "offer_editor", joinColumns = @JoinColumn(name = "offer_id"))
    @Column(name = "username")
    public Set<String> editors = new HashSet<>();

    /** A new draft owned by whoever makes it. */
    public static Offer draft(long companyId, Long prospectId, OfferForm terms, String actor, LocalDateTime now) {
        Offer o = new Offer();
        o.companyId = companyId;
        o.prospectId = prospectId;
        o.owner = actor;
        o.createdBy = actor;
        o.createdAt = now;
        o.apply(terms);
        o.updatedAt = now;
        return o;
    }

    /** Terms change only while the drafter holds the offer (draft or returned): it is locked while in approval. */
    public void edit(OfferForm terms, String actor, LocalDateTime now) {
        if (!status.isEditable()) {
            throw DomainException.conflict("offer.not-editable", status);
        }
        apply(terms);
        if (!actor.equals(createdBy)) {
            editors.add(actor);
        }
        updatedAt = now;
    }

    private void apply(OfferForm f) {
        kind = f.kind();
        title = f.title().trim();
        termMonths = f.termMonths();
        conditions = trimOrNull(f.conditions());
        boolean space = kind == OfferKind.SPACE;
        zoneCode = space ? trimOrNull(f.zoneCode()) : null;
        building = space ? trimOrNull(f.building()) : null;
        buildingId = space ? f.buildingId() : null;
        unitLabel = space ? trimOrNull(f.unitLabel()) : null;
        floorAreaSqm = space ? twoPlaces(f.floorAreaSqm()) : null;
        rentPerSqmMonth = space ? twoPlaces(f.rentPerSqmMonth()) : null;
        rentFreeMonths = space ? (f.rentFreeMonths() == null ? 0 : f.rentFreeMonths()) : null;
        discountPct = space ? twoPlaces(f.discountPct() == null ? BigDecimal.ZERO : f.discountPct()) : null;
        startDate = space ? f.startDate() : null;
        subsidyAmountCny = space ? null : twoPlaces(f.subsidyAmountCny());
        policyBasis = space ? null : trimOrNull(f.policyBasis());
        subsidyKind = space ? null : (f.subsidyKind() == null ? SubsidyKind.OTHER : f.subsidyKind());
        policyId = space ? null : f.policyId();
        instalments = space ? null : (f.instalments() == null ? 1 : f.instalments());
        minLocalTaxCny = space ? null : twoPlaces(f.minLocalTaxCny());
        minHeadcount = space ? null : f.minHeadcount();
        stayYears = space ? null : f.stayYears();
        clawback = space ? null : trimOrNull(f.clawback());
    }

    /** The facts a kind needs (the plan's zones, buildings and policies are checked by the service). */
    public static List<FieldError> missingFacts(OfferForm f) {
        List<FieldError> errors = new ArrayList<>();
        if (f.kind() == OfferKind.SPACE) {
            if (blank(f.zoneCode()) && f.buildingId() == null) {
                errors.add(new FieldError("zoneCode", "validation.required"));
            }
            if (blank(f.building()) && f.buildingId() == null) {
                errors.add(new FieldError("building", "validation.required"));
            }
            if (f.floorAreaSqm() == null) {
                errors.add(new FieldError("floorAreaSqm", "validation.required"));
            }
            if (f.rentPerSqmMonth() == null) {
                errors.add(new FieldError("rentPerSqmMonth", "validation.required"));
            }
            if (f.rentFreeMonths() != null && f.termMonths() != null && f.rentFreeMonths() > f.termMonths()) {
                errors.add(new FieldError("rentFreeMonths", "offer.rent-free.exceeds-term"));
            }
        } else if (f.kind() == OfferKind.SUBSIDY) {
            if (f.subsidyAmountCny() == null) {
                errors.add(new FieldError("subsidyAmountCny", "validation.required"));
            }
            if (blank(f.policyBasis()) && f.policyId() == null) {
                errors.add(new FieldError("policyBasis", "validation.required"));
            }
            boolean conditional = f.minLocalTaxCny() != null || f.minHeadcount() != null || f.stayYears() != null;
            if (conditional && blank(f.clawback())) {
                // plan 八(二): a conditional subsidy says what is paid back when a condition is missed
                errors.add(new FieldError("clawback", "offer.clawback.required"));
            }
        }
        return errors;
    }

    /**
     * Into approval (from a draft, or resubmitted after a return): lays out the steps of a new round; the first one is
     * now awaited and due within its service time. The service has fixed the steps from the cumulative tier.
     */
    public void submit(List<StepRule> steps, String actor, LocalDateTime now, LocalDateTime holdUntil) {
        if (!status.isEditable()) {
            throw DomainException.conflict("offer.not-draft", status);
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("an offer needs at least one approval step");
        }
        roundNo++;
        for (int i = 0; i < steps.size(); i++) {
            StepRule r = steps.get(i);
            approvals.add(OfferApproval.step(this, roundNo, i + 1, r.name(), r.role(), r.meetingRequired()));
        }
        OfferApproval first = pendingStep();
        first.arrive(now, steps.get(0).serviceHours());
        status = OfferStatus.SUBMITTED;
        awaitingRole = first.requiredRole;
        submittedBy = actor;
        submittedAt = now;
        holdExpiresAt = holdUntil;
        updatedAt = now;
    }

    /**
     * Approves the pending step (as the step's role, or for someone who lent it: {@code onBehalfOf}); a collective step
     * needs the meeting's reference. The last approved step approves the offer.
     */
    public OfferApproval approve(Decider who, String note, String meetingRef, Map<String, StepRule> rules,
            LocalDateTime now) {
        OfferApproval step = stepFor(who);
        if (step.meetingRequired && blank(meetingRef)) {
            throw Invalid.rule("offer.meeting-ref-missing",
                    List.of(new FieldError("meetingRef", "offer.meeting-ref.required")));
        }
        step.decide(who.username(), who.onBehalfOf(step.requiredRole), Decision.APPROVED, trimOrNull(note),
                trimOrNull(meetingRef), now);
        OfferApproval next = pendingStep();
        if (next == null) {
            status = OfferStatus.APPROVED;
            awaitingRole = null;
            holdExpiresAt = null;
            decidedAt = now;
        } else {
            StepRule rule = rules.get(next.stepName);
            next.arrive(now, rule == null ? 72 : rule.serviceHours());
            awaitingRole = next.requiredRole;
        }
        updatedAt = now;
        return step;
    }

    /** Rejects the pending step and with it the offer, for good; the officer must be told why. */
    public OfferApproval reject(Decider who, String reason, LocalDateTime now) {
        return close(who, reason, Decision.REJECTED, OfferStatus.REJECTED, now);
    }

    /** Sends the offer back to its drafter for revision; it is resubmitted in a new round, its changes shown. */
    public OfferApproval returnForRevision(Decider who, String reason, LocalDateTime now) {
        return close(who, reason, Decision.RETURNED, OfferStatus.RETURNED, now);
    }

    private OfferApproval close(Decider who, String reason, Decision verdict, OfferStatus to, LocalDateTime now) {
        OfferApproval step = stepFor(who);
        if (blank(reason)) {
            throw Invalid.rule("offer.reason-missing", List.of(new FieldError("reason", "offer.reason-required")));
        }
        step.decide(who.username(), who.onBehalfOf(step.requiredRole), verdict, reason.trim(), null, now);
        status = to;
        awaitingRole = null;
        holdExpiresAt = null;
        decidedAt = to == OfferStatus.REJECTED ? now : null;
        updatedAt = now;
        return step;
    }

    /** The submitter takes a submitted offer back to draft, as long as nobody has decided a step of this round. */
    public void recall(String actor, LocalDateTime now) {
        if (status != OfferStatus.SUBMITTED) {
            throw DomainException.conflict("offer.not-submitted", status);
        }
        if (!actor.equals(submittedBy)) {
            throw DomainException.forbidden("offer.recall-not-submitter");
        }
        if (currentRound().stream().anyMatch(a -> !a.isPending())) {
            throw DomainException.conflict("offer.recall-too-late");
        }
        approvals.removeIf(a -> a.roundNo == roundNo);
        roundNo--;
        status = OfferStatus.DRAFT;
        awaitingRole = null;
        holdExpiresAt = null;
        updatedAt = now;
    }

    /**
     * Who may decide the pending step (maker-checker): not whoever made, owns, edited or submitted the offer, not someone who
     * decided an earlier step of this round (two steps are two people), and only someone holding the step's role
     * (their own or lent to them, in which case the lender may not be involved either).
     */
    private OfferApproval stepFor(Decider who) {
        if (status == OfferStatus.DRAFT || status == OfferStatus.WITHDRAWN || status == OfferStatus.RETURNED) {
            throw DomainException.conflict("offer.not-submitted", status);
        }
        if (status != OfferStatus.SUBMITTED) {
            throw DomainException.conflict("offer.already-decided", status);
        }
        String actor = who.username();
        if (isMaker(actor)) {
            throw DomainException.forbidden("offer.four-eyes");
        }
        if (currentRound().stream().anyMatch(a -> actor.equals(a.decidedBy) || actor.equals(a.onBehalfOf))) {
            throw DomainException.conflict("offer.already-decided", status);
        }
        OfferApproval step = pendingStep();
        if (!who.holds(step.requiredRole)) {
            throw DomainException.forbidden("offer.step-role");
        }
        String lender = who.onBehalfOf(step.requiredRole);
        if (lender != null && (isMaker(lender) || currentRound().stream().anyMatch(a -> lender.equals(a.decidedBy)
                || lender.equals(a.onBehalfOf)))) {
            throw DomainException.forbidden("offer.four-eyes");
        }
        return step;
    }

    private boolean isMaker(String person) {
        return person.equals(createdBy) || person.equals(owner) || person.equals(submittedBy) || editors.contains(person);
    }

    public List<OfferApproval> currentRound() {
        return approvals.stream().filter(a -> a.roundNo == roundNo).toList();
    }

    public OfferApproval pendingStep() {
        return currentRound().stream().filter(OfferApproval::isPending).findFirst().orElse(null);
    }

    /** A draft, a returned offer, or a submitted offer nobody has finished deciding, may be withdrawn. */
    public void withdraw(String note, LocalDateTime now) {
        if (!status.isEditable() && status != OfferStatus.SUBMITTED) {
            throw DomainException.conflict("offer.not-withdrawable", status);
        }
        status = OfferStatus.WITHDRAWN;
        awaitingRole = null;
        holdExpiresAt = null;
        closingNote = trimOrNull(note);
        updatedAt = now;
    }

    /** The approved offer goes out as a letter; it stands until {@code until}, then expires unanswered. */
    public void issue(LocalDateTime now, LocalDate until) {
        if (status != OfferStatus.APPROVED) {
            throw DomainException.conflict("offer.not-approved", status);
        }
        status = OfferStatus.ISSUED;
        issuedAt = now;
        validUntil = until;
        updatedAt = now;
    }

    /** The company's answer to the issued letter; a decline records why (the office learns what it lost on). */
    public void recordOutcome(OfferOutcome outcome, String note, LocalDateTime now) {
        Objects.requireNonNull(outcome);
        if (status != OfferStatus.ISSUED) {
            throw DomainException.conflict("offer.not-issued", status);
        }
        if (outcome == OfferOutcome.DECLINED && blank(note)) {
            throw Invalid.rule("offer.reason-missing", List.of(new FieldError("note", "offer.reason-required")));
        }
        status = outcome.status();
        closingNote = trimOrNull(note);
        outcomeAt = now;
        updatedAt = now;
    }

    /**
     * Time ran out: a submitted offer undecided past its hold, or an approved or issued one unanswered past its letter's
     * date. Whatever it held or committed is released by the service.
     */
    public void expire(LocalDateTime now) {
        boolean undecided = status == OfferStatus.SUBMITTED && holdExpiresAt != null && !now.isBefore(holdExpiresAt);
        boolean unanswered = (status == OfferStatus.APPROVED || status == OfferStatus.ISSUED) && validUntil != null
                && now.toLocalDate().isAfter(validUntil);
        if (!undecided && !unanswered) {
            throw DomainException.conflict("offer.not-expirable", status);
        }
        status = OfferStatus.EXPIRED;
        awaitingRole = null;
        holdExpiresAt = null;
        outcomeAt = now;
        updatedAt = now;
    }

    /** Whether this person is kept from deciding it (made, owns, edited or submitted it, or decided a step of this round). */
    public boolean involves(String person) {
        return isMaker(person) || currentRound().stream().anyMatch(a -> person.equals(a.decidedBy));
    }

    /** The columns' scale, so a value reads the same before and after a round trip (validation allows two places). */
    private static BigDecimal twoPlaces(BigDecimal d) {
        return d == null ? null : d.setScale(2, RoundingMode.HALF_UP);
    }
}
