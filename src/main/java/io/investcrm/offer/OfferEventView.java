package io.investcrm.offer;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One transition of an offer, read from the audit trail: the action (create, update, submit, resubmit, approve,
 * reject, return, recall, withdraw, issue, accept, decline, expire), the status before and after (null when
 * unchanged), the step decided, the reason, and the terms it changed.
 */
public record OfferEventView(Long offerId, String title, String action, String actor, LocalDateTime at, String from, String to,
        Integer step, String note, List<OfferChangeView> changes) {

    public OfferEventView(Long offerId, String title, String action, String actor, LocalDateTime at, String from,
            String to, Integer step, String note) {
        this(offerId, title, action, actor, at, from, to, step, note, List.of());
    }
}
