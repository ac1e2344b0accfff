package io.investcrm.company.contact;

import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.investcrm.security.pii.PiiCipher;
import io.investcrm.security.pii.PiiConfig;
import io.investcrm.security.pii.PiiNormalizer;

/** The configured {@link PiiCipher} and blind-index key as one bean: what services call to seal and look up personal data. */
@ApplicationScoped
public class PiiService {

    private final PiiCipher cipher;
    private final byte[] indexKey;

    @Inject
    public PiiService(PiiConfig config) {
        this.cipher = new PiiCipher(config.keys(), config.currentKey());
        this.indexKey = Base64.getDecoder().decode(config.indexKey().strip());
    }

    /** Seals a contact field; the ciphertext is bound to this row and field (issue 13, #10). */
    public String encrypt(String plain, long contactId, PiiField field) {
        return cipher.encrypt(plain, context(contactId, field));
    }

    public String decrypt(String stored, long contactId, PiiField field) {
        return cipher.decrypt(stored, context(contactId, field));
    }

    /** True for a value under an old key or of the first stored form: the re-encryption job rewrites it. */
    public boolean needsReEncryption(String stored) {
        return cipher.needsReEncryption(stored);
    }

    public String currentPrefix() {
        return PiiCipher.VERSION + ":" + cipher.currentKeyId() + ":";
    }

    /** The row and field a contact value is bound to, e.g. {@code contact:42:phone}. */
    public static String context(long contactId, PiiField field) {
        return "contact:" + contactId + ":" + field.name().toLowerCase(java.util.Locale.ROOT);
    }

    public String phoneIndex(String raw) {
        return PiiCipher.blindIndex(PiiNormalizer.phone(raw), indexKey);
    }

    public String emailIndex(String raw) {
        return PiiCipher.blindIndex(PiiNormalizer.email(raw), indexKey);
    }
}
