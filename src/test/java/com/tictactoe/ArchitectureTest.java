package com.tictactoe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tictactoe.application.GameMetrics;
import com.tictactoe.infrastructure.DynamoCallMetrics;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers and rooms as README's "How it is built" draws them, checked on the compiled classes. */
class ArchitectureTest {

    private static final String WEB = "com.tictactoe.web";

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
                .mayOnlyBeAccessedByLayers("web", "infrastructure")
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

    /** The web is cut the way a player sees the site; a room uses the shared root and the rooms before it. */
    @Test
    void theWebIsRoomsByWhatAPlayerDoes() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("shared root")
                .definedBy(WEB)
                .layer("accounts")
                .definedBy(WEB + ".accounts")
                .layer("errors")
                .definedBy(WEB + ".errors")
                .layer("guards")
                .definedBy(WEB + ".guards")
                .layer("api")
                .definedBy(WEB + ".api")
                .layer("live updates")
                .definedBy(WEB + ".live")
                .layer("game")
                .definedBy(WEB + ".game")
                .layer("lobby")
                .definedBy(WEB + ".lobby")
                .layer("players")
                .definedBy(WEB + ".players")
                .whereLayer("lobby")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("players")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("game")
                .mayOnlyBeAccessedByLayers("lobby")
                .whereLayer("live updates")
                .mayOnlyBeAccessedByLayers("game", "lobby")
                .whereLayer("guards")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("api")
                .mayOnlyBeAccessedByLayers("guards", "game", "live updates", "lobby")
                .whereLayer("errors")
                .mayOnlyBeAccessedByLayers("guards", "api")
                .whereLayer("accounts")
                .mayOnlyBeAccessedByLayers("errors", "guards", "api", "live updates", "game", "lobby", "players")
                .check(product);
        assertEquals(
                List.of("accounts", "api", "errors", "game", "guards", "live", "lobby", "players"),
                subPackagesOf(Path.of("src/main/java/com/tictactoe/web")),
                "a new room of the web belongs in this test and in README's room list");
    }

    /** Adapters to what the server provides live in infrastructure, as application's interfaces. */
    @Test
    void adaptersLiveInInfrastructure() {
        classes()
                .that()
                .implement(GameMetrics.class)
                .or()
                .implement(DynamoCallMetrics.class)
                .should()
                .resideInAnyPackage("com.tictactoe.infrastructure..", "com.tictactoe.application..")
                .check(product);
        noClasses()
                .that()
                .resideOutsideOfPackage("com.tictactoe.infrastructure.microprofile..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.eclipse.microprofile..")
                .check(product);
        noClasses()
                .that()
                .resideOutsideOfPackage("com.tictactoe.infrastructure.cluster..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.hazelcast..")
                .check(product);
    }

    @Test
    void everyPackageSaysWhatLivesThereAndWhatItMayUse() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<Path> undocumented = files.filter(Files::isDirectory)
                    .filter(ArchitectureTest::holdsClasses)
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                    .toList();
            assertEquals(List.of(), undocumented, "packages without a package-info.java");
        }
    }

    private static boolean holdsClasses(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> subPackagesOf(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory)
                    .map(entry -> entry.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
