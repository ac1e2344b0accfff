package io.investcrm.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details, the one error format of the API ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The problem of this status and stable code (its type is the code's URN). */
    public static Problem of(int status, String code, String title, String detail, List<Violation> violations) {
        return new Problem("urn:investcrm:problem:" + code, title, status, detail, code, violations);
    }

    public record Violation(String field, String message) {
    }
}
