package io.investcrm.core;

import java.util.List;

import io.investcrm.core.Invalid;

/**
 * A refusal the user can act on, saying what happened — {@link NotFound}, {@link Conflict}, {@link Refused},
 * {@link Invalid} — with a stable {@code code} (also the message-bundle key {@code error.<code>}), message arguments
 * and, for bad input, the fields at fault. Which HTTP status each kind becomes is decided in one place only, the
 * problem+json mapper in {@code web/}.
 */
public abstract sealed class DomainException extends RuntimeException permits NotFound, Conflict, Refused, Invalid {

    private final String code;
    private final transient Object[] args;
    private final transient List<FieldError> violations;

    protected DomainException(String code, List<FieldError> violations, Object... args) {
        super(code);
        this.code = code;
        this.args = args;
        this.violations = List.copyOf(violations);
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldError> violations() {
        return violations;
    }

    /** An id the user may not know or may not see (we do not reveal which). */
    public static NotFound notFound(String entity, Object id) {
        return new NotFound(entity, id);
    }

    /** The record changed since the user loaded it, or the move is illegal in its current state. */
    public static Conflict conflict(String code, Object... args) {
        return new Conflict(code, args);
    }

    /** Well-formed input that breaks a business rule. */
    public static Invalid unprocessable(String code, Object... args) {
        return Invalid.rule(code, List.of(), args);
    }

    /** Input with fields at fault (missing, malformed). */
    public static Invalid invalid(List<FieldError> violations) {
        return Invalid.fields(violations);
    }

    /** The caller may not do this (role, ownership, four eyes). */
    public static Refused forbidden(String code) {
        return new Refused(code);
    }

    /** A field and the message key explaining what is wrong with it. */
    public record FieldError(String field, String messageKey, Object... args) {
    }
}
