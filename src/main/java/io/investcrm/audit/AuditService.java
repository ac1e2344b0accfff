package io.investcrm.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.investcrm.core.AppClock;
import io.investcrm.security.CurrentUser;

/** Writes the audit trail; callers are already in their action's transaction, so audit and change commit together. */
@ApplicationScoped
public class AuditService {

    @Inject
    CurrentUser currentUser;

    @Inject
    AppClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(String entityType, Long entityId, String action, String detail) {
        return record(entityType, entityId, action, detail, Map.of());
    }

    /** Two snapshots of the same fields (before and after) as the change map {@link #record} takes. */
    public static Map<String, String[]> diff(Map<String, String> before, Map<String, String> after) {
        Map<String, String[]> changes = new LinkedHashMap<>();
        before.forEach((k, v) -> changes.put(k, new String[] { v, after.get(k) }));
        return changes;
    }

    /** Records an action and every field whose value changed; unchanged fields are left out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(String entityType, Long entityId, String action, String detail,
            Map<String, String[]> changes) {
        AuditEvent event = new AuditEvent();
        event.entityType = entityType;
        event.entityId = entityId;
        event.action = action;
        event.actor = currentUser.username();
        event.occurredAt = clock.now();
        event.detail = detail;
        changes.forEach((field, values) -> {
            if (!Objects.equals(values[0], values[1])) {
                AuditFieldChange change = new AuditFieldChange();
                change.event = event;
                change.field = field;
                change.oldValue = values[0];
                change.newValue = values[1];
                event.changes.add(change);
            }
        });
        event.persist();
        return event;
    }

    /**
     * Blanks the before/after values of {@code fields} in every recorded change of one entity, keeping who changed
     * which field when: erasure must reach the history too (PIPL art. 47, issue 13 #2).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int redact(String entityType, Long entityId, java.util.Collection<String> fields) {
        AuditEvent.getEntityManager().flush();
        return AuditEvent.getEntityManager().createNativeQuery("UPDATE audit_field_change SET old_value = NULL, new_value = NULL "
                + "WHERE field IN (?1) AND audit_event_id IN (SELECT id FROM audit_event WHERE entity_type = ?2 AND entity_id = ?3)")
                .setParameter(1, fields).setParameter(2, entityType).setParameter(3, entityId).executeUpdate();
    }

    /**
     * Rewrites the recorded before/after values of some records with {@code redact} (erasure reaching free text that
     * named a person, issue 13); returns how many values changed. Who changed which field when stays.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int redactValues(String entityType, java.util.Collection<Long> entityIds, java.util.function.UnaryOperator<String> redact) {
        if (entityIds.isEmpty()) {
            return 0;
        }
        List<AuditFieldChange> changes = AuditEvent.getEntityManager().createQuery("select c from AuditFieldChange c "
                + "where c.event.entityType = ?1 and c.event.entityId in ?2", AuditFieldChange.class)
                .setParameter(1, entityType).setParameter(2, entityIds).getResultList();
        int changed = 0;
        for (AuditFieldChange c : changes) {
            String oldValue = redact.apply(c.oldValue);
            String newValue = redact.apply(c.newValue);
            if (!Objects.equals(oldValue, c.oldValue) || !Objects.equals(newValue, c.newValue)) {
                c.oldValue = oldValue;
                c.newValue = newValue;
                changed++;
            }
        }
        return changed;
    }

    /**
     * Records of a type whose recorded {@code field} (a comma-separated id list such as an activity's companyIds) ever
     * held {@code id}, deleted records included: what erasure must reach beyond the live rows.
     */
    public List<Long> everListing(String entityType, String field, long id) {
        @SuppressWarnings("unchecked")
        List<Number> ids = AuditEvent.getEntityManager().createNativeQuery("SELECT DISTINCT e.entity_id FROM audit_event e "
                + "JOIN audit_field_change f ON f.audit_event_id = e.id WHERE e.entity_type = ?1 AND f.field = ?2 "
                + "AND (FIND_IN_SET(?3, f.old_value) > 0 OR FIND_IN_SET(?3, f.new_value) > 0)")
                .setParameter(1, entityType).setParameter(2, field).setParameter(3, Long.toString(id)).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** A record's history, newest first, with its field changes (one statement: pages list them all). */
    public List<AuditEvent> history(String entityType, Long entityId) {
        return AuditEvent.find("select e from AuditEvent e left join fetch e.changes c where e.entityType = ?1 "
                + "and e.entityId = ?2 order by e.occurredAt desc, e.id desc, c.id", entityType, entityId).list();
    }
}
