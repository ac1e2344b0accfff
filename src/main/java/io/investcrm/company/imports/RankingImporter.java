package io.investcrm.company.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.investcrm.company.DuplicateFinder;
import io.investcrm.company.DuplicateView;
import io.investcrm.company.identity.CompanyFacts;
import io.investcrm.company.identity.CreditCode;
import io.investcrm.company.identity.HkCompanyNumber;
import io.investcrm.company.identity.Lei;
import io.investcrm.company.identity.NameNormalizer;
import io.investcrm.company.ranking.EntryRow;
import io.investcrm.company.ranking.RankingForm;
import io.investcrm.company.ranking.RankingService;
import io.investcrm.security.CurrentUser;
import io.investcrm.core.DomainException;
import io.investcrm.core.DomainException.FieldError;

/** A ranking list from a file: the list is created by the run, its entries linked to companies as they are added. */
@ApplicationScoped
class RankingImporter implements Importer {

    @Inject
    RankingService rankings;

    @Inject
    DuplicateFinder duplicates;

    @Inject
    CurrentUser currentUser;

    @Override
    public ImportKind kind() {
        return ImportKind.RANKING;
    }

    @Override
    public List<String> missingColumns(Set<String> present) {
        return List.of("rank", "name").stream().filter(c -> !present.contains(c)).toList();
    }

    @Override
    public void admit(RankingForm ranking) {
        // ranking lists are the office's reference data: managers keep them
        if (!currentUser.seesAll()) {
            throw DomainException.forbidden("import.ranking.forbidden");
        }
        rankings.validate(ranking);
    }

    @Override
    public DryRun dryRun(FileContext file) {
        Map<String, Integer> seen = new HashMap<>();
        return (rowNumber, p) -> {
            EntryRow entry = p.entry();
            List<FieldError> errors = new ArrayList<>(p.errors);
            errors.addAll(entryProblems(entry));
            ImportChecks.inFile(errors, seen, "rank", entry.rank() + ":" + NameNormalizer.standard().normalized(entry.name()), rowNumber);
            List<DuplicateView> dups = ImportChecks.probable(duplicates.find(new CompanyFacts(entry.creditCode(),
                    entry.hkCompanyNo(), entry.lei(), Arrays.asList(entry.name(), entry.nameEn()), null), null));
            return ImportChecks.report(rowNumber, entry.name(), errors, dups);
        };
    }

    @Override
    public Run run(ImportJob job, FileContext file) {
        long listId = rankings.createEntity(file.ranking()).id;
        return new Run() {
            @Override
            public void write(RowParser p) {
                EntryRow entry = p.entry();
                p.errors.addAll(entryProblems(entry));
                if (!p.errors.isEmpty()) {
                    throw DomainException.invalid(p.errors);
                }
                rankings.addEntry(listId, entry);
            }

            @Override
            public String summary() {
                return " → ranking " + listId;
            }
        };
    }

    private static List<FieldError> entryProblems(EntryRow e) {
        List<FieldError> errors = new ArrayList<>();
        if (e.creditCode() != null) {
            CreditCode.validationError(e.creditCode()).ifPresent(k -> errors.add(new FieldError("creditCode", k)));
        }
        if (e.lei() != null && !Lei.isValid(e.lei())) {
            errors.add(new FieldError("lei", "company.lei.invalid"));
        }
        if (e.hkCompanyNo() != null) {
            HkCompanyNumber.validationError(e.hkCompanyNo()).ifPresent(k -> errors.add(new FieldError("hkCompanyNo", k)));
        }
        if (e.name().length() > 255 || (e.nameEn() != null && e.nameEn().length() > 255)) {
            errors.add(new FieldError("name", "validation.too-long"));
        }
        return errors;
    }
}
