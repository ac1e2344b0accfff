package io.investcrm.activity;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.investcrm.core.DomainException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A contact or visit with one or more firms: when, where, who was there, what was said and what comes next. */
@Entity
@Table(name = "activity")
public class Activity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActivityKind kind;

    @Column(name = "occurred_at", nullable = false)
    public LocalDateTime occurredAt;

    public String place;

    @Column(nullable = false)
    public String summary;

    public String outcome;

    @Column(name = "next_step")
    public String nextStep;

    @ElementCollection
    @CollectionTable(name = "activity_company", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "company_id")
    public Set<Long> companyIds = new LinkedHashSet<>();

    /** Ids of the firm's people who took part (the contacts feature owns the people themselves). */
    @ElementCollection
    @CollectionTable(name = "activity_contact", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "contact_id")
    public Set<Long> contactIds = new LinkedHashSet<>();

    /** Usernames of the officers present. */
    @ElementCollection
    @CollectionTable(name = "activity_officer", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "username")
    public Set<String> officers = new LinkedHashSet<>();

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "updated_at")
    public LocalDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /** The end of the grace period within which a mistaken entry may still be deleted (issue 15). */
    public LocalDateTime deletableUntil(Duration grace) {
        return createdAt.plus(grace);
    }

    /** Refuses a deletion once the grace period is over: from then on the entry is corrected, not removed. */
    public void checkDeletable(LocalDateTime now, Duration grace) {
        if (now.isAfter(deletableUntil(grace))) {
            throw DomainException.conflict("activity.delete-window-closed", grace.toHours());
        }
    }

    /** The author and managers (and admins) correct an entry; officers who were only present do not. */
    public boolean correctableBy(String username, boolean seesAll) {
        return seesAll || createdBy.equals(username);
    }
}
