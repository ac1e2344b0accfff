package io.investcrm.company.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import io.investcrm.company.Company;
import io.investcrm.company.CompanyForm;
import io.investcrm.company.CompanyService;
import io.investcrm.company.DuplicateFinder;
import io.investcrm.company.DuplicateView;
import io.investcrm.company.identity.CreditCode;
import io.investcrm.company.identity.Lei;
import io.investcrm.company.identity.NameNormalizer;
import io.investcrm.core.DomainException;
import io.investcrm.core.DomainException.FieldError;

/** Companies from a file: the words people write for coded fields are read by the company service, as in its forms. */
@ApplicationScoped
class CompanyImporter implements Importer {

    @Inject
    CompanyService companies;

    @Inject
    DuplicateFinder duplicates;

    @Inject
    Validator validator;

    @Override
    public ImportKind kind() {
        return ImportKind.COMPANY;
    }

    @Override
    public List<String> missingColumns(Set<String> present) {
        return present.contains("nameZh") || present.contains("nameEn") ? List.of() : List.of("nameZh|nameEn");
    }

    @Override
    public DryRun dryRun(FileContext file) {
        Map<String, Integer> seenIds = new HashMap<>();
        Map<String, Integer> seenNames = new HashMap<>();
        return (rowNumber, p) -> {
            String parentCode = p.str("parentCreditCode");
            // a parent may come earlier in the same file: it exists by the time its subsidiary is written
            Long parent = parentCode != null && file.creditCodes().contains(CreditCode.normalize(parentCode)) ? null
                    : parentOf(p, Map.of());
            CompanyForm written = p.company(parent);
            List<FieldError> errors = new ArrayList<>(p.errors);
            CompanyForm form = companies.understood(written, errors);
            String label = form.nameZh() != null ? form.nameZh() : form.nameEn();
            errors.addAll(companies.problems(form, null));
            errors.addAll(ImportChecks.violations(validator, form));
            ImportChecks.inFile(errors, seenIds, "creditCode",
                    form.creditCode() == null ? null : "cc:" + CreditCode.normalize(form.creditCode()), rowNumber);
            ImportChecks.inFile(errors, seenIds, "lei", form.lei() == null ? null : "lei:" + Lei.normalize(form.lei()), rowNumber);
            String norm = label == null ? null : NameNormalizer.standard().normalized(label);
            ImportChecks.inFile(errors, seenNames, "nameZh", norm == null || norm.isEmpty() ? null : norm, rowNumber);
            List<DuplicateView> dups = ImportChecks.probable(
                    duplicates.find(DuplicateFinder.facts(form, null, p.list("aliases")), null));
            return ImportChecks.report(rowNumber, label, errors, dups);
        };
    }

    @Override
    public Run run(ImportJob job, FileContext file) {
        Map<String, Long> createdByCode = new HashMap<>();
        return p -> {
            Long parent = parentOf(p, createdByCode);
            CompanyForm form = p.company(parent);
            if (!p.errors.isEmpty()) {
                throw DomainException.invalid(p.errors);
            }
            Company c = companies.createEntity(form, p.list("aliases"));
            if (c.creditCode != null) {
                createdByCode.put(c.creditCode, c.id);
            }
        };
    }

    private static Long parentOf(RowParser p, Map<String, Long> createdByCode) {
        Long parentId = p.longValue("parentId");
        String code = p.str("parentCreditCode");
        if (parentId == null && code != null) {
            String normalized = CreditCode.normalize(code);
            parentId = createdByCode.get(normalized);
            if (parentId == null) {
                Company parent = Company.find("creditCode", normalized).firstResult();
                if (parent == null) {
                    p.errors.add(new FieldError("parentCreditCode", "import.parent.unknown"));
                } else {
                    parentId = parent.id;
                }
            }
        }
        return parentId;
    }
}
