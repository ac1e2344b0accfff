package io.investcrm.security.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of personal data at rest, with key rotation by key id.
 *
 * <p>Stored form: {@code v2:<keyId>:<base64(iv | ciphertext | tag)>} with a fresh random 12-byte IV
 * and a 128-bit tag. The header and a <em>context</em> naming the row and field (e.g. {@code contact:42:phone}) are
 * bound in as associated data, so neither the header can be edited nor a value be copied to another row or field
 * without failing decryption (issue 13, #10). Values of the first version ({@code v1:}, header only as associated
 * data) still decrypt, and {@link #needsReEncryption} reports them so a job rewrites them as {@code v2}. New values
 * are encrypted under the current key; values under any configured key decrypt. Instances are immutable and
 * thread-safe.
 */
public final class PiiCipher {

    public static final String VERSION = "v2";
    /** The first stored form: no context bound; decrypts, never written. */
    public static final String LEGACY_VERSION = "v1";

    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MIN_INDEX_KEY_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String currentKeyId;

    /** A cipher with a single key. */
    public PiiCipher(String keyId, String base64Key) {
        this(Map.of(Objects.requireNonNull(keyId, "keyId"), Objects.requireNonNull(base64Key, "base64Key")), keyId);
    }

    /**
     * A cipher that decrypts under any of {@code base64KeysById} and encrypts under {@code currentKeyId}.
     *
     * @throws IllegalArgumentException if a key id is not 1–64 of {@code [A-Za-z0-9_.-]}, a key is not
     *                                  base64 of exactly 32 bytes, or the current key id has no key
     */
    public PiiCipher(Map<String, String> base64KeysById, String currentKeyId) {
        Objects.requireNonNull(base64KeysById, "base64KeysById");
        Map<String, SecretKey> decoded = new LinkedHashMap<>();
        base64KeysById.forEach((id, base64) -> decoded.put(checkKeyId(id), decodeKey(id, base64)));
        if (!decoded.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("no key configured for the current key id " + currentKeyId);
        }
        this.keys = Map.copyOf(decoded);
        this.currentKeyId = currentKeyId;
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /**
     * The stored form of {@code plain} under the current key, bound to {@code context} (the row and field it is
     * stored in); null stays null.
     */
    public String encrypt(String plain, String context) {
        Objects.requireNonNull(context, "context");
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(VERSION, currentKeyId, context));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] payload = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return VERSION + ":" + currentKeyId + ":" + Base64.getEncoder().encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The plain text of a stored value read from the row and field named by {@code context}; null stays null.
     *
     * @throws PiiDecryptionException if the value is malformed, names an unknown key, was tampered with, or was
     *                                encrypted for another row or field
     */
    public String decrypt(String stored, String context) {
        Objects.requireNonNull(context, "context");
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !(parts[0].equals(VERSION) || parts[0].equals(LEGACY_VERSION))) {
            throw new PiiDecryptionException(PiiDecryptionException.Reason.MALFORMED, "not a " + VERSION + " encrypted value");
        }
        String keyId = parts[1];
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new PiiDecryptionException(PiiDecryptionException.Reason.UNKNOWN_KEY, "no key configured for key id " + keyId);
        }
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new PiiDecryptionException(PiiDecryptionException.Reason.MALFORMED, "payload is not base64", e);
        }
        if (payload.length < IV_BYTES + TAG_BITS / 8) {
            throw new PiiDecryptionException(PiiDecryptionException.Reason.MALFORMED, "payload too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, payload, 0, IV_BYTES));
            cipher.updateAAD(associatedData(parts[0], keyId, context));
            byte[] plain = cipher.doFinal(payload, IV_BYTES, payload.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new PiiDecryptionException(PiiDecryptionException.Reason.TAMPERED,
                    "authentication failed for a value under key id " + keyId, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** True when a stored value is under another key than the current one, so a rotation job should re-encrypt it. */
    public boolean needsReEncryption(String stored) {
        if (stored == null) {
            return false;
        }
        String[] parts = stored.split(":", 3);
        return parts.length != 3 || !parts[0].equals(VERSION) || !parts[1].equals(currentKeyId);
    }

    /**
     * A keyed, deterministic lookup value (HMAC-SHA256, lower-case hex) for exact-match search on an
     * encrypted column; null stays null. Normalize first, e.g. with {@link PiiNormalizer}, or equal
     * values written differently get different indexes.
     *
     * @param hmacKey at least 32 bytes, kept apart from the encryption keys
     */
    public static String blindIndex(String normalizedValue, byte[] hmacKey) {
        if (hmacKey == null || hmacKey.length < MIN_INDEX_KEY_BYTES) {
            throw new IllegalArgumentException("the blind-index key must have at least " + MIN_INDEX_KEY_BYTES + " bytes");
        }
        if (normalizedValue == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(normalizedValue.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] associatedData(String version, String keyId, String context) {
        String header = version + ":" + keyId;
        // v1 bound the header only; v2 also the row and field ("|" cannot occur in a key id)
        String aad = version.equals(LEGACY_VERSION) ? header : header + "|" + context;
        return aad.getBytes(StandardCharsets.UTF_8);
    }

    private static String checkKeyId(String keyId) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a key id must be 1-64 characters of A-Z a-z 0-9 _ . -: " + keyId);
        }
        return keyId;
    }

    private static SecretKey decodeKey(String keyId, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(Objects.requireNonNull(base64, "key " + keyId).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key " + keyId + " is not valid base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("key " + keyId + " must be 32 bytes (AES-256), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
