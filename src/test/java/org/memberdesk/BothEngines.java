package org.memberdesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class that runs on both engines: with SQLite in the ordinary test run, and again on PostgreSQL in pom.xml's
 * {@code postgresql} test execution (system property {@code memberdesk.test.db}). Its databases come from
 * {@link TestDatabase#database}. Without a server to reach, the PostgreSQL run skips these classes and says so.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("both-engines")
@ExtendWith({BothEngines.ServerCheck.class, BothEngines.CloseDatabases.class})
public @interface BothEngines {

    /** Skips the class on PostgreSQL when the server cannot be reached (told once on stderr, and in the report). */
    final class ServerCheck implements ExecutionCondition {
        private static Optional<String> unreachable;

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (!TestDatabase.onServer()) {
                return ConditionEvaluationResult.enabled("SQLite");
            }
            Optional<String> why = unreachable();
            return why.map(ConditionEvaluationResult::disabled)
                    .orElseGet(() -> ConditionEvaluationResult.enabled("PostgreSQL"));
        }

        private static synchronized Optional<String> unreachable() {
            if (unreachable == null) {
                unreachable = ServerTestDatabases.unreachable().map(reason -> "PostgreSQL tests skipped: no server at "
                        + ServerTestDatabases.configured().orElseThrow().server() + " (" + reason + "). README.md says"
                        + " how to run them.");
                unreachable.ifPresent(System.err::println);
            }
            return unreachable;
        }
    }

    /**
     * On PostgreSQL, closes the databases a test opened when it ends (those of {@code @BeforeAll} when its class ends),
     * whether or not the test closed them itself: each holds a pool of server connections, and the server has 100
     * slots by default for the whole run.
     */
    final class CloseDatabases implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
        private static final ExtensionContext.Namespace MARKS = ExtensionContext.Namespace.create(CloseDatabases.class);

        @Override
        public void beforeAll(ExtensionContext context) {
            mark(context);
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            mark(context);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            closeSinceMark(context);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            closeSinceMark(context);
        }

        private static void mark(ExtensionContext context) {
            ServerTestDatabases.configured().ifPresent(
                    server -> context.getStore(MARKS).put(context.getUniqueId(), server.openedSoFar()));
        }

        private static void closeSinceMark(ExtensionContext context) {
            Integer mark = context.getStore(MARKS).remove(context.getUniqueId(), Integer.class);
            if (mark != null) {
                ServerTestDatabases.configured().ifPresent(server -> server.closeFrom(mark));
            }
        }
    }
}
