package io.investcrm.company.imports;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Issue 9: imports sit on top of the company feature, never under it. Company (its export included) reads and writes
 * files through {@code web.table} and reads people's words through {@code company.words}; neither knows the imports.
 */
class ImportsArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.investcrm");
    }

    @Test
    void companyDoesNotDependOnImports() {
        noClasses().that().resideOutsideOfPackage("io.investcrm.company.imports..")
                .should().dependOnClassesThat().resideInAPackage("io.investcrm.company.imports..")
                .because("the company ↔ imports cycle is broken: imports use company, not the other way round")
                .check(classes);
    }

    @Test
    void theWordsResolverDependsOnThePlanAndNothingOfTheCompanyFeatureButItsPlainRules() {
        noClasses().that().resideInAPackage("io.investcrm.company.words..")
                .should().dependOnClassesThat().resideInAnyPackage("io.investcrm.company", "io.investcrm.company.imports..",
                        "io.investcrm.company.contact..", "io.investcrm.company.ranking..", "io.investcrm.pipeline..",
                        "io.investcrm.matching..", "io.investcrm.offer..", "io.investcrm.activity..")
                .check(classes);
    }

    @Test
    void noHandMadeThreadsInImports() {
        noClasses().that().resideInAPackage("io.investcrm.company.imports..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.quarkus.arc.ManagedContext")
                .because("jobs run on Quarkus' managed executor with a request context it activates")
                .check(classes);
    }
}
