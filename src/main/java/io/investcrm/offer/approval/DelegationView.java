package io.investcrm.offer.approval;

import java.time.LocalDateTime;

/** A delegation as clients see it, and whether it is in force now. */
public record DelegationView(Long id, String delegator, String delegate, String role, LocalDateTime startsAt,
        LocalDateTime endsAt, LocalDateTime revokedAt, boolean active) {

    static DelegationView from(Delegation d, LocalDateTime now) {
        return new DelegationView(d.id, d.delegator, d.delegate, d.role, d.startsAt, d.endsAt, d.revokedAt, d.activeAt(now));
    }
}
