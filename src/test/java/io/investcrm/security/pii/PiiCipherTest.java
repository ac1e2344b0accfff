package io.investcrm.security.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.investcrm.security.pii.PiiDecryptionException.Reason;

class PiiCipherTest {

    /** Bytes 0..31 and 100..131, base64. */
    private static final String KEY_2024 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String KEY_2025 = "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=";
    private static final Pattern STORED = Pattern.compile("v2:k2024:[A-Za-z0-9+/]+={0,2}");

    private static final String CTX = "contact:7:name";

    private final PiiCipher cipher = new PiiCipher("k2024", KEY_2024);

    @ParameterizedTest
    @ValueSource(strings = {"张三丰", "13812345678", "zhang.san@example.com", "", " ", "深圳市南山区科技园 1 号 🏢",
        "a:b:c", "𠮷野家"})
    void roundTrips(String plain) {
        String stored = cipher.encrypt(plain, CTX);
        assertTrue(STORED.matcher(stored).matches(), stored);
        assertEquals(plain, cipher.decrypt(stored, CTX));
    }

    @Test
    void roundTripsLongText() {
        String plain = "招商引资项目联系人备注。".repeat(2_000);
        assertEquals(plain, cipher.decrypt(cipher.encrypt(plain, CTX), CTX));
    }

    @Test
    void nullStaysNull() {
        assertNull(cipher.encrypt(null, CTX));
        assertNull(cipher.decrypt(null, CTX));
        assertFalse(cipher.needsReEncryption(null));
    }

    @Test
    void payloadIsIvCiphertextAndTag() {
        String plain = "张三丰";
        byte[] payload = Base64.getDecoder().decode(cipher.encrypt(plain, CTX).substring("v2:k2024:".length()));
        assertEquals(12 + plain.getBytes(StandardCharsets.UTF_8).length + 16, payload.length);
    }

