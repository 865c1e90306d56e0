package com.tictactoe.infrastructure.cluster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The same WAR runs on servers without Hazelcast: only one package may use it, and nothing may
 * name that package's classes (ClusterTopics loads them by name once Hazelcast is found), so that
 * no class the server loads elsewhere drags Hazelcast in.
 */
class ClusterEngineIsolationTest {

    private static final String ENGINE_PACKAGE = "com.tictactoe.infrastructure.cluster.hazelcast..";

    private final JavaClasses product = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.tictactoe");

    @Test
    void onlyTheEnginePackageUsesHazelcast() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ENGINE_PACKAGE)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.hazelcast..")
                .check(product);
    }

    @Test
    void nothingNamesTheEnginePackage() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ENGINE_PACKAGE)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ENGINE_PACKAGE)
                .check(product);
    }
}
