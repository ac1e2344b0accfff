package io.investcrm.goals;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A licence or certificate a company holds (专栏1 #10, #11): type, number, issuer and validity. */
@Entity
@Table(name = "goal_licence")
public class CompanyLicence extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    @Column(name = "company_id", nullable = false)
    public long companyId;

    @Column(name = "licence_type", nullable = false)
    public String type;

    @Column(name = "licence_no", nullable = false)
    public String number;

    public String issuer;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public LocalDateTime recordedAt;
}
