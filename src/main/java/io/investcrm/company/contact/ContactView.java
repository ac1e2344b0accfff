package io.investcrm.company.contact;

import java.time.LocalDateTime;

/** A contact as lists show it: personal data masked; the full value only through a reveal, which is audited. */
public record ContactView(
        Long id,
        Long companyId,
        int version,
        String name,
        String title,
        String phone,
        String email,
        String wechat,
        String source,
        Consent consent,
        LocalDateTime consentAt,
        String consentNote,
        boolean erased,
        LocalDateTime erasedAt,
        String erasedBy,
        LocalDateTime createdAt,
        String createdBy,
        LocalDateTime updatedAt,
        String updatedBy) {

    static ContactView from(Contact c) {
        return new ContactView(c.id, c.companyId, c.version, c.nameMasked, c.title, c.phoneMasked, c.emailMasked,
                c.wechatMasked, c.source, c.consent, c.consentAt, c.consentNote, c.erased(), c.erasedAt, c.erasedBy,
                c.createdAt, c.createdBy, c.updatedAt, c.updatedBy);
    }
}
