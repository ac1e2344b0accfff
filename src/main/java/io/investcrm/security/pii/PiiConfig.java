package io.investcrm.security.pii;

import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * The keys for personal data ({@code investcrm.pii.*}): encryption keys by id, the id new values are encrypted under,
 * and the separate HMAC key of the blind indexes. Production takes all three from the environment.
 */
@ConfigMapping(prefix = "investcrm.pii")
public interface PiiConfig {

    /** Base64 AES-256 keys by key id; every id still found in stored values must stay here until re-encrypted. */
    Map<String, String> keys();

    String currentKey();

    /** Base64 HMAC key (at least 32 bytes) for blind indexes; changing it invalidates every stored index. */
    String indexKey();
}
