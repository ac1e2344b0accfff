package io.investcrm.pipeline;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;

import io.investcrm.core.AppClock;
import io.investcrm.core.DomainException;
import io.investcrm.web.FormData;

/**
 * Dates and times from submitted page forms (FormData reads the rest). Bad values become field errors; a
 * {@code datetime-local} value is office time and is stored as UTC like every timestamp.
 */
public final class PageInput {

    private final FormData data;
    private final List<DomainException.FieldError> errors = new ArrayList<>();

    public PageInput(MultivaluedMap<String, String> values) {
        this.data = new FormData(values);
    }

    public FormData data() {
        return data;
    }

    public String raw(String name) {
        return data.str(name);
    }

    public LocalDate date(String name) {
        String v = data.str(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new DomainException.FieldError(name, "validation.invalid-date"));
            return null;
        }
    }

    public LocalDateTime officeDateTimeAsUtc(String name) {
        String v = data.str(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(v).atZone(AppClock.OFFICE_ZONE).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException e) {
            errors.add(new DomainException.FieldError(name, "validation.invalid-date"));
            return null;
        }
    }

    public boolean checkbox(String name) {
        String v = data.str(name);
        return v != null && !"false".equals(v);
    }

    public List<String> list(String name) {
        return data.list(name);
    }

    /** Parse errors of this reader and of the FormData, thrown together before the service runs. */
    public void throwIfErrors() {
        try {
            data.throwIfErrors();
        } catch (DomainException e) {
            errors.addAll(0, e.violations());
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }
}
