package io.investcrm.offer;

import java.time.LocalDateTime;

/**
 * One transition of an offer, read from the audit trail: the action (create, update, submit, approve, reject,
 * withdraw, accept, decline), the status before and after (null when unchanged), the step decided and the reason.
 */
public record OfferEventView(Long offerId, String title, String action, String actor, LocalDateTime at, String from, String to,
        Integer step, String note) {
}
