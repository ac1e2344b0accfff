package io.investcrm.company;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A firm the office courts, with its identifiers, its place in a group and what it seeks in Futian. */
@Entity
@Table(name = "company")
public class Company extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "name_tc")
    public String nameTc;

    /** Lower-cased, normalised names and aliases joined: what name search looks in. */
    @Column(name = "search_text", nullable = false)
    public String searchText = "";

    @Column(name = "norm_name")
    public String normName;

    @Column(name = "credit_code")
    public String creditCode;

    @Column(name = "hk_company_no")
    public String hkCompanyNo;

    public String lei;

    @Column(name = "hq_country")
    public String hqCountry;

    @Column(name = "hq_city")
    public String hqCity;

    @Column(name = "parent_id")
    public Long parentId;

    /** The group's top entity, null for a top entity itself; a group counts once towards the plan's targets. */
    @Column(name = "group_id")
    public Long groupId;

    @Enumerated(EnumType.STRING)
    @Column(name = "entity_role", nullable = false)
    public EntityRole entityRole = EntityRole.STANDALONE;

    @Column(name = "presence_sought")
    public String presenceSought;

    @Column(name = "business_activities")
    public String businessActivities;

    @Column(name = "revenue_cny_m")
    public BigDecimal revenueCnyM;

    public Integer headcount;

    @Column(name = "space_need_sqm")
    public Integer spaceNeedSqm;

    @Column(name = "preferred_zone")
    public String preferredZone;

    public String website;

    @Column(name = "survivor_id")
    public Long survivorId;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "company_industry", joinColumns = @JoinColumn(name = "company_id"))
    @Column(name = "industry_code")
    public Set<String> industries = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public LocalDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** Which group this company belongs to: its top entity's id (its own id when it is the top). */
    public Long groupKey() {
        return groupId != null ? groupId : id;
    }

    /** The name people in the office use: Chinese first, English when there is no Chinese name. */
    public String displayName() {
        return displayName(nameZh, nameEn);
    }

    /** The display-name rule, for rows read without the entity (the one place it is written in Java). */
    public static String displayName(String nameZh, String nameEn) {
        return nameZh != null && !nameZh.isBlank() ? nameZh : nameEn;
    }

    /** The same rule as an SQL expression on the {@code company} row under {@code alias}. */
    public static String displayNameSql(String alias) {
        return "COALESCE(NULLIF(TRIM(" + alias + ".name_zh), ''), " + alias + ".name_en)";
    }
}
