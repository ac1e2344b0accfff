package io.investcrm.plan;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A loaded plan file: its text is kept, so a report made with this version can always be explained again. */
@Entity
@Table(name = "plan_version")
public class PlanVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_code", nullable = false)
    public String planCode;

    @Column(name = "version_label", nullable = false)
    public String versionLabel;

    @Column(name = "title_zh", nullable = false)
    public String titleZh;

    @Column(name = "title_en", nullable = false)
    public String titleEn;

    @Column(name = "source_sha256", nullable = false)
    public String sourceSha256;

    @Column(name = "source_text", nullable = false)
    public String sourceText;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "loaded_at", nullable = false)
    public LocalDateTime loadedAt;

    @Column(name = "loaded_by", nullable = false)
    public String loadedBy;
}
