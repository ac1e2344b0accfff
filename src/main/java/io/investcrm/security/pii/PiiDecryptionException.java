package io.investcrm.security.pii;

/** A stored PII value could not be decrypted; the message never contains the value or a key. */
public final class PiiDecryptionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why decryption failed. */
    public enum Reason {
        /** Not a {@code v1:<keyId>:<payload>} string, or the payload is not base64 or too short. */
        MALFORMED,
        /** The key id in the value is not among the configured keys. */
        UNKNOWN_KEY,
        /** The authentication tag did not verify: the value was altered, or encrypted under another key. */
        TAMPERED
    }

    private final Reason reason;

    public PiiDecryptionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public PiiDecryptionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
