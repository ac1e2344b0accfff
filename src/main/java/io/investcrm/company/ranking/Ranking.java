package io.investcrm.company.ranking;

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

import io.investcrm.plan.model.RankingScope;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A ranking list of one year (the target register): Fortune Global 500 2024, 香港前20律师行 2024 … */
@Entity
@Table(name = "ranking_list")
public class Ranking extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    @Column(nullable = false)
    public String code;

    @Column(name = "list_year", nullable = false)
    public int year;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RankingScope scope;

    @Column(name = "field_code")
    public String fieldCode;

    public String source;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
