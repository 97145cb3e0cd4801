package org.memberdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.memberdesk.BothEngines;
import org.memberdesk.ServerTestDatabases;
import org.memberdesk.TestDatabase;
import org.memberdesk.db.DataException;
import org.memberdesk.db.ServerAddress;
import org.memberdesk.db.ServerPasswords;
import org.memberdesk.staff.Actor;

/**
 * "Remember the password on this computer" (issue 21: credentials from the address, PGPASSWORD or the OS keyring):
 * a kept password is used only when the address and PGPASSWORD give none; a typed one is kept only once it has
 * logged in, and forgotten when typed without "remember". The keyring here is a map standing in for the computer's
 * (this build machine has none); {@code ServerPasswords.system()} is java-keyring's, checked by hand on a desktop.
 */
@BothEngines
class KeptServerPasswordsTest {

    /** The computer's keyring as a map: account → password. */
    static final class MapKeyring implements ServerPasswords {
        final Map<String, String> kept = new HashMap<>();

        @Override
        public Optional<String> find(ServerAddress address) {
            return Optional.ofNullable(kept.get(ServerPasswords.account(address)));
        }

        @Override
        public void keep(ServerAddress address, String password) {
            kept.put(ServerPasswords.account(address), password);
        }

        @Override
        public void forget(ServerAddress address) {
            kept.remove(ServerPasswords.account(address));
        }

        @Override
        public boolean available() {
            return true;
        }
    }

    private static final ServerAddress SHOP = ServerAddress.parse("postgresql://counter@10.0.0.2:5432/shop", name -> null);

    @Test
    void aKeptPasswordIsUsedOnlyWhenTheAddressAndPgpasswordGiveNone() {
        MapKeyring keyring = new MapKeyring();
        assertTrue(keyring.completed(SHOP).password().isEmpty(), "nothing kept: the driver's .pgpass is next");
        keyring.keep(SHOP, "kept");
        assertEquals(Optional.of("kept"), keyring.completed(SHOP).password());
        ServerAddress withOwn = ServerAddress.parse("postgresql://counter:typed@10.0.0.2:5432/shop", name -> null);
        assertEquals(Optional.of("typed"), keyring.completed(withOwn).password(), "the address's own comes first");
        ServerAddress fromEnvironment = ServerAddress.parse("postgresql://counter@10.0.0.2:5432/shop",
                name -> name.equals("PGPASSWORD") ? "env" : null);
        assertEquals(Optional.of("env"), keyring.completed(fromEnvironment).password(), "then PGPASSWORD");
        // kept per user, server and database: another database on the same server has none
        assertTrue(keyring.completed(SHOP.withDatabase("other")).password().isEmpty());
    }

    @Test
    void theAccountNamesWhoLogsInWhereAndNeverThePassword() {
        ServerAddress typed = ServerAddress.parse("postgresql://counter:s3cret@10.0.0.2/shop", name -> null);
        assertEquals("postgresql://counter@10.0.0.2:5432/shop", ServerPasswords.account(typed));
        assertFalse(ServerPasswords.account(typed).contains("s3cret"));
    }

    @Test
    void aTypedPasswordIsKeptOnceItLogsInAndForgottenWhenTypedWithoutRemember() throws Exception {
        Assumptions.assumeTrue(TestDatabase.onServer(), "needs the test run's PostgreSQL server");
        ServerAddress server = ServerTestDatabases.configured().orElseThrow().server();
        Assumptions.assumeTrue(server.password().isPresent(), "needs the server's password in PGPASSWORD");
        String password = server.password().get();
        ServerAddress shop = ServerTestDatabases.configured().orElseThrow().empty();
        String location = shop.toString(); // without the password
        MapKeyring keyring = new MapKeyring();

        // a wrong password with "remember": refused, and nothing kept
        assertThrows(DataException.class, () -> Startup.openServer(location, "wrong", true, Clock.systemUTC(),
                Actor.commandLine(), keyring));
        assertTrue(keyring.kept.isEmpty());

        connect(location, password, true, keyring);
        assertEquals(Map.of(location, password), keyring.kept);
        // the next start types nothing (the kept password, or PGPASSWORD where it is set): the keyring as it was
        connect(location, "", true, keyring);
        assertEquals(Map.of(location, password), keyring.kept);
        connect(location, password, false, keyring);
        assertTrue(keyring.kept.isEmpty(), "typed without remember: forgotten");
    }

    /** Connects as the windows do, then closes the database and gives up this computer's claim on it. */
    private static void connect(String location, String password, boolean remember, ServerPasswords keyring) {
        Startup.Ready ready = assertInstanceOf(Startup.Ready.class, Startup.openServer(location, password, remember,
                Clock.systemUTC(), Actor.commandLine(), keyring));
        ready.context().database().close();
        ready.close();
    }
}
