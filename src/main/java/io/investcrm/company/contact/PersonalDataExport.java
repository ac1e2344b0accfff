package io.investcrm.company.contact;

import java.time.LocalDateTime;
import java.util.List;

/** Everything the office holds about one person (PIPL art. 45), for the person who asks for it. */
public record PersonalDataExport(long contactId, long companyId, String companyName, String name, String title,
        String phone, String email, String wechat, String source, Consent consent, LocalDateTime consentAt,
        String consentNote, LocalDateTime createdAt, String createdBy, LocalDateTime exportedAt,
        List<Processing> processing) {

    /** One recorded use of the data: who did what, when. */
    public record Processing(LocalDateTime at, String actor, String action, String detail) {
    }
}
