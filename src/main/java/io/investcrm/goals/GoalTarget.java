package io.investcrm.goals;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A target a manager sets next to the plan's: a number of landings in a year, optionally for a zone and a team. */
@Entity
@Table(name = "goal_target")
public class GoalTarget extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    public String name;

    /** The plan target whose counting rule applies (null: every verified landing counts). */
    @Column(name = "plan_target_code")
    public String planTargetCode;

    @Column(name = "zone_code")
    public String zoneCode;

    @Column(name = "team_code")
    public String teamCode;

    @Column(name = "target_year", nullable = false)
    public int year;

    @Column(name = "target_count", nullable = false)
    public int count;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;
}
