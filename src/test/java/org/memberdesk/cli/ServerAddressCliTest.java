package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.memberdesk.BothEngines;
import org.memberdesk.ServerTestDatabases;
import org.memberdesk.TestDatabase;

/**
 * Issue 21, item 3: a server that cannot be reached or refuses the login gives exit 1 and one line saying which,
 * within a few seconds, and never prints the password.
 */
@BothEngines
class ServerAddressCliTest {
    record Run(int code, String out, String err, long millis) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long started = System.nanoTime();
        int code = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString(), (System.nanoTime() - started) / 1_000_000);
    }

    /** A port nothing listens on: taken, then let go. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aServerThatIsNotThereIsExitOneInOneLineWithoutThePassword() throws IOException {
        Run run = run("--db", "postgresql://shop:TopSecret99@127.0.0.1:" + closedPort() + "/memberdesk", "stats", "--json");

        assertEquals(1, run.code());
        assertEquals("", run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: Cannot reach the PostgreSQL server at 127.0.0.1:"), run.err());
        assertFalse(run.err().contains("TopSecret99"), "the password is never printed");
        assertTrue(run.millis() < 8_000, "said within a few seconds, not " + run.millis() + " ms");
    }

    @Test
    void aRefusedLoginIsExitOneAndSaysSoWithoutThePassword() {
        Assumptions.assumeTrue(TestDatabase.onServer(), "needs the test run's PostgreSQL server");
        var server = ServerTestDatabases.configured().orElseThrow().server();
        Run run = run("--db", "postgresql://" + server.user() + ":Wrong-Pass-42@" + server.host() + ":" + server.port()
                + "/postgres", "stats", "--json");

        assertEquals(1, run.code());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("refused the login of user " + server.user()), run.err());
        assertFalse(run.err().contains("Wrong-Pass-42"));
        assertTrue(run.millis() < 8_000, run.millis() + " ms");
    }

    @Test
    void aDatabaseThatIsNotOnTheServerIsNamed() {
        Assumptions.assumeTrue(TestDatabase.onServer(), "needs the test run's PostgreSQL server");
        var server = ServerTestDatabases.configured().orElseThrow().server();
        Run run = run("--db", server.withDatabase("no_such_shop_db").toString(), "stats", "--json");

        assertEquals(1, run.code());
        assertTrue(run.err().contains("has no database no_such_shop_db"), run.err());
    }

    @Test
    void anAddressThatCannotBeReadIsExitOneSayingHowToWriteIt() {
        Run run = run("--db", "postgresql://shop:pw@/", "stats", "--json");
        assertEquals(1, run.code());
        assertTrue(run.err().contains("postgresql://HOST/DATABASE"), run.err());
        assertFalse(run.err().contains(":pw@"), run.err());
    }
}
