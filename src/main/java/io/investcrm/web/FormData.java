package io.investcrm.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;

import io.investcrm.core.DomainException;

/**
 * Reads a submitted HTML form. Values that do not parse become field errors (message keys) instead of
 * exceptions, so the page can show them next to the user's input.
 */
public final class FormData {

    private final MultivaluedMap<String, String> values;
    private final List<DomainException.FieldError> errors = new ArrayList<>();

    public FormData(MultivaluedMap<String, String> values) {
        this.values = values;
    }

    public String str(String name) {
        String v = values == null ? null : values.getFirst(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public List<String> list(String name) {
        List<String> all = values == null ? null : values.get(name);
        return all == null ? List.of() : all.stream().filter(s -> s != null && !s.isBlank()).map(String::trim).toList();
    }

    public Integer integer(String name) {
        String v = str(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            errors.add(new DomainException.FieldError(name, "validation.not-a-number"));
            return null;
        }
    }

    public Long longValue(String name) {
        String v = str(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            errors.add(new DomainException.FieldError(name, "validation.not-a-number"));
            return null;
        }
    }

    public BigDecimal decimal(String name) {
        String v = str(name);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            errors.add(new DomainException.FieldError(name, "validation.not-a-number"));
            return null;
        }
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String v = str(name);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            errors.add(new DomainException.FieldError(name, "validation.invalid-choice"));
            return null;
        }
    }

    /** Throws the parse errors (if any) so the service's own validation is not run on half-read input. */
    public void throwIfErrors() {
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }
}
