package io.investcrm.company.contact;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.investcrm.audit.AuditEvent;
import io.investcrm.audit.AuditService;
import io.investcrm.company.Company;
import io.investcrm.company.CompanyService;
import io.investcrm.core.AppClock;
import io.investcrm.core.DomainException;
import io.investcrm.core.DomainException.FieldError;
import io.investcrm.core.Invalid;
import io.investcrm.security.CurrentUser;
import io.investcrm.security.PersonalDataPolicy;
import io.investcrm.security.Visibility;
import io.investcrm.security.Roles;
import io.investcrm.security.pii.Masking;
import io.investcrm.web.FormValidator;

/**
 * Contacts under PIPL: personal data encrypted at rest and masked in every list; the full value only for those who
 * work the firm (officer or manager, see {@link #mayReveal}), each reveal audited with the field; export of one
 * person's data and erasure on request. The field history records masked values only, so the audit trail holds no
 * personal data in clear.
 */
@ApplicationScoped
public class ContactService {

    public static final String AUDIT_TYPE = "contact";

    @Inject
    PiiService pii;

    @Inject
    CompanyService companies;

    @Inject
    AuditService audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    AppClock clock;

    @Inject
    FormValidator validator;

    @Inject
    EntityManager em;

    @Inject
    PersonalDataPolicy policy;

    @Inject
    Event<ContactErased> erased;

    @Inject
    Visibility visibility;

    public List<ContactView> ofCompany(long companyId) {
        companies.find(companyId);
        return Contact.<Contact>list("companyId = ?1 order by erasedAt, id", companyId).stream().map(ContactView::from).toList();
    }

    public ContactView get(long id) {
        return ContactView.from(find(id));
    }

    Contact find(long id) {
        Contact c = Contact.findById(id);
        if (c == null) {
            throw DomainException.notFound("contact", id);
        }
        // the company read path decides what may be seen (visibility lives in CompanyService)
        companies.find(c.companyId);
        return c;
    }

    public List<AuditEvent> history(long id) {
        find(id);
        return audit.history(AUDIT_TYPE, id);
    }

    @Transactional
    public ContactView create(long companyId, ContactForm form) {
        Contact c = createEntity(companyId, form);
        return ContactView.from(c);
    }

    /** Creates a contact in the caller's transaction (the import writes many in one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Contact createEntity(long companyId, ContactForm form) {
        companies.findLive(companyId);
        validate(form, true);
        Contact c = new Contact();
        c.companyId = companyId;
        Map<String, String> before = snapshot(c);
        Map<PiiField, String> unsealed = apply(c, form);
        c.createdAt = clock.now();
        c.createdBy = currentUser.username();
        c.updatedAt = c.createdAt;
        c.updatedBy = c.createdBy;
        c.persist();
        sealNew(c, unsealed);
        audit.record(AUDIT_TYPE, c.id, "create", "company " + companyId, changes(before, snapshot(c)));
        return c;
    }

    @Transactional
    public ContactView update(long id, ContactForm form) {
        Contact c = find(id);
        if (c.erased()) {
            throw DomainException.conflict("contact.erased");
        }
        if (form == null || form.version() == null || form.version() != c.version) {
            throw DomainException.conflict("conflict.stale");
        }
        validate(form, false);
        Map<String, String> before = snapshot(c);
        apply(c, form);
        c.updatedAt = clock.now();
        c.updatedBy = currentUser.username();
        audit.record(AUDIT_TYPE, c.id, "update", null, changes(before, snapshot(c)));
        return ContactView.from(c);
    }

    /**
     * Whether the signed-in person may see a contact's data in full. The roles decide first ({@link PersonalDataPolicy}:
     * managers may; admins and approvers never); an officer may for contacts he created or of firms he owns or nobody
     * owns yet (the pursuit's owner works the firm).
     */
    public boolean mayReveal(Contact c) {
        return mayReveal(c, () -> ownerOf(c.companyId));
    }

    private boolean mayReveal(Contact c, Supplier<String> pursuitOwner) {
        if (!policy.mayReadInFull()) {
            return false;
        }
        if (policy.readsEveryContact()) {
            return true;
        }
        if (currentUser.username().equals(c.createdBy)) {
            return true;
        }
        String owner = pursuitOwner.get();
        return owner == null || owner.equals(currentUser.username());
    }

    /**
     * The company's contacts as cards, with whether this reader may reveal each: for the company page, whose read
     * model has already checked that the reader sees the company and knows who owns its pursuit (one statement).
     */
    public List<ContactCard> cards(long visibleCompanyId, Supplier<String> pursuitOwner) {
        return Contact.<Contact>list("companyId = ?1 order by erasedAt, id", visibleCompanyId).stream()
                .map(c -> new ContactCard(ContactView.from(c), !c.erased() && mayReveal(c, pursuitOwner))).toList();
    }

