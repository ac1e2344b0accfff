package io.investcrm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * The structure the code promises (STYLE.md, docs/architecture.md): plain-Java cores, thin resources, no entity on the
 * wire, the documented layering of the features and no cycles between them.
 */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.investcrm");
    }

    @Test
    void scoringPlanModelIdentityAndPiiArePlainJava() {
        noClasses().that().resideInAnyPackage("..matching.engine..", "..plan.model..", "..company.identity..",
                "..security.pii..", "..goals.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.persistence..",
                        "jakarta.ws.rs..", "jakarta.enterprise..", "org.hibernate..")
                .because("the rules are plain Java with exhaustive unit tests; frameworks stay at the edges")
                .check(classes);
    }

    @Test
    void resourcesAndPagesDoNotQueryTheDatabase() {
        noClasses().that().haveSimpleNameEndingWith("Resource").or().haveSimpleNameEndingWith("Pages")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.Transactional")
                .because("resources stay thin; services own queries and transactions")
                .check(classes);
    }

    @Test
    void noEntityIsReturnedByAResource() {
        classes().that().haveSimpleNameEndingWith("Resource")
                .should(NoEntityOnTheWire.CONDITION)
                .check(classes);
    }

    @Test
    void webSupportDoesNotDependOnFeatures() {
        noClasses().that().resideInAPackage("io.investcrm.web")
                .should().dependOnClassesThat().resideInAnyPackage("io.investcrm.company..", "io.investcrm.plan..",
                        "io.investcrm.matching..", "io.investcrm.pipeline..", "io.investcrm.activity..")
                .check(classes);
    }

    @Test
    void featuresFollowTheDocumentedLayering() {
        Layers.layering().check(classes);
    }

    @Test
    void featureSlicesAreFreeOfCycles() {
        Layers.noCycles().check(classes);
    }

    /** The rules are not vacuous: one test-only plan class that imports from offer breaks both. */
    @Test
    void aBackImportBreaksTheLayeringAndMakesACycle() {
        JavaClasses withBackImport = new ClassFileImporter()
                .withImportOption(location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                        || location.contains("BackImportExample"))
                .importPackages("io.investcrm");
        assertFalse(Layers.layering().evaluate(classes).hasViolation(), "the application itself keeps the layering");
        EvaluationResult layering = Layers.layering().evaluate(withBackImport);
        assertTrue(layering.hasViolation() && layering.getFailureReport().toString().contains("BackImportExample"),
                "plan → offer must break the layering");
        EvaluationResult cycles = Layers.noCycles().evaluate(withBackImport);
        assertTrue(cycles.hasViolation() && cycles.getFailureReport().toString().contains("BackImportExample"),
                "plan → offer → plan must be reported as a cycle");
    }
}
