package io.investcrm.company;

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

/** Another name a company goes by: an alias, a former name, or the name of a record merged into it. */
@Entity
@Table(name = "company_alias")
public class CompanyAlias extends PanacheEntityBase {

    /** Why the company carries the name. */
    public enum Kind {
        ALIAS, FORMER, MERGED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "company_id", nullable = false)
    public Long companyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String name;

    @Column(name = "norm_name", nullable = false)
    public String normName;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
