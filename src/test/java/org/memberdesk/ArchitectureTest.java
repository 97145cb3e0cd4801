package org.memberdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaStaticInitializer;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;
import org.memberdesk.db.BoundRows;
import org.memberdesk.db.Database;

/**
 * The layers stay honest over the whole tree, the root package and {@code ui}'s shell included: JavaFX only in the
 * UI; the UI uses services, never a store, {@code db} or {@code java.sql}; SQL is prepared only in stores (and
 * {@code db}); the console is the command line's; and no two packages depend on each other, however far round.
 * Each rule's comment quotes the first line of its failure when it was broken on purpose (Dec 2026).
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.memberdesk");

    /**
     * Every package is a slice of its own, by its full name: {@code org.memberdesk} (the Launcher), {@code ui} (the
     * shell) and each {@code ui.<feature>} as much as {@code members} or {@code db}. (The built-in
     * {@code matching("org.memberdesk.(*)..")} leaves the root out and folds every {@code ui.<feature>} into
     * {@code ui}, so a cycle through the root or between two screens passed unseen.)
     */
    private static final SliceAssignment EVERY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return javaClass.getPackageName().startsWith("org.memberdesk")
                    ? SliceIdentifier.of(javaClass.getPackageName())
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "every package of org.memberdesk, by its full name";
        }
    };

    /**
     * fails when broken on purpose: a field of type {@code javafx.scene.paint.Color} in members.MemberService gives:
     * "Architecture Violation [Priority: MEDIUM] - Rule 'no classes that reside outside of package
     * 'org.memberdesk.ui..' should depend on classes that reside in any package ['javafx..']' was violated (1 times):"
     * then "Field <org.memberdesk.members.MemberService.brokenOnPurpose> has type <javafx.scene.paint.Color>".
     */
    @Test
    void javafxOnlyInTheUi() {
        noClasses().that().resideOutsideOfPackage("org.memberdesk.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(CLASSES);
    }

    /**
     * fails when broken on purpose: a method taking a {@code java.sql.Connection} in ui.members.MembersViewModel
     * gives: "Architecture Violation [Priority: MEDIUM] - Rule 'no classes that reside in a package
     * 'org.memberdesk.ui..' should depend on classes that reside in any package ['java.sql..']' was violated
     * (1 times):" then "Method <org.memberdesk.ui.members.MembersViewModel.brokenOnPurpose(java.sql.Connection)> has
     * parameter of type <java.sql.Connection>".
     */
    @Test
    void noSqlInTheUi() {
        noClasses().that().resideInAPackage("org.memberdesk.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..")
                .check(CLASSES);
    }

    /**
     * The UI reaches the data through services (and the app-level types they hand out), never through a store or
     * {@code db}: a store takes a bare connection and opens no transaction, checks no permission and logs nothing.
     * fails when broken on purpose: adding {@code new PurchaseStore()} to ui.members.MembersScreen gives:
     * "Architecture Violation [Priority: MEDIUM] - Rule 'no classes that reside in a package 'org.memberdesk.ui..'
     * should depend on classes that are named *Store (or nested in one) or reside in a package
     * 'org.memberdesk.db..'' was violated (6 times):" (5 of them ui.dashboard's PurchaseStore.Totals, Dec 2026), with
     * "Constructor <org.memberdesk.ui.members.MembersScreen.<init>(…)> calls constructor
     * <org.memberdesk.purchases.PurchaseStore.<init>()> in (MembersScreen.java:42)".
     */
    @Test
    void theUiUsesNoStoreAndNoDb() {
        noClasses().that().resideInAPackage("org.memberdesk.ui..")
                .should().dependOnClassesThat(storesOrDb())
                .check(CLASSES);
    }

    /**
     * SQL is prepared only in stores (classes named *Store) and in {@code db} (connections, migrations, backups):
     * services and batch writers call a store with their connection, so one read of a feature's store shows all of
     * its SQL. Checked on the calls that take SQL text: Connection.prepareStatement/prepareCall/createStatement,
     * Statement.execute…/addBatch with a String, BoundRows.execute/query and Database.execute.
     * fails when broken on purpose: a {@code connection.prepareStatement("SELECT 1")} in members.MemberService gives:
     * "Architecture Violation [Priority: MEDIUM] - Rule 'only classes named *Store or in org.memberdesk.db.. should
     * call a method that takes SQL text (Connection.prepare*, createStatement, Statement.execute*(String), BoundRows,
     * Database.execute)' was violated (17 times):" (16 of them the tags package's, before its move, Dec 2026), with
     * "Method <org.memberdesk.members.MemberService.brokenOnPurpose(java.sql.Connection)> calls method
     * <java.sql.Connection.prepareStatement(java.lang.String)> in (MemberService.java:29)".
     */
    @Test
    void sqlOnlyInStores() {
        noClasses().that(DescribedPredicate.not(storesOrDb()))
                .should().callMethodWhere(takesSqlText())
                .as("only classes named *Store or in org.memberdesk.db.. should call a method that takes SQL text"
                        + " (Connection.prepare*, createStatement, Statement.execute*(String), BoundRows, Database.execute)")
                .check(CLASSES);
    }

    /**
     * The console belongs to the command line: stdout is its JSON, stderr its one line on failure. The windows log
     * through java.util.logging (support.LogFiles); the start-up measurement logs its one line to a logger the
     * Launcher prints. Only {@code cli} and the Launcher touch System.out/System.err: the Launcher hands them to
     * the command line and to {@code --self-test}, prints {@code --startup-timing}'s line, and writes to stderr the
     * one thing that cannot be logged: that the log itself cannot be written.
     * fails when broken on purpose: {@code System.out.println("here")} in members.MemberService gives:
     * "Architecture Violation [Priority: MEDIUM] - Rule 'no classes that reside outside of package
     * 'org.memberdesk.cli..' and are not org.memberdesk.Launcher should access field System.out or should access
     * field System.err' was violated (1 times):" then "Method <…MemberService.brokenOnPurpose(…)> gets field
     * <java.lang.System.out> in (MemberService.java:30)".
     */
    @Test
    void theConsoleIsTheCommandLines() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.memberdesk.cli..")
                .and(DescribedPredicate.describe("are not " + Launcher.class.getName(),
                        (JavaClass c) -> !c.isEquivalentTo(Launcher.class)))
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err");
        rule.check(CLASSES);
    }

    /**
     * No cycle between any two packages, the root and {@code ui}'s shell included (jdeps -verbose:package showed
     * 22 packages in one cycle before the shell moved on top). fails when broken on purpose: a field of type
     * ui.AppWindow in ui.members.MembersScreen gives: "Architecture Violation [Priority: MEDIUM] - Rule 'slices
     * assigned from every package of org.memberdesk, by its full name should be free of cycles' was violated
     * (8 times):" then "Cycle detected: Slice org.memberdesk.ui -> Slice org.memberdesk.ui.cards -> Slice
     * org.memberdesk.ui.members -> Slice org.memberdesk.ui" (the old matching("org.memberdesk.(*)..") saw none).
     */
    @Test
    void noPackageCycles() {
        slices().assignedFrom(EVERY_PACKAGE).should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * A view model's read-only list is made once, in a field. {@code FXCollections.unmodifiableObservableList} follows
     * its list through a weak listener: a wrapper made per call, with a listener added and nothing else holding it, is
     * collected at the next GC and the listener goes quiet. The import wizard's preview lost its columns that way, now
     * and then (CI, Dec 2026). Broken on purpose (ImportWizardModel.header() making its wrapper again) it gives "Rule
     * 'no classes should call method where makes a read-only list outside a constructor or a field, because the
     * wrapper listens weakly: one made per call loses its listeners at the next GC' was violated (1 times)".
     */
    @Test
    void readOnlyListsAreMadeOnce() {
        noClasses().should().callMethodWhere(DescribedPredicate.describe(
                "makes a read-only list outside a constructor or a field", (JavaCall<?> call) ->
                        call.getTargetOwner().isEquivalentTo(FXCollections.class)
                        && call.getName().equals("unmodifiableObservableList")
                        && !call.getOrigin().getName().equals(JavaConstructor.CONSTRUCTOR_NAME)
                        && !call.getOrigin().getName().equals(JavaStaticInitializer.STATIC_INITIALIZER_NAME)))
                .because("the wrapper listens weakly: one made per call loses its listeners at the next GC")
                .check(CLASSES);
    }

    /**
     * Stores by their name (a class named *Store, or one nested in it) and everything in db. The record
     * {@code stores.Store} is a shop's store (门店), a value the services hand out like {@code Member}, not SQL: the
     * windows list, show and choose stores.
     */
    private static DescribedPredicate<JavaClass> storesOrDb() {
        return DescribedPredicate.describe("are named *Store (or nested in one) or reside in a package "
                + "'org.memberdesk.db..'", (JavaClass c) -> c.getPackageName().startsWith("org.memberdesk")
                && !c.getName().equals(SHOPS_STORE)
                && (topLevelName(c).endsWith("Store") || c.getPackageName().equals("org.memberdesk.db")
                || c.getPackageName().startsWith("org.memberdesk.db.")));
    }

    /** A store of the shop (门店, a record), not a class of SQL. */
    private static final String SHOPS_STORE = "org.memberdesk.stores.Store";

    /** {@code PointsStore} for {@code PointsStore$Ledger} and for its anonymous classes. */
    private static String topLevelName(JavaClass c) {
        String name = c.getName().substring(c.getPackageName().length() + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    private static final Set<String> STATEMENT_SQL_METHODS = Set.of(
            "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");

    private static DescribedPredicate<JavaCall<?>> takesSqlText() {
        return DescribedPredicate.describe("takes SQL text", (JavaCall<?> call) -> {
            JavaClass owner = call.getTargetOwner();
            String name = call.getName();
            boolean stringFirst = !call.getTarget().getRawParameterTypes().isEmpty()
                    && call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(String.class);
            if (owner.isAssignableTo(Connection.class)) {
                return name.equals("prepareStatement") || name.equals("prepareCall") || name.equals("createStatement");
            }
            if (owner.isAssignableTo(Statement.class)) {
                return STATEMENT_SQL_METHODS.contains(name) && stringFirst;
            }
            if (owner.isEquivalentTo(BoundRows.class)) { // (connection, sql …)
                return name.equals("execute") || name.equals("query");
            }
            return owner.isEquivalentTo(Database.class) && name.equals("execute") && stringFirst;
        });
    }
}
