package org.memberdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layers stay honest: JavaFX only in the UI, SQL never in the UI, UI packages free of cycles. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.memberdesk");

    @Test
    void javafxOnlyInTheUi() {
        noClasses().that().resideOutsideOfPackage("org.memberdesk.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(CLASSES);
    }

    @Test
    void noSqlInTheUi() {
        noClasses().that().resideInAPackage("org.memberdesk.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..")
                .check(CLASSES);
    }

    @Test
    void uiPackagesHaveNoCycles() {
        slices().matching("org.memberdesk.ui.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.memberdesk.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
