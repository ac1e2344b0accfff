package io.investcrm.core;

import java.util.List;

/** The input cannot be taken: malformed or incomplete, in a format not read, or well-formed but against a rule. */
public final class Invalid extends DomainException {

    /** What is wrong with the input. */
    public enum Kind {
        /** The request itself: empty, malformed, fields missing or badly formed. */
        REQUEST,
        /** Content in a format that is not read (e.g. an upload that is neither CSV nor XLSX). */
        FORMAT,
        /** Well-formed input that breaks a business rule (a stage gate, a required reason). */
        RULE,
        /** Content larger than what is read (an upload that unpacks beyond the import's limit). */
        TOO_LARGE
    }

    private final Kind kind;

    private Invalid(Kind kind, String code, List<FieldError> violations, Object... args) {
        super(code, violations, args);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The request is empty or malformed. */
    public static Invalid request(String code, Object... args) {
        return new Invalid(Kind.REQUEST, code, List.of(), args);
    }

    /** Fields of the request at fault. */
    public static Invalid fields(List<FieldError> violations) {
        return new Invalid(Kind.REQUEST, "validation.failed", violations);
    }

    /** Content in a format that is not read. */
    public static Invalid format(String code, Object... args) {
        return new Invalid(Kind.FORMAT, code, List.of(), args);
    }

    /** Content larger than what is read. */
    public static Invalid tooLarge(String code, Object... args) {
        return new Invalid(Kind.TOO_LARGE, code, List.of(), args);
    }

    /** Well-formed input that breaks a business rule; {@code violations} name the fields at fault, if any. */
    public static Invalid rule(String code, List<FieldError> violations, Object... args) {
        return new Invalid(Kind.RULE, code, violations, args);
    }
}
