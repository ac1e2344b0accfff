package io.investcrm.plan.model;

import java.util.List;

/** A plan file that cannot be read or breaks a rule; {@link #problems()} lists every problem found. */
public class PlanValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public PlanValidationException(String source, List<String> problems) {
        super("Invalid plan " + source + ":\n - " + String.join("\n - ", problems));
        this.problems = List.copyOf(problems);
    }

    public PlanValidationException(String source, String problem, Throwable cause) {
        super("Invalid plan " + source + ":\n - " + problem, cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}
