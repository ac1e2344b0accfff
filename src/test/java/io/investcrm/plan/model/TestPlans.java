package io.investcrm.plan.model;

import java.nio.file.Path;

/** The plan files the tests read, resolved from the project root (Maven's working directory). */
public final class TestPlans {

    public static final Path FUTIAN_YAML = Path.of("config/plans/futian-2035.yaml");
    public static final Path FUTIAN_TEXT = Path.of("config/plans/futian-modern-industry-plan.zh.txt");
    public static final String OTHER_DISTRICT_RESOURCE = "plans/other-district.yaml";

    private static PlanDocument futian;

    /** The Futian plan, parsed once for the whole test run. */
    public static synchronized PlanDocument futian() {
        if (futian == null) {
            futian = new PlanParser().parse(FUTIAN_YAML);
        }
        return futian;
    }

    private TestPlans() {
    }
}
