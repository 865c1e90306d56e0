package com.tictactoe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers as README's "How it is built" draws them, checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.tictactoe");
    }

    @Test
    void dependenciesPointInwardToTheDomain() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("domain")
                .definedBy("com.tictactoe.domain..")
                .layer("application")
                .definedBy("com.tictactoe.application..")
                .layer("infrastructure")
                .definedBy("com.tictactoe.infrastructure..")
                .layer("web")
                .definedBy("com.tictactoe.web..")
                .whereLayer("web")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("infrastructure")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("application")
                .mayOnlyBeAccessedByLayers("web")
                .whereLayer("domain")
                .mayOnlyBeAccessedByLayers("application", "infrastructure", "web")
                .check(product);
    }

    @Test
    void theDomainIsPureJava() {
        classes()
                .that()
                .resideInAPackage("com.tictactoe.domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.tictactoe.domain..")
                .check(product);
    }

    @Test
    void onlyInfrastructureTalksToAws() {
        noClasses()
                .that()
                .resideOutsideOfPackage("com.tictactoe.infrastructure..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("software.amazon..")
                .check(product);
    }
}
