package io.investcrm.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceRule;

/**
 * The documented layering (docs/architecture.md), bottom to top. A package may use the packages below it, never one
 * above; packages on one level are peers and do not use each other. News travels upward as CDI events (e.g.
 * {@code CompanyMerged}) or through a small interface the lower feature declares and the higher one implements
 * ({@code TimelineSource}, {@code CompanyPanel}, {@code PlanPanel}, {@code Pursuits}).
 */
final class Layers {

    /** Bottom first. */
    static final List<List<String>> LEVELS = List.of(
            List.of("core"),
            List.of("security"),
            List.of("web"),
            List.of("audit", "outbox"),
            List.of("plan"),
            List.of("company"),
            List.of("matching"),
            List.of("pipeline"),
            List.of("activity"),
            List.of("offer"),
            List.of("goals"),
            List.of("dashboard"),
            List.of("dev"));

    private Layers() {
    }

    /** Each package may be used only by the packages on the levels above it. */
    static LayeredArchitecture layering() {
        LayeredArchitecture arch = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true);
        for (List<String> level : LEVELS) {
            for (String pkg : level) {
                arch = arch.layer(pkg).definedBy("io.investcrm." + pkg + "..");
            }
        }
        for (int i = 0; i < LEVELS.size(); i++) {
            List<String> above = new ArrayList<>();
            for (int j = i + 1; j < LEVELS.size(); j++) {
                above.addAll(LEVELS.get(j));
            }
            for (String pkg : LEVELS.get(i)) {
                arch = above.isEmpty() ? arch.whereLayer(pkg).mayNotBeAccessedByAnyLayer()
                        : arch.whereLayer(pkg).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
            }
        }
        return arch;
    }

    /** Feature slices ({@code io.investcrm.<feature>}) do not depend on each other in a circle. */
    static SliceRule noCycles() {
        return slices().matching("io.investcrm.(*)..").should().beFreeOfCycles();
    }
}
