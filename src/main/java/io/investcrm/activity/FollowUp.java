package io.investcrm.activity;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.investcrm.core.DomainException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A next step someone owes by a date; reminded daily from the day before it is due, escalated when long overdue. */
@Entity
@Table(name = "follow_up")
public class FollowUp extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    @Column(name = "company_id")
    public Long companyId;

    @Column(name = "activity_id")
    public Long activityId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String assignee;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "done_at")
    public LocalDateTime doneAt;

    @Column(name = "reminded_at")
    public LocalDateTime remindedAt;

    @Column(name = "escalated_at")
    public LocalDateTime escalatedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    public void complete(LocalDateTime now) {
        if (doneAt != null) {
            throw DomainException.conflict("task.already-done");
        }
        doneAt = now;
    }

    public boolean isOverdue(LocalDate today) {
        return doneAt == null && dueOn.isBefore(today);
    }

    public long daysOverdue(LocalDate today) {
        return isOverdue(today) ? java.time.temporal.ChronoUnit.DAYS.between(dueOn, today) : 0;
    }
}
