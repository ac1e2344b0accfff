package io.investcrm.offer.approval;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.investcrm.core.DomainException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An approver's role lent to a colleague from {@code startsAt} until {@code endsAt} (while away), unless revoked. */
@Entity
@Table(name = "approver_delegation")
public class Delegation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String delegator;

    @Column(nullable = false)
    public String delegate;

    @Column(nullable = false)
    public String role;

    @Column(name = "starts_at", nullable = false)
    public LocalDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public LocalDateTime endsAt;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "revoked_at")
    public LocalDateTime revokedAt;

    public boolean activeAt(LocalDateTime t) {
        return revokedAt == null && !t.isBefore(startsAt) && t.isBefore(endsAt);
    }

    /** Ends it now; an ended or revoked delegation cannot be revoked again. */
    public void revoke(LocalDateTime now) {
        if (revokedAt != null || !now.isBefore(endsAt)) {
            throw DomainException.conflict("delegation.ended");
        }
        revokedAt = now;
    }
}
