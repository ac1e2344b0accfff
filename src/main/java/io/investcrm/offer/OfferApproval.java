package io.investcrm.offer;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One approval step of an offer: the role it needs and, once decided, who decided what, why and when. */
@Entity
@Table(name = "offer_approval")
public class OfferApproval extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "offer_id", nullable = false)
    public Offer offer;

    @Column(name = "round_no", nullable = false)
    public int roundNo;

    @Column(name = "step_no", nullable = false)
    public int stepNo;

    /** The configured step (section-chief, district-leader, collective…). */
    @Column(name = "step_name")
    public String stepName;

    @Column(name = "meeting_required", nullable = false)
    public boolean meetingRequired;

    /** The collective decision's meeting reference. */
    @Column(name = "meeting_ref")
    public String meetingRef;

    /** Whose role the decider held by delegation (null: their own). */
    @Column(name = "on_behalf_of")
    public String onBehalfOf;

    @Column(name = "arrived_at")
    public LocalDateTime arrivedAt;

    /** Pending past this, the decision is escalated. */
    @Column(name = "due_at")
    public LocalDateTime dueAt;

    @Column(name = "escalated_at")
    public LocalDateTime escalatedAt;

    @Column(name = "required_role", nullable = false)
    public String requiredRole;

    @Column(name = "decided_by")
    public String decidedBy;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    public String reason;

    @Column(name = "decided_at")
    public LocalDateTime decidedAt;

    static OfferApproval step(Offer offer, int roundNo, int stepNo, String stepName, String requiredRole,
            boolean meetingRequired) {
        OfferApproval a = new OfferApproval();
        a.offer = offer;
        a.roundNo = roundNo;
        a.stepNo = stepNo;
        a.stepName = stepName;
        a.requiredRole = requiredRole;
        a.meetingRequired = meetingRequired;
        return a;
    }

    /** The step is now awaited: its service time starts. */
    void arrive(LocalDateTime at, int serviceHours) {
        arrivedAt = at;
        dueAt = at.plusHours(serviceHours);
    }

    public boolean isPending() {
        return decision == null;
    }

    void decide(String by, String forWhom, Decision verdict, String why, String meeting, LocalDateTime at) {
        decidedBy = by;
        onBehalfOf = forWhom;
        meetingRef = meeting;
        decision = verdict;
        reason = why;
        decidedAt = at;
    }
}
