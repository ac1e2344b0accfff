package io.investcrm.company.contact;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Rewrites stored personal data that is not in the current form: values of the first stored form ({@code v1}, not
 * bound to their row and field) and values under a retired key (issue 13, #10). Runs at start-up in batches; each
 * value is replaced only if it is still the one read (compare-and-set), so several replicas starting together, or a
 * user editing meanwhile, lose nothing. Once it has run under the new key, the old key can leave the key ring.
 */
@ApplicationScoped
public class PiiReEncryption {

    private static final Logger LOG = Logger.getLogger(PiiReEncryption.class);
    private static final int BATCH = 200;
    private static final List<PiiField> FIELDS = List.of(PiiField.NAME, PiiField.PHONE, PiiField.EMAIL, PiiField.WECHAT);

    @Inject
    PiiService pii;

    @Inject
    EntityManager em;

    void onStart(@Observes StartupEvent event) {
        int rewritten = run();
        if (rewritten > 0) {
            LOG.infof("Re-encrypted %d personal-data values into the current form", rewritten);
        }
    }

    /** Rewrites every outdated value; returns how many were rewritten. */
    public int run() {
        int total = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> outdated(from));
            if (rows.isEmpty()) {
                return total;
            }
            for (Object[] row : rows) {
                long id = ((Number) row[0]).longValue();
                for (int i = 0; i < FIELDS.size(); i++) {
                    String stored = (String) row[i + 1];
                    if (stored != null && pii.needsReEncryption(stored)) {
                        total += rewrite(id, FIELDS.get(i), stored);
                    }
                }
                after = id;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> outdated(long afterId) {
        String prefix = pii.currentPrefix() + "%";
        return em.createNativeQuery("SELECT id, name_enc, phone_enc, email_enc, wechat_enc FROM contact WHERE id > ?1 AND ("
                + "name_enc NOT LIKE ?2 OR phone_enc NOT LIKE ?2 OR email_enc NOT LIKE ?2 OR wechat_enc NOT LIKE ?2) "
                + "ORDER BY id LIMIT " + BATCH).setParameter(1, afterId).setParameter(2, prefix).getResultList();
    }

    private int rewrite(long id, PiiField field, String stored) {
        String column = field.name().toLowerCase(java.util.Locale.ROOT) + "_enc";
        String fresh;
        try {
            fresh = pii.encrypt(pii.decrypt(stored, id, field), id, field);
        } catch (io.investcrm.security.pii.PiiDecryptionException e) {
            // a value that does not decrypt stays as it is (and keeps failing loudly on reveal): never a silent loss
            LOG.warnf("contact %d %s not re-encrypted: %s", id, field, e.getMessage());
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("UPDATE contact SET " + column
                + " = ?1 WHERE id = ?2 AND " + column + " = ?3").setParameter(1, fresh).setParameter(2, id)
                .setParameter(3, stored).executeUpdate());
    }
}
