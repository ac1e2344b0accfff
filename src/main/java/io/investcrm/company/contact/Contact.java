package io.investcrm.company.contact;

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
 * A person at a firm. Personal data (PIPL) is stored encrypted ({@code *_enc}), with masked copies for lists and blind
 * indexes for exact lookup; an erased contact keeps only its tombstone (company, source, consent, who erased it when).
 */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    @Column(name = "company_id", nullable = false)
    public Long companyId;

    @Column(name = "name_enc")
    public String nameEnc;

    @Column(name = "name_masked")
    public String nameMasked;

    public String title;

    @Column(name = "phone_enc")
    public String phoneEnc;

    @Column(name = "phone_masked")
    public String phoneMasked;

    @Column(name = "phone_index")
    public String phoneIndex;

    @Column(name = "email_enc")
    public String emailEnc;

    @Column(name = "email_masked")
    public String emailMasked;

    @Column(name = "email_index")
    public String emailIndex;

    @Column(name = "wechat_enc")
    public String wechatEnc;

    @Column(name = "wechat_masked")
    public String wechatMasked;

    @Column(nullable = false)
    public String source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Consent consent;

    @Column(name = "consent_at")
    public LocalDateTime consentAt;

    @Column(name = "consent_note")
    public String consentNote;

    @Column(name = "erased_at")
    public LocalDateTime erasedAt;

    @Column(name = "erased_by")
    public String erasedBy;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public LocalDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public boolean erased() {
        return erasedAt != null;
    }
}
