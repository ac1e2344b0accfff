package io.investcrm.offer.space;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A building of the space inventory (载体, plan 七(一)1) in a zone of 六(二). Of its vacant area, offers in approval
 * hold some and approved offers commit some; the rest is free. Holds and commitments move only through
 * {@link SpaceService}'s conditional UPDATEs, never through this entity.
 */
@Entity
@Table(name = "space_building")
public class SpaceBuilding extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    @Column(name = "zone_code", nullable = false)
    public String zoneCode;

    @Column(nullable = false)
    public String name;

    public String address;

    @Enumerated(EnumType.STRING)
    @Column(name = "owner_type", nullable = false)
    public OwnerType ownerType;

    /** Grade as the office rates it (甲, 乙, …). */
    public String grade;

    @Column(name = "total_area_sqm", nullable = false)
    public BigDecimal totalAreaSqm;

    /** What the office may offer (not let to others). */
    @Column(name = "vacant_area_sqm", nullable = false)
    public BigDecimal vacantAreaSqm;

    @Column(name = "held_area_sqm", nullable = false, insertable = false, updatable = false)
    public BigDecimal heldAreaSqm;

    @Column(name = "committed_area_sqm", nullable = false, insertable = false, updatable = false)
    public BigDecimal committedAreaSqm;

    public Integer floors;

    public Integer units;

    @Column(name = "listed_rent_per_sqm_month")
    public BigDecimal listedRentPerSqmMonth;

    /** The plan's industry codes it suits, comma-separated. */
    public String industries;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public LocalDateTime updatedAt;

    public BigDecimal freeAreaSqm() {
        BigDecimal held = heldAreaSqm == null ? BigDecimal.ZERO : heldAreaSqm;
        BigDecimal committed = committedAreaSqm == null ? BigDecimal.ZERO : committedAreaSqm;
        return vacantAreaSqm.subtract(held).subtract(committed);
    }
}
