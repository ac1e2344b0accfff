package io.investcrm.company.contact;

import java.time.LocalDateTime;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a person may write about a contact. On update a null personal field keeps the stored value (the writer may not
 * be allowed to see it); an empty string clears it. {@code version} is the version the writer saw.
 */
public record ContactForm(
        @Size(max = 128, message = "validation.too-long") String name,
        @Size(max = 128, message = "validation.too-long") String title,
        @Pattern(regexp = "^$|^[+0-9 ()\\-]{5,32}$", message = "contact.phone.invalid") String phone,
        @Email(message = "contact.email.invalid") @Size(max = 255, message = "validation.too-long") String email,
        @Pattern(regexp = "^$|^[A-Za-z0-9_+\\-]{3,64}$", message = "contact.wechat.invalid") String wechat,
        @NotBlank(message = "validation.required") @Size(max = 64, message = "validation.too-long") String source,
        @NotNull(message = "validation.required") Consent consent,
        LocalDateTime consentAt,
        @Size(max = 500, message = "validation.too-long") String consentNote,
        Integer version) {

    public static ContactForm empty() {
        return new ContactForm(null, null, null, null, null, null, Consent.PENDING, null, null, null);
    }
}
