package io.investcrm.web;

import java.util.List;

/**
 * A refusal the user can act on: a stable {@code code} (also the message-bundle key {@code error.<code>}),
 * an HTTP status, message arguments and, for bad input, the fields at fault.
 */
public class DomainException extends RuntimeException {

    private final String code;
    private final int status;
    private final transient Object[] args;
    private final transient List<FieldError> violations;

    public DomainException(int status, String code, Object... args) {
        this(status, code, List.of(), args);
    }

    public DomainException(int status, String code, List<FieldError> violations, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
        this.violations = List.copyOf(violations);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldError> violations() {
        return violations;
    }

    /** 404 for an id the user may not know or may not see (we do not reveal which). */
    public static DomainException notFound(String entity, Object id) {
        return new DomainException(404, entity + ".not-found", id);
    }

    /** 409: the record changed since the user loaded it, or the move is illegal in its current state. */
    public static DomainException conflict(String code, Object... args) {
        return new DomainException(409, code, args);
    }

    /** 422: well-formed input that breaks a business rule. */
    public static DomainException unprocessable(String code, Object... args) {
        return new DomainException(422, code, args);
    }

    public static DomainException invalid(List<FieldError> violations) {
        return new DomainException(400, "validation.failed", violations);
    }

    public static DomainException forbidden(String code) {
        return new DomainException(403, code);
    }

    /** A field and the message key explaining what is wrong with it. */
    public record FieldError(String field, String messageKey, Object... args) {
    }
}
