package io.investcrm.company.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import io.investcrm.company.Company;
import io.investcrm.company.contact.ContactForm;
import io.investcrm.company.contact.ContactService;
import io.investcrm.company.contact.ContactView;
import io.investcrm.company.identity.CreditCode;
import io.investcrm.security.Visibility;
import io.investcrm.security.pii.Masking;
import io.investcrm.core.DomainException;
import io.investcrm.core.DomainException.FieldError;

/**
 * Contacts from a file. The dry run's report names a person only masked (张**), and it compares phones and e-mails
 * only with the contacts the uploader may see: it must not answer whether a number exists anywhere (issue 13).
 */
@ApplicationScoped
class ContactImporter implements Importer {

    @Inject
    ContactService contacts;

    @Inject
    Validator validator;

    @Inject
    Visibility visibility;

    @Override
    public ImportKind kind() {
        return ImportKind.CONTACT;
    }

    @Override
    public List<String> missingColumns(Set<String> present) {
        List<String> missing = new ArrayList<>();
        if (!present.contains("name")) {
            missing.add("name");
        }
        if (!present.contains("companyId") && !present.contains("companyCreditCode")) {
            missing.add("companyId|companyCreditCode");
        }
        return missing;
    }

    @Override
    public DryRun dryRun(FileContext file) {
        Map<String, Integer> seen = new HashMap<>();
        return (rowNumber, p) -> {
            Long companyId = companyOf(p);
            ContactForm form = p.contact("import:" + file.fileName());
            List<FieldError> errors = new ArrayList<>(p.errors);
            if (companyId == null) {
                errors.add(new FieldError("companyId", "import.company.unknown"));
            }
            if (form.name() == null) {
                errors.add(new FieldError("name", "validation.required"));
            }
            errors.addAll(ImportChecks.violations(validator, form));
            List<ContactView> existing = contacts.lookupVisible(form.phone(), form.email());
            if (!existing.isEmpty()) {
                errors.add(new FieldError("phone", "import.contact.exists", existing.get(0).id()));
            }
            ImportChecks.inFile(errors, seen, "phone", form.phone() == null ? null : "p:" + form.phone().replaceAll("\\D", ""), rowNumber);
            ImportChecks.inFile(errors, seen, "email", form.email() == null ? null : "e:" + form.email().toLowerCase(Locale.ROOT), rowNumber);
            return ImportChecks.report(rowNumber, Masking.maskName(form.name()), errors, List.of());
        };
    }

    @Override
    public Run run(ImportJob job, FileContext file) {
        return p -> {
            Long companyId = companyOf(p);
            ContactForm form = p.contact("import:" + job.fileName);
            if (!p.errors.isEmpty() || companyId == null) {
                throw DomainException.invalid(p.errors.isEmpty()
                        ? List.of(new FieldError("companyId", "import.company.unknown")) : p.errors);
            }
            contacts.createEntity(companyId, form);
        };
    }

    /** The row's company, if the uploader may see it: a hidden firm is "unknown", as its page answers 404. */
    private Long companyOf(RowParser p) {
        Long id = p.longValue("companyId");
        Company c = null;
        if (id != null) {
            c = Company.findById(id);
        } else if (p.str("companyCreditCode") != null) {
            c = Company.find("creditCode = ?1 and survivorId is null", CreditCode.normalize(p.str("companyCreditCode")))
                    .firstResult();
        }
        return c == null || c.survivorId != null || !visibility.canSee(c.id) ? null : c.id;
    }
}
