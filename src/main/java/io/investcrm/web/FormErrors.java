package io.investcrm.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.investcrm.core.DomainException;

/** Field errors shown on a re-rendered form: {@code errors.of('nameZh')} in templates. */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final String summary;

    private FormErrors(String summary) {
        this.summary = summary;
    }

    public static FormErrors none() {
        return new FormErrors(null);
    }

    public static FormErrors from(DomainException e, Locale locale) {
        FormErrors errors = new FormErrors(Messages.format(locale, "error." + e.code(), e.args()));
        for (DomainException.FieldError fe : e.violations()) {
            errors.byField.merge(fe.field(), Messages.format(locale, fe.messageKey(), fe.args()), (a, b) -> a + " " + b);
        }
        return errors;
    }

    public String of(String field) {
        return byField.get(field);
    }

    /** The messages of the fields whose name starts so, e.g. every row of a list ({@code followUps[}). */
    public List<String> startingWith(String prefix) {
        return byField.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).toList();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public boolean isAny() {
        return summary != null;
    }

    public String getSummary() {
        return summary;
    }

    public List<String> getAll() {
        return List.copyOf(byField.values());
    }
}