    @Test
    void freshIvEveryTime() {
        Set<String> stored = new HashSet<>();
        Set<String> ivs = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String s = cipher.encrypt("13812345678", CTX);
            stored.add(s);
            ivs.add(s.substring(9, 9 + 16)); // the first 12 bytes are the first 16 base64 characters
        }
        assertEquals(200, stored.size());
        assertEquals(200, ivs.size());
    }

    @Test
    void decryptsAValueProducedByAnIndependentImplementation() {
        // Python "cryptography" AESGCM: key bytes 0..31, IV bytes 200..211, AAD "v1:k2024"
        // a value of the first stored form (v1, no context bound) still decrypts, and is due for re-encryption
        String stored = "v1:k2024:yMnKy8zNzs/Q0dLT9MTBPz5FH5jEHC6NJjfZJ9Sy2p88IBwzuRDRwNBBklnFsIFUIg==";
        assertEquals("张三丰 13812345678", cipher.decrypt(stored, CTX));
        assertTrue(cipher.needsReEncryption(stored));
    }

    @Test
    void aValueCopiedToAnotherRowOrFieldDoesNotDecrypt() {
        // issue 13, #10: the row and field are bound in, so ciphertexts cannot be swapped between rows
        String stored = cipher.encrypt("13812345678", "contact:1:phone");
        assertEquals("13812345678", cipher.decrypt(stored, "contact:1:phone"));
        assertEquals(Reason.TAMPERED, assertThrows(PiiDecryptionException.class,
                () -> cipher.decrypt(stored, "contact:2:phone")).reason());
        assertEquals(Reason.TAMPERED, assertThrows(PiiDecryptionException.class,
                () -> cipher.decrypt(stored, "contact:1:email")).reason());
    }

    @Test
    void everyFlippedPayloadBitIsDetected() {
        String stored = cipher.encrypt("张三丰", CTX);
        String prefix = "v2:k2024:";
        byte[] payload = Base64.getDecoder().decode(stored.substring(prefix.length()));
        for (int i = 0; i < payload.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = payload.clone();
                tampered[i] ^= (byte) (1 << bit);
                String value = prefix + Base64.getEncoder().encodeToString(tampered);
                PiiDecryptionException e = assertThrows(PiiDecryptionException.class, () -> cipher.decrypt(value, CTX));
                assertEquals(Reason.TAMPERED, e.reason());
            }
        }
    }

    @Test
    void truncatedOrExtendedPayloadIsDetected() {
        String stored = cipher.encrypt("张三丰", CTX);
        byte[] payload = Base64.getDecoder().decode(stored.substring(9));
        byte[] shorter = Arrays.copyOf(payload, payload.length - 1);
        byte[] longer = Arrays.copyOf(payload, payload.length + 1);
        assertEquals(Reason.TAMPERED, assertThrows(PiiDecryptionException.class,
                () -> cipher.decrypt("v2:k2024:" + Base64.getEncoder().encodeToString(shorter), CTX)).reason());
        assertEquals(Reason.TAMPERED, assertThrows(PiiDecryptionException.class,
                () -> cipher.decrypt("v2:k2024:" + Base64.getEncoder().encodeToString(longer), CTX)).reason());
    }

    @Test
    void unknownKeyIdIsRejected() {
        String stored = cipher.encrypt("张三丰", CTX).replace("v2:k2024:", "v2:k1999:");
        PiiDecryptionException e = assertThrows(PiiDecryptionException.class, () -> cipher.decrypt(stored, CTX));
        assertEquals(Reason.UNKNOWN_KEY, e.reason());
        assertTrue(e.getMessage().contains("k1999"));
    }

    @Test
    void relabellingAValueWithAnotherKnownKeyIdIsDetected() {
        PiiCipher both = new PiiCipher(Map.of("k2024", KEY_2024, "k2025", KEY_2025), "k2025");
        String stored = both.encrypt("张三丰", CTX).replace("v2:k2025:", "v2:k2024:");
        assertEquals(Reason.TAMPERED, assertThrows(PiiDecryptionException.class, () -> both.decrypt(stored, CTX)).reason());
    }

    @Test
    void theKeyIdIsAuthenticatedEvenWhenBothIdsShareAKey() {
        // same key under two ids: only the associated data tells them apart
        PiiCipher aliased = new PiiCipher(Map.of("a", KEY_2024, "b", KEY_2024), "a");
        String stored = aliased.encrypt("张三丰", CTX).replace("v2:a:", "v2:b:");
        assertEquals(Reason.TAMPERED, assertThrows(PiiDecryptionException.class, () -> aliased.decrypt(stored, CTX)).reason());
    }

    @Test
    void aValueUnderAnotherKeyWithTheSameIdIsDetected() {
        String stored = new PiiCipher("k2024", KEY_2025).encrypt("张三丰", CTX);
        assertEquals(Reason.TAMPERED, assertThrows(PiiDecryptionException.class, () -> cipher.decrypt(stored, CTX)).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain text", "v1:k2024", "v2:k2024:AAAA", "V1:k2024:AAAA", "v2:k2024:not base64!",
        "v2:k2024:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" /* 27 bytes: shorter than IV + tag */})
    void malformedValuesAreRejected(String stored) {
        PiiDecryptionException e = assertThrows(PiiDecryptionException.class, () -> cipher.decrypt(stored, CTX));
        assertEquals(Reason.MALFORMED, e.reason());
    }

    @Test
    void messagesNeverCarryThePlainText() {
        String stored = cipher.encrypt("13812345678", CTX);
        String tampered = stored.substring(0, stored.length() - 3) + (stored.endsWith("A==") ? "B==" : "A==");
        PiiDecryptionException e = assertThrows(PiiDecryptionException.class, () -> cipher.decrypt(tampered, CTX));
        assertFalse(e.getMessage().contains("13812345678"));
        assertFalse(e.getMessage().contains(KEY_2024));
    }

    @Test
    void rotationDecryptsOldValuesAndEncryptsUnderTheNewKey() {
        String old = cipher.encrypt("张三丰", CTX);
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("k2024", KEY_2024);
        keys.put("k2025", KEY_2025);
        PiiCipher rotated = new PiiCipher(keys, "k2025");

        assertEquals("k2025", rotated.currentKeyId());
        assertEquals("张三丰", rotated.decrypt(old, CTX));
        assertTrue(rotated.needsReEncryption(old));

        String fresh = rotated.encrypt(rotated.decrypt(old, CTX), CTX);
        assertTrue(fresh.startsWith("v2:k2025:"));
        assertFalse(rotated.needsReEncryption(fresh));
        assertEquals("张三丰", rotated.decrypt(fresh, CTX));

        // the retired key alone cannot read the new value
        assertEquals(Reason.UNKNOWN_KEY, assertThrows(PiiDecryptionException.class, () -> cipher.decrypt(fresh, CTX)).reason());
    }

    @Test
    void needsReEncryptionForForeignFormats() {
        assertTrue(cipher.needsReEncryption("13812345678"));
        assertTrue(cipher.needsReEncryption("v0:k2024:AAAA"));
        assertFalse(cipher.needsReEncryption(cipher.encrypt("x", CTX)));
    }

    @Test
    void keysMustBe32BytesOfBase64() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        String longKey = Base64.getEncoder().encodeToString(new byte[33]);
        assertThrows(IllegalArgumentException.class, () -> new PiiCipher("k", shortKey));
        assertThrows(IllegalArgumentException.class, () -> new PiiCipher("k", longKey));
        assertThrows(IllegalArgumentException.class, () -> new PiiCipher("k", "not base64 %%%"));
        assertThrows(NullPointerException.class, () -> new PiiCipher("k", null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PiiCipher("k", shortKey));
        assertFalse(e.getMessage().contains(shortKey));
    }

    @Test
    void keyIdsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new PiiCipher("k:1", KEY_2024));
        assertThrows(IllegalArgumentException.class, () -> new PiiCipher("", KEY_2024));
        assertThrows(IllegalArgumentException.class, () -> new PiiCipher("密钥", KEY_2024));
        assertThrows(IllegalArgumentException.class, () -> new PiiCipher("x".repeat(65), KEY_2024));
        assertThrows(NullPointerException.class, () -> new PiiCipher((String) null, KEY_2024));
        assertEquals("2025-01_a.b", new PiiCipher("2025-01_a.b", KEY_2024).currentKeyId());
    }

    @Test
    void theCurrentKeyMustBeConfigured() {
        assertThrows(IllegalArgumentException.class, () -> new PiiCipher(Map.of("k2024", KEY_2024), "k2025"));
        assertThrows(IllegalArgumentException.class, () -> new PiiCipher(Map.of(), "k2024"));
        assertThrows(NullPointerException.class, () -> new PiiCipher((Map<String, String>) null, "k2024"));
    }

    @Test
    void keyWhitespaceIsTolerated() {
        PiiCipher padded = new PiiCipher("k2024", " " + KEY_2024 + "\n");
        assertEquals("张三丰", cipher.decrypt(padded.encrypt("张三丰", CTX), CTX));
    }

    @Test
    void blindIndexMatchesHmacSha256() {
        byte[] key = new byte[32];
        for (int i = 0; i < 32; i++) {
            key[i] = (byte) i;
        }
        // computed with Python's hmac module
        assertEquals("74f72ba305b51050f0d5a5ec21ff7fbb345ccc5da83e92b117dc5e42f9fc233e",
                PiiCipher.blindIndex("+8613812345678", key));
        assertEquals("ddd72c7add1063044e1716fa02b88e4b1c80371977d7b56a5e66ec729ac91573",
                PiiCipher.blindIndex("zhang.san@example.com", key));
    }

    @Test
    void blindIndexFindsEqualValuesWrittenDifferentlyOnceNormalized() {
        byte[] key = new byte[32];
        assertEquals(PiiCipher.blindIndex(PiiNormalizer.phone("138 1234 5678"), key),
                PiiCipher.blindIndex(PiiNormalizer.phone("+86-138-1234-5678"), key));
        assertEquals(PiiCipher.blindIndex(PiiNormalizer.email(" Zhang.San@Example.COM "), key),
                PiiCipher.blindIndex(PiiNormalizer.email("zhang.san@example.com"), key));
    }

    @Test
    void blindIndexDependsOnTheKey() {
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        b[31] = 1;
        assertNotEquals(PiiCipher.blindIndex("x", a), PiiCipher.blindIndex("x", b));
        assertEquals(64, PiiCipher.blindIndex("x", a).length());
    }

    @Test
    void blindIndexNullAndWeakKeys() {
        assertNull(PiiCipher.blindIndex(null, new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> PiiCipher.blindIndex("x", new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> PiiCipher.blindIndex("x", null));
    }

    @Test
    void cipherIsSafeToShareBetweenThreads() throws InterruptedException {
        Thread[] threads = new Thread[8];
        AtomicInteger failures = new AtomicInteger();
        for (int t = 0; t < threads.length; t++) {
            String plain = "联系人" + t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    if (!plain.equals(cipher.decrypt(cipher.encrypt(plain, CTX), CTX))) {
                        failures.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(0, failures.get());
    }
}
