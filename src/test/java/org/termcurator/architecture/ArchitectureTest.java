package org.termcurator.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.targetOwner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.TSFBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import org.termcurator.core.io.Mappers;
import org.termcurator.core.project.ProjectDb;
import org.termcurator.core.project.SqlWork;

/** The core runs headless (CLI, servers, tests without a toolkit): it must not reach into the UI. */
@AnalyzeClasses(packages = "org.termcurator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreHasNoJavaFxSceneStageOrConcurrent = noClasses()
            .that().resideInAPackage("org.termcurator.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                    "javafx.concurrent..", "javafx.application..", "javafx.fxml..")
            .because("core services are shared by the window and the headless CLI");

    @ArchTest
    static final ArchRule coreDoesNotDependOnUiAppOrCli = noClasses()
            .that().resideInAPackage("org.termcurator.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.termcurator.ui..", "org.termcurator.app..",
                    "org.termcurator.cli..");

    @ArchTest
    static final ArchRule cliDoesNotDependOnUi = noClasses()
            .that().resideInAPackage("org.termcurator.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.termcurator.ui..", "javafx..");

    /**
     * The CLI and the window call the same core workflows instead of talking to Docker or SQLite
     * themselves. SQLException stays allowed: it is the failure the core's stores declare, and
     * callers catch it to show the message.
     */
    @ArchTest
    static final ArchRule cliAndUiUseNoDockerClientOrJdbc = noClasses()
            .that().resideInAnyPackage("org.termcurator.cli..", "org.termcurator.ui..")
            .should().dependOnClassesThat(resideInAnyPackage("com.github.dockerjava..", "org.sqlite..")
                    .or(resideInAnyPackage("java.sql..").and(not(assignableTo(SQLException.class)))))
            .because("the CLI and the window are thin callers of the same core workflows");

    /** ProjectDb.read and write hand out a JDBC connection: SQL belongs to the core's stores. */
    @ArchTest
    static final ArchRule cliAndUiRunNoSqlOnTheProject = noClasses()
            .that().resideInAnyPackage("org.termcurator.cli..", "org.termcurator.ui..")
            .should().callMethod(ProjectDb.class, "read", SqlWork.class)
            .orShould().callMethod(ProjectDb.class, "write", SqlWork.class)
            .because("the CLI and the window are thin callers of the same core workflows");

    @ArchTest
    static final ArchRule viewModelsDoNotImportControls = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene.control..", "javafx.scene.layout..")
            .because("view models are tested without a toolkit");

    @ArchTest
    static final ArchRule corePackagesAreFreeOfCycles = slices()
            .matching("org.termcurator.core.(*)..")
            .should().beFreeOfCycles()
            .because("shared services live in packages of their own, so no feature reaches back into another");

    @ArchTest
    static final ArchRule rolloutPartsAreFreeOfCycles = slices()
            .matching("org.termcurator.core.rollouts.(*)..")
            .should().beFreeOfCycles();

    /**
     * One place configures Jackson (core.io.Mappers): a document of one kind is read by the
     * same rules wherever it is read, so no other class builds a mapper or a parser factory or
     * changes the features of one.
     */
    @ArchTest
    static final ArchRule onlyMappersConfiguresJackson = noClasses()
            .that().doNotBelongToAnyOf(Mappers.class)
            .should().callConstructorWhere(targetOwner(assignableTo(ObjectMapper.class)))
            .orShould().callConstructorWhere(targetOwner(assignableTo(JsonFactory.class)))
            .orShould().callConstructorWhere(targetOwner(assignableTo(TSFBuilder.class)))
            .orShould().callMethodWhere(targetOwner(assignableTo(ObjectMapper.class))
                    .and(target(nameMatching("builder|enable|disable|configure|set.*Feature.*|setSerializationInclusion"))))
            .because("one reader per format: mappers are configured in core.io.Mappers only");
}
