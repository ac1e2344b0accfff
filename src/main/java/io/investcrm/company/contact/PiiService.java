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

    public String encrypt(String plain) {
        return cipher.encrypt(plain);
    }

    public String decrypt(String stored) {
        return cipher.decrypt(stored);
    }

    public String phoneIndex(String raw) {
        return PiiCipher.blindIndex(PiiNormalizer.phone(raw), indexKey);
    }

    public String emailIndex(String raw) {
        return PiiCipher.blindIndex(PiiNormalizer.email(raw), indexKey);
    }
}
