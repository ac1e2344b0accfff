package io.investcrm.offer;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** An offer as a row of a list: what, for whom, where it stands and whose decision it waits for. */
public record OfferSummary(Long id, Long companyId, String companyName, OfferKind kind, String title, OfferStatus status,
        String awaitingRole, String zoneCode, BigDecimal floorAreaSqm, BigDecimal subsidyAmountCny, String owner,
        LocalDateTime submittedAt, LocalDateTime updatedAt) {

    static OfferSummary from(Offer o, String companyName) {
        return new OfferSummary(o.id, o.companyId, companyName, o.kind, o.title, o.status, o.awaitingRole, o.zoneCode,
                o.floorAreaSqm, o.subsidyAmountCny, o.owner, o.submittedAt, o.updatedAt);
    }
}
