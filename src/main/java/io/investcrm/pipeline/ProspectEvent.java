package io.investcrm.pipeline;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One row of a prospect's history: who changed what from which value to which, and when. */
@Entity
@Table(name = "prospect_event")
public class ProspectEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "prospect_id", nullable = false)
    public Long prospectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventKind kind;

    @Column(name = "from_value")
    public String fromValue;

    @Column(name = "to_value")
    public String toValue;

    @Column(nullable = false)
    public String actor;

    @Column(name = "occurred_at", nullable = false)
    public LocalDateTime occurredAt;

    public String note;

    static ProspectEvent of(Long prospectId, EventKind kind, Object from, Object to, String actor, LocalDateTime at,
            String note) {
        ProspectEvent e = new ProspectEvent();
        e.prospectId = prospectId;
        e.kind = kind;
        e.fromValue = from == null ? null : from.toString();
        e.toValue = to == null ? null : to.toString();
        e.actor = actor;
        e.occurredAt = at;
        e.note = note;
        return e;
    }
}
