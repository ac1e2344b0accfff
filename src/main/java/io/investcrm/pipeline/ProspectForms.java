package io.investcrm.pipeline;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What clients send to start and act on a prospect (API bodies and page forms alike); messages are bundle keys. */
public final class ProspectForms {

    private ProspectForms() {
    }

    /** Start the pursuit of a company: owned by the caller, or straight into the shared pool. */
    public record Start(Boolean pool, @Size(max = 64, message = "validation.too-long") String leader,
            Boolean confidential, LocalDate expectedLandingDate) {

        public static Start empty() {
            return new Start(false, null, false, null);
        }
    }

    /** A stage move with the gate facts the target stage asks for; a move back needs a note. */
    public record Move(@NotNull(message = "validation.required") Stage stage, LocalDate signedOn,
            @Size(max = 128, message = "validation.too-long") String agreementRef, LocalDate registeredOn,
            @Size(max = 24, message = "validation.too-long") String localCreditCode,
            @Size(max = 1000, message = "validation.too-long") String landingEvidence,
            @Size(max = 1000, message = "validation.too-long") String note) {

        public GateFacts facts() {
            return new GateFacts(signedOn, agreementRef, registeredOn, localCreditCode, landingEvidence);
        }

        public static Move empty() {
            return new Move(null, null, null, null, null, null, null);
        }
    }

    public record Status(@NotNull(message = "validation.required") ProspectStatus status,
            @Size(max = 500, message = "validation.too-long") String reason,
            @Size(max = 255, message = "validation.too-long") String lostTo, LocalDate departedOn) {

        public static Status empty() {
            return new Status(null, null, null, null);
        }
    }

    public record Handover(@NotBlank(message = "validation.required") @Size(max = 64, message = "validation.too-long") String to,
            @Size(max = 1000, message = "validation.too-long") String note) {
    }

    public record Note(@Size(max = 1000, message = "validation.too-long") String note) {
    }

    /** The checker's decision on a recorded landing: approve, or reject with a reason. */
    public record Verification(@NotNull(message = "validation.required") Boolean approve,
            @Size(max = 1000, message = "validation.too-long") String note) {
    }

    /**
     * Probability override (empty: back to the stage default), expected landing, leader, confidentiality; {@code version}
     * is the version the person saw: a stale one answers 409 (issue 14, lost updates), none skips the check.
     */
    public record Details(@Min(value = 0, message = "prospect.probability.range") @Max(value = 100, message = "prospect.probability.range") Integer probability,
            LocalDate expectedLandingDate, @Size(max = 64, message = "validation.too-long") String leader,
            Boolean confidential, Integer version) {
    }
}
