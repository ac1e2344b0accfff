package io.investcrm.company.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.investcrm.company.DuplicateView;
import io.investcrm.company.identity.DuplicateMatch.Confidence;
import io.investcrm.core.DomainException.FieldError;

/** Checks the importers share: Bean Validation as field errors, duplicates within the file, the report's form. */
final class ImportChecks {

    private ImportChecks() {
    }

    static <T> List<FieldError> violations(Validator validator, T form) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(form)) {
            String path = v.getPropertyPath().toString();
            errors.add(new FieldError(path.contains("[") ? path.substring(0, path.indexOf('[')) : path,
                    v.getMessageTemplate().replaceAll("[{}]", "")));
        }
        return errors;
    }

    /** The second row with the same key is an error naming the first. */
    static void inFile(List<FieldError> errors, Map<String, Integer> seen, String field, String key, int row) {
        if (key == null) {
            return;
        }
        Integer first = seen.putIfAbsent(key, row);
        if (first != null) {
            errors.add(new FieldError(field, "import.duplicate-in-file", first));
        }
    }

    static List<DuplicateView> probable(List<DuplicateView> found) {
        return found.stream().filter(d -> d.confidence() != Confidence.POSSIBLE).limit(5).toList();
    }

    /** A report row, or null when the row is clean. */
    static RowReport report(int row, String label, List<FieldError> errors, List<DuplicateView> duplicates) {
        if (errors.isEmpty() && duplicates.isEmpty()) {
            return null;
        }
        return new RowReport(row, label, errors.stream().map(ImportChecks::problem).toList(), duplicates);
    }

    private static RowReport.Problem problem(FieldError e) {
        return new RowReport.Problem(e.field(), e.messageKey(),
                e.args() == null ? List.of() : Arrays.stream(e.args()).map(String::valueOf).toList());
    }
}
