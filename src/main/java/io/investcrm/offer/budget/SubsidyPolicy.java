package io.investcrm.offer.budget;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A subsidy policy clause and its budget for one year (plan 八(二)). What approvals committed moves only through
 * {@link BudgetService}'s conditional UPDATE, never through this entity.
 */
@Entity
@Table(name = "subsidy_policy")
public class SubsidyPolicy extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    public String clause;

    @Column(name = "budget_year", nullable = false)
    public int budgetYear;

    @Column(name = "budget_cny", nullable = false)
    public BigDecimal budgetCny;

    @Column(name = "committed_cny", nullable = false, insertable = false, updatable = false)
    public BigDecimal committedCny;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public LocalDateTime updatedAt;

    public BigDecimal remainingCny() {
        return budgetCny.subtract(committedCny == null ? BigDecimal.ZERO : committedCny);
    }
}
