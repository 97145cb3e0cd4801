package org.memberdesk.db;

import java.util.Optional;

/**
 * Server passwords kept in this computer's keyring, one per server database, when the owner chose "remember" in the
 * connect dialog: a counter then starts without asking, and the password is never written in plain text. The order
 * a password is taken in: the address itself, {@code PGPASSWORD}, this keyring, then the {@code .pgpass} file (the
 * driver reads it). {@link #system()} is the computer's own keyring; a computer without one (a Linux server with no
 * desktop session) finds nothing and says so when asked to keep one.
 */
public interface ServerPasswords {

    /** The password kept for this address's user, server and database; empty when none is, or there is no keyring. */
    Optional<String> find(ServerAddress address);

    /** Keeps {@code password} for this address, replacing one kept before. Refused when there is no keyring. */
    void keep(ServerAddress address, String password);

    /** Forgets the password kept for this address, if any. */
    void forget(ServerAddress address);

    /** Whether this computer has a keyring the app can use. */
    boolean available();

    /** The address with the kept password when it carries none of its own (from itself or PGPASSWORD). */
    default ServerAddress completed(ServerAddress address) {
        return address.password().isPresent() ? address
                : find(address).map(address::withPassword).orElse(address);
    }

    /** This computer's keyring: Windows Credential Manager, the macOS Keychain, or the Secret Service on Linux. */
    static ServerPasswords system() {
        return new SystemKeyring();
    }

    /** The keyring entry's account: who logs in where (never the password). */
    static String account(ServerAddress address) {
        return address.toString();
    }
}