    public boolean mayReveal(long contactId) {
        return mayReveal(find(contactId));
    }

    @Transactional
    public RevealView reveal(long id, PiiField field) {
        if (field == null) {
            throw DomainException.invalid(List.of(new FieldError("field", "validation.invalid-choice")));
        }
        Contact c = find(id);
        if (c.erased()) {
            throw DomainException.conflict("contact.erased");
        }
        if (!mayReveal(c)) {
            throw DomainException.forbidden("contact.reveal.forbidden");
        }
        String stored = switch (field) {
            case NAME -> c.nameEnc;
            case PHONE -> c.phoneEnc;
            case EMAIL -> c.emailEnc;
            case WECHAT -> c.wechatEnc;
        };
        audit.record(AUDIT_TYPE, c.id, "reveal", field.name());
        return new RevealView(c.id, field, pii.decrypt(stored, c.id, field));
    }

    /** Everything held about the person, in clear, for the person's own request; the export itself is audited. */
    @Transactional
    public PersonalDataExport export(long id) {
        Contact c = find(id);
        if (!policy.mayExport()) {
            throw DomainException.forbidden("contact.export.forbidden");
        }
        Company company = companies.find(c.companyId);
        audit.record(AUDIT_TYPE, c.id, "export", null);
        List<PersonalDataExport.Processing> processing = new ArrayList<>();
        for (AuditEvent e : audit.history(AUDIT_TYPE, id)) {
            processing.add(new PersonalDataExport.Processing(e.occurredAt, e.actor, e.action, e.detail));
        }
        return new PersonalDataExport(c.id, c.companyId, company.displayName(), pii.decrypt(c.nameEnc, c.id, PiiField.NAME),
                c.title, pii.decrypt(c.phoneEnc, c.id, PiiField.PHONE), pii.decrypt(c.emailEnc, c.id, PiiField.EMAIL),
                pii.decrypt(c.wechatEnc, c.id, PiiField.WECHAT), c.source, c.consent,
                c.consentAt, c.consentNote, c.createdAt, c.createdBy, clock.now(), processing);
    }

    /** The contact fields that say something about the person: what erasure blanks, in the row and in its history. */
    static final List<String> PERSONAL_FIELDS = List.of("name", "title", "phone", "email", "wechat", "consentNote");

    /**
     * Erasure on request (PIPL art. 47): every personal field, its masked copy and blind index go; the row stays as a
     * tombstone (company, source, consent withdrawn, who erased it when) so activities that named the person still
     * resolve, and the audit row proves the erasure. What the person leaves is nothing personal (issue 13, #2): the
     * field history keeps which field changed when and by whom, never a value (not even masked); the free-text reason
     * is not kept, since it may name the person.
     */
    @Transactional
    public ContactView erase(long id, String reason) {
        Contact c = find(id);
        if (!policy.mayErase()) {
            throw DomainException.forbidden("contact.erase.forbidden");
        }
        if (c.erased()) {
            throw DomainException.conflict("contact.erased");
        }
        Map<String, String> before = snapshot(c);
        erased.fire(new ContactErased(c.id, c.companyId, clear(c, c.nameEnc, PiiField.NAME), c.phoneIndex, c.emailIndex,
                clear(c, c.phoneEnc, PiiField.PHONE), clear(c, c.emailEnc, PiiField.EMAIL), clear(c, c.wechatEnc, PiiField.WECHAT)));
        c.nameEnc = null;
        c.nameMasked = null;
        c.title = null;
        c.phoneEnc = null;
        c.phoneMasked = null;
        c.phoneIndex = null;
        c.emailEnc = null;
        c.emailMasked = null;
        c.emailIndex = null;
        c.wechatEnc = null;
        c.wechatMasked = null;
        c.consent = Consent.WITHDRAWN;
        c.consentNote = null;
        c.erasedAt = clock.now();
        c.erasedBy = currentUser.username();
        c.updatedAt = c.erasedAt;
        c.updatedBy = c.erasedBy;
        audit.record(AUDIT_TYPE, c.id, "erase", null, changes(before, snapshot(c)));
        audit.redact(AUDIT_TYPE, c.id, PERSONAL_FIELDS);
        return ContactView.from(c);
    }

    private String clear(Contact c, String sealed, PiiField field) {
        return sealed == null ? null : pii.decrypt(sealed, c.id, field);
    }

    /** Contacts with this phone or e-mail (exact, through the blind indexes); the values never leave encrypted. */
    public List<ContactView> lookup(String phone, String email) {
        String pi = phone == null || phone.isBlank() ? null : pii.phoneIndex(phone);
        String ei = email == null || email.isBlank() ? null : pii.emailIndex(email);
        if (pi == null && ei == null) {
            return List.of();
        }
        return Contact.<Contact>list("(?1 is not null and phoneIndex = ?1) or (?2 is not null and emailIndex = ?2)", pi, ei)
                .stream().map(ContactView::from).toList();
    }

