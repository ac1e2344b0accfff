package io.investcrm.company;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Rows of other features' tables (the pipeline's prospect and events, activities) written directly, so the company
 * features that read them (coverage, merge, reveal ownership) can be tested before those features exist.
 */
@ApplicationScoped
public class CompanyFixtures {

    @Inject
    EntityManager em;

    public long prospect(long companyId, String stage, String owner) {
        return QuarkusTransaction.requiringNew().call(() -> {
            LocalDateTime now = LocalDateTime.now();
            // the owner's team, as the pipeline records it (the realm's demo users: officer3 is team-b, the rest team-a)
            String team = owner == null ? null : "officer3".equals(owner) ? "team-b" : "team-a";
            em.createNativeQuery("INSERT INTO prospect (company_id, stage, status, owner, team_code, stage_entered_at, "
                    + "last_progress_at, created_at, updated_at) VALUES (?1, ?2, 'ACTIVE', ?3, ?5, ?4, ?4, ?4, ?4)")
                    .setParameter(1, companyId).setParameter(2, stage).setParameter(3, owner).setParameter(4, now)
                    .setParameter(5, team).executeUpdate();
            return id("SELECT id FROM prospect WHERE company_id = ?1", companyId);
        });
    }

    public void prospectEvent(long prospectId, String to) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO prospect_event (prospect_id, kind, "
                + "from_value, to_value, actor, occurred_at) VALUES (?1, 'STAGE', NULL, ?2, 'officer1', ?3)")
                .setParameter(1, prospectId).setParameter(2, to).setParameter(3, LocalDateTime.now()).executeUpdate());
    }

    public long activity(long... companyIds) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("INSERT INTO activity (kind, occurred_at, summary, created_by, created_at) "
                    + "VALUES ('VISIT', ?1, 'fixture visit', 'officer1', ?1)").setParameter(1, LocalDateTime.now()).executeUpdate();
            long id = id("SELECT MAX(id) FROM activity", null);
            for (long c : companyIds) {
                em.createNativeQuery("INSERT INTO activity_company (activity_id, company_id) VALUES (?1, ?2)")
                        .setParameter(1, id).setParameter(2, c).executeUpdate();
            }
            return id;
        });
    }

    public long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    @SuppressWarnings("unchecked")
    public List<Object[]> rows(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            List<Object> raw = q.getResultList();
            return raw.stream().map(r -> r instanceof Object[] a ? a : new Object[] { r }).toList();
        });
    }

    private long id(String sql, Object param) {
        var q = em.createNativeQuery(sql);
        if (param != null) {
            q.setParameter(1, param);
        }
        Object r = q.getSingleResult();
        return r instanceof BigInteger b ? b.longValue() : ((Number) r).longValue();
    }
}
