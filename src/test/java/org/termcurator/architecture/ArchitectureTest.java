package org.termcurator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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
}
