package io.investcrm.pipeline;

import java.time.LocalDate;

/** The facts a stage gate asks for: signing (签约) and landing (落地 registration of the local entity). */
public record GateFacts(LocalDate signedOn, String agreementRef, LocalDate registeredOn, String localCreditCode,
        String landingEvidence) {

    public static GateFacts none() {
        return new GateFacts(null, null, null, null, null);
    }
}
