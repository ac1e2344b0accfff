package io.investcrm.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-time codes (RFC 6238: HMAC-SHA1, 6 digits, 30 s) of the demo users' second factor. manager1, approver1 and
 * admin1 carry a pre-seeded OTP credential in config/keycloak/investcrm-realm.json with this DEV-ONLY secret (Keycloak
 * keys the HMAC with the secret's UTF-8 bytes), so the tests sign in without a phone.
 */
public final class Totp {

    /** DEV-ONLY, the same in the realm file. */
    public static final String DEMO_SECRET = "investcrmDevOnlyTotp";

    private Totp() {
    }

    public static String now() {
        return at(System.currentTimeMillis() / 1000 / 30);
    }

    static String at(long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(DEMO_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0f;
            int code = ((h[offset] & 0x7f) << 24 | (h[offset + 1] & 0xff) << 16 | (h[offset + 2] & 0xff) << 8
                    | (h[offset + 3] & 0xff)) % 1_000_000;
            return String.format("%06d", code);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