    /**
     * {@link #lookup} narrowed to contacts of companies the caller may see: an import's dry run must not tell whether a
     * phone or e-mail exists in another team's records (issue 13).
     */
    public List<ContactView> lookupVisible(String phone, String email) {
        return lookup(phone, email).stream().filter(c -> visibility.canSee(c.companyId())).toList();
    }

    private void validate(ContactForm form, boolean creating) {
        if (form == null) {
            throw Invalid.request("request.empty");
        }
        List<FieldError> errors = new ArrayList<>();
        if (creating && (form.name() == null || form.name().isBlank())) {
            errors.add(new FieldError("name", "validation.required"));
        }
        validator.validate(form, errors);
    }

    /**
     * Applies a form; returns the personal values still to seal when the contact has no id yet (a new one), since
     * every ciphertext is bound to its row and field (issue 13, #10).
     */
    private Map<PiiField, String> apply(Contact c, ContactForm f) {
        Map<PiiField, String> unsealed = new EnumMap<>(PiiField.class);
        if (f.name() != null) {
            String v = clean(f.name());
            seal(c, PiiField.NAME, v, unsealed);
            c.nameMasked = Masking.maskName(v);
        }
        c.title = clean(f.title());
        if (f.phone() != null) {
            String v = clean(f.phone());
            seal(c, PiiField.PHONE, v, unsealed);
            c.phoneMasked = Masking.maskPhone(v);
            c.phoneIndex = v == null ? null : pii.phoneIndex(v);
        }
        if (f.email() != null) {
            String v = clean(f.email());
            seal(c, PiiField.EMAIL, v, unsealed);
            c.emailMasked = Masking.maskEmail(v);
            c.emailIndex = v == null ? null : pii.emailIndex(v);
        }
        if (f.wechat() != null) {
            String v = clean(f.wechat());
            seal(c, PiiField.WECHAT, v, unsealed);
            c.wechatMasked = Masking.maskWeChat(v);
        }
        c.source = f.source().strip();
        Consent previous = c.consent;
        c.consent = f.consent();
        if (f.consentAt() != null) {
            c.consentAt = f.consentAt();
        } else if (f.consent() == Consent.GRANTED && previous != Consent.GRANTED) {
            // consent given now, with no earlier date on record
            c.consentAt = clock.now();
        }
        c.consentNote = clean(f.consentNote());
        return unsealed;
    }

    private void seal(Contact c, PiiField field, String plain, Map<PiiField, String> unsealed) {
        if (c.id == null) {
            unsealed.put(field, plain);
            return;
        }
        String stored = pii.encrypt(plain, c.id, field);
        switch (field) {
            case NAME -> c.nameEnc = stored;
            case PHONE -> c.phoneEnc = stored;
            case EMAIL -> c.emailEnc = stored;
            case WECHAT -> c.wechatEnc = stored;
        }
    }

    /**
     * Seals a new contact's values now that the row has its id; written directly and re-read, so the new contact
     * keeps version 0 like any other new record.
     */
    private void sealNew(Contact c, Map<PiiField, String> unsealed) {
        if (unsealed.values().stream().allMatch(java.util.Objects::isNull)) {
            return;
        }
        StringBuilder sql = new StringBuilder("UPDATE contact SET ");
        List<String> values = new ArrayList<>();
        unsealed.forEach((field, plain) -> {
            if (plain != null) {
                sql.append(values.isEmpty() ? "" : ", ").append(field.name().toLowerCase(java.util.Locale.ROOT))
                        .append("_enc = ?").append(values.size() + 1);
                values.add(pii.encrypt(plain, c.id, field));
            }
        });
        sql.append(" WHERE id = ?").append(values.size() + 1);
        var update = em.createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            update.setParameter(i + 1, values.get(i));
        }
        update.setParameter(values.size() + 1, c.id).executeUpdate();
        em.refresh(c);
    }

    /** The field history of a contact: masked values only. */
    private static Map<String, String> snapshot(Contact c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", c.nameMasked);
        m.put("title", c.title);
        m.put("phone", c.phoneMasked);
        m.put("email", c.emailMasked);
        m.put("wechat", c.wechatMasked);
        m.put("source", c.source);
        m.put("consent", c.consent == null ? null : c.consent.name());
        m.put("consentNote", c.consentNote);
        return m;
    }

    private static Map<String, String[]> changes(Map<String, String> before, Map<String, String> after) {
        return AuditService.diff(before, after);
    }

    private String ownerOf(long companyId) {
        List<?> rows = em.createNativeQuery("SELECT owner FROM prospect WHERE company_id = ?1").setParameter(1, companyId)
                .getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
