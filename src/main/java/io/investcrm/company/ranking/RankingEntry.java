package io.investcrm.company.ranking;

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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A firm's place on a list, and the company record it was linked to (only CONFIRMED links count for matching and goals). */
@Entity
@Table(name = "ranking_entry")
public class RankingEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "list_id", nullable = false)
    public Long listId;

    @Column(name = "rank_no", nullable = false)
    public int rank;

    @Column(name = "entry_name", nullable = false)
    public String name;

    @Column(name = "entry_name_en")
    public String nameEn;

    @Column(name = "credit_code")
    public String creditCode;

    @Column(name = "hk_company_no")
    public String hkCompanyNo;

    public String lei;

    @Column(name = "company_id")
    public Long companyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "link_status", nullable = false)
    public LinkStatus linkStatus = LinkStatus.UNLINKED;

    @Column(name = "link_score")
    public BigDecimal linkScore;

    @Column(name = "link_reason")
    public String linkReason;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public LocalDateTime reviewedAt;
}
