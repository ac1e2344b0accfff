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

    @Column(name = "step_no", nullable = false)
    public int stepNo;

    @Column(name = "required_role", nullable = false)
    public String requiredRole;

    @Column(name = "decided_by")
    public String decidedBy;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    public String reason;

    @Column(name = "decided_at")
    public LocalDateTime decidedAt;

    static OfferApproval step(Offer offer, int stepNo, String requiredRole) {
        OfferApproval a = new OfferApproval();
        a.offer = offer;
        a.stepNo = stepNo;
        a.requiredRole = requiredRole;
        return a;
    }

    public boolean isPending() {
        return decision == null;
    }

    void decide(String by, Decision verdict, String why, LocalDateTime at) {
        decidedBy = by;
        decision = verdict;
        reason = why;
        decidedAt = at;
    }
}
