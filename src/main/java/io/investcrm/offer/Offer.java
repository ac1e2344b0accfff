package io.investcrm.offer;

import static io.investcrm.core.Text.blank;
import static io.investcrm.core.Text.trimOrNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    @OneToMany(mappedBy = "offer", cascade = CascadeType.ALL)
    @OrderBy("stepNo")
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

    /** Terms change only while the offer is a draft: what was submitted is what gets decided. */
    public void edit(OfferForm terms, String actor, LocalDateTime now) {
        if (status != OfferStatus.DRAFT) {
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
        floorAreaSqm = space ? twoPlaces(f.floorAreaSqm()) : null;
        rentPerSqmMonth = space ? twoPlaces(f.rentPerSqmMonth()) : null;
        rentFreeMonths = space ? (f.rentFreeMonths() == null ? 0 : f.rentFreeMonths()) : null;
        subsidyAmountCny = space ? null : twoPlaces(f.subsidyAmountCny());
        policyBasis = space ? null : trimOrNull(f.policyBasis());
    }

    /** The facts a kind needs (the plan's zones are checked by the service, which knows the plan). */
    public static List<FieldError> missingFacts(OfferForm f) {
        List<FieldError> errors = new ArrayList<>();
        if (f.kind() == OfferKind.SPACE) {
            if (blank(f.zoneCode())) {
                errors.add(new FieldError("zoneCode", "validation.required"));
            }
            if (blank(f.building())) {
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
            if (blank(f.policyBasis())) {
                errors.add(new FieldError("policyBasis", "validation.required"));
            }
        }
        return errors;
    }

    /** Into the approval workflow: lays out the steps the policy asks for; the first one is now awaited. */
    public void submit(ApprovalPolicy policy, String actor, LocalDateTime now) {
        if (status != OfferStatus.DRAFT) {
            throw DomainException.conflict("offer.not-draft", status);
        }
        List<String> roles = policy.steps(kind, subsidyAmountCny, floorAreaSqm);
        approvals.clear();
        for (int i = 0; i < roles.size(); i++) {
            approvals.add(OfferApproval.step(this, i + 1, roles.get(i)));
        }
        status = OfferStatus.SUBMITTED;
        awaitingRole = roles.get(0);
        submittedBy = actor;
        submittedAt = now;
        updatedAt = now;
    }

    /** Approves the pending step; the last approved step approves the offer. */
    public OfferApproval approve(String actor, Set<String> actorRoles, String note, LocalDateTime now) {
        OfferApproval step = stepFor(actor, actorRoles);
        step.decide(actor, Decision.APPROVED, trimOrNull(note), now);
        OfferApproval next = pendingStep();
        if (next == null) {
            status = OfferStatus.APPROVED;
            awaitingRole = null;
            decidedAt = now;
        } else {
            awaitingRole = next.requiredRole;
        }
        updatedAt = now;
        return step;
    }

    /** Rejects the pending step and with it the offer; the officer must be told why. */
    public OfferApproval reject(String actor, Set<String> actorRoles, String reason, LocalDateTime now) {
        OfferApproval step = stepFor(actor, actorRoles);
        if (blank(reason)) {
            throw Invalid.rule("offer.reason-missing", List.of(new FieldError("reason", "offer.reason-required")));
        }
        step.decide(actor, Decision.REJECTED, reason.trim(), now);
        status = OfferStatus.REJECTED;
        awaitingRole = null;
        decidedAt = now;
        updatedAt = now;
        return step;
    }

    /**
     * Who may decide the pending step (maker-checker): not whoever made, owns, edited or submitted the offer, not someone who
     * decided an earlier step of it (two steps are two people), and only someone holding the step's role.
     */
    private OfferApproval stepFor(String actor, Set<String> actorRoles) {
        if (status == OfferStatus.DRAFT || status == OfferStatus.WITHDRAWN) {
            throw DomainException.conflict("offer.not-submitted", status);
        }
        if (status != OfferStatus.SUBMITTED) {
            throw DomainException.conflict("offer.already-decided", status);
        }
        if (actor.equals(createdBy) || actor.equals(owner) || actor.equals(submittedBy) || editors.contains(actor)) {
            throw DomainException.forbidden("offer.four-eyes");
        }
        if (approvals.stream().anyMatch(a -> actor.equals(a.decidedBy))) {
            throw DomainException.conflict("offer.already-decided", status);
        }
        OfferApproval step = pendingStep();
        if (!actorRoles.contains(step.requiredRole)) {
            throw DomainException.forbidden("offer.step-role");
        }
        return step;
    }

    public OfferApproval pendingStep() {
        return approvals.stream().filter(OfferApproval::isPending).findFirst().orElse(null);
    }

    /** A draft, or a submitted offer nobody has finished deciding, may be withdrawn. */
    public void withdraw(String note, LocalDateTime now) {
        if (status != OfferStatus.DRAFT && status != OfferStatus.SUBMITTED) {
            throw DomainException.conflict("offer.not-withdrawable", status);
        }
        status = OfferStatus.WITHDRAWN;
        awaitingRole = null;
        closingNote = trimOrNull(note);
        updatedAt = now;
    }

    /** The company's answer to an approved offer; a decline records why (the office learns what it lost on). */
    public void recordOutcome(OfferOutcome outcome, String note, LocalDateTime now) {
        Objects.requireNonNull(outcome);
        if (status != OfferStatus.APPROVED) {
            throw DomainException.conflict("offer.not-approved", status);
        }
        if (outcome == OfferOutcome.DECLINED && blank(note)) {
            throw Invalid.rule("offer.reason-missing", List.of(new FieldError("note", "offer.reason-required")));
        }
        status = outcome.status();
        closingNote = trimOrNull(note);
        outcomeAt = now;
        updatedAt = now;
    }

    /** Whether this person is kept from deciding it (made, owns, edited or submitted it, or decided a step already). */
    public boolean involves(String person) {
        return person.equals(createdBy) || person.equals(owner) || person.equals(submittedBy) || editors.contains(person)
                || approvals.stream().anyMatch(a -> person.equals(a.decidedBy));
    }

    /** The columns' scale, so a value reads the same before and after a round trip (validation allows two places). */
    private static BigDecimal twoPlaces(BigDecimal d) {
        return d == null ? null : d.setScale(2, RoundingMode.HALF_UP);
    }
}
