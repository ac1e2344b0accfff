package io.investcrm.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.investcrm.core.DomainException;

/**
 * Bean Validation run by services, so the API and the pages refuse the same input with the same messages.
 * Constraint messages are bundle keys ({@code message = "validation.too-long"}).
 */
@ApplicationScoped
public class FormValidator {

    @Inject
    Validator validator;

    /** Collects the form's violations plus the service's own rule checks, and throws once if any. */
    public <T> void validate(T form, List<DomainException.FieldError> extra) {
        List<DomainException.FieldError> errors = new ArrayList<>(extra);
        Set<ConstraintViolation<T>> violations = validator.validate(form);
        for (ConstraintViolation<T> v : violations) {
            String path = v.getPropertyPath().toString();
            String field = path.contains("[") ? path.substring(0, path.indexOf('[')) : path;
            errors.add(new DomainException.FieldError(field, v.getMessageTemplate().replaceAll("[{}]", "")));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(DomainException.FieldError::field));
            throw DomainException.invalid(errors);
        }
    }

    public <T> void validate(T form) {
        validate(form, List.of());
    }
}
