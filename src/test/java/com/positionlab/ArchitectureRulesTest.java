package com.positionlab;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md, checked on the compiled classes: the engine is pure math; the store and the
 * services know nothing of the UI, the CLI or the API; the UI, the CLI and the API reach the workspace only
 * through the services of the composition root ({@code service.Services}) and build none themselves; and
 * in the UI only views hold scene-graph nodes.
 */
class ArchitectureRulesTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.positionlab");
    }

    @Test
    void theEngineIsPureMath() {
        noClasses().that().resideInAPackage("com.positionlab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "javax.sql..",
                        "java.nio.file..", "java.nio.channels..", "com.positionlab.store..",
                        "com.positionlab.service..", "com.positionlab.ui..", "com.positionlab.cli..",
                        "com.positionlab.api..", "com.positionlab.config..", "com.positionlab.io..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Instant")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "getProperty", String.class)
                .because("the engine computes from its inputs only: no UI, files, database, clock or environment")
                .check(main);
    }

    @Test
    void storeAndServicesKnowNothingOfTheUiCliOrApi() {
        noClasses().that().resideInAnyPackage("com.positionlab.store..", "com.positionlab.service..",
                        "com.positionlab.domain..", "com.positionlab.config..", "com.positionlab.io..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.positionlab.ui..",
                        "com.positionlab.cli..", "com.positionlab.api..")
                .check(main);
        noClasses().that().resideInAPackage("com.positionlab.store..")
                .should().dependOnClassesThat().resideInAPackage("com.positionlab.service..")
                .check(main);
    }

    @Test
    void theUiCliAndApiReachTheWorkspaceOnlyThroughServices() {
        noClasses().that().resideInAnyPackage("com.positionlab.ui..", "com.positionlab.cli..", "com.positionlab.api..")
                .should().dependOnClassesThat().resideInAPackage("com.positionlab.store..")
                .because("the composition root (service.Services) opens the workspace and hands out its services")
                .check(main);
        noClasses().that().resideInAnyPackage("com.positionlab.ui..", "com.positionlab.cli..", "com.positionlab.api..")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.positionlab.config.SettingsFile")
                .because("the user's settings come from the composition root too (Services.userSettings)")
                .check(main);
    }

    @Test
    void theUiCliAndApiBuildNoServices() {
        classes().that().resideInAnyPackage("com.positionlab.ui..", "com.positionlab.cli..", "com.positionlab.api..")
                .should(notConstructAService())
                .because("view models, commands and endpoints receive their services from service.Services")
                .check(main);
    }

    @Test
    void onlyViewsHoldSceneGraphNodes() {
        fields().that().areDeclaredInClassesThat().resideInAPackage("com.positionlab.ui..")
                .and().areDeclaredInClassesThat(describe("are not views", c -> !isView(c)))
                .should(notHoldANode())
                .check(main);
    }

    /**
     * Views and the pieces they are built from: their nested classes, table cells, charts and widgets
     * (a heatmap, a table pair), panels, tabs and editors of a view, the window, and the JavaFX
     * implementations of UI ports ({@code Fx*}: the notifier's toasts, the dialogs). View models, forms,
     * tasks and helpers are none of these.
     */
    private static boolean isView(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        String name = top.getSimpleName();
        return name.endsWith("View") || name.endsWith("Cell") || name.endsWith("Chart") || name.endsWith("App")
                || name.endsWith("Heatmap") || name.endsWith("Tables") || name.endsWith("Panel")
                || name.endsWith("Tab") || name.endsWith("Tabs") || name.endsWith("Editor") || name.startsWith("Fx")
                || name.equals("Workstation");
    }

    private static ArchCondition<JavaClass> notConstructAService() {
        return new ArchCondition<>("not construct a use case (a class of com.positionlab.service named *Service)") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaConstructorCall call : item.getConstructorCallsFromSelf()) {
                    JavaClass target = call.getTargetOwner();
                    if (target.getPackageName().startsWith("com.positionlab.service")
                            && target.getSimpleName().endsWith("Service")) {
                        events.add(SimpleConditionEvent.violated(item, call.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaField> notHoldANode() {
        return new ArchCondition<>("not hold a javafx.scene.Node") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                if (field.getRawType().isAssignableTo("javafx.scene.Node")) {
                    events.add(SimpleConditionEvent.violated(field, field.getFullName() + " holds a "
                            + field.getRawType().getSimpleName()));
                }
            }
        };
    }
}
