package io.investcrm.activity;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An in-app message (reminder, escalation); its text is a bundle key and arguments, shown in the reader's language. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    /** Separates the stored message arguments (a character no title contains). */
    static final String ARG_SEPARATOR = "\u001f";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String recipient;

    @Column(nullable = false)
    public String kind;

    @Column(name = "message_key", nullable = false)
    public String messageKey;

    public String args;

    public String link;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "read_at")
    public LocalDateTime readAt;

    Object[] argArray() {
        return args == null ? new Object[0] : args.split(ARG_SEPARATOR, -1);
    }
}
