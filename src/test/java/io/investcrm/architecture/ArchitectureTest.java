package io.investcrm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The structure the code promises (STYLE.md): plain-Java cores, thin resources, no entity on the wire. */
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
}
