package org.memberdesk.db;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link ServerPasswords} in the computer's own keyring, through java-keyring (Windows Credential Manager, macOS
 * Keychain, Secret Service or KWallet). Each call opens the keyring and closes it again: it is asked once when a
 * database opens, and a keyring held open would keep a D-Bus connection on Linux for nothing.
 */
final class SystemKeyring implements ServerPasswords {
    /** The entries' service name, as the keyring's own tools list them. */
    static final String SERVICE = "MemberDesk";
    private static final Logger LOG = Logger.getLogger(SystemKeyring.class.getName());

    @Override
    public Optional<String> find(ServerAddress address) {
        try (Keyring keyring = Keyring.create()) {
            return Optional.ofNullable(keyring.getPassword(SERVICE, ServerPasswords.account(address)))
                    .filter(password -> !password.isEmpty());
        } catch (BackendNotSupportedException | PasswordAccessException e) {
            // no keyring, or nothing kept for this address: the password comes from .pgpass or is asked for
            return Optional.empty();
        } catch (Exception e) {
            LOG.log(Level.FINE, "the keyring could not be read", e);
            return Optional.empty();
        }
    }

    @Override
    public void keep(ServerAddress address, String password) {
        try (Keyring keyring = Keyring.create()) {
            keyring.setPassword(SERVICE, ServerPasswords.account(address), password);
        } catch (BackendNotSupportedException e) {
            throw new DataException("This computer has no keyring to keep the password in: use PGPASSWORD or the"
                    + " .pgpass file (docs/multi-store.md)", e);
        } catch (Exception e) {
            throw new DataException("The keyring would not keep the password: " + e.getMessage(), e);
        }
    }

    @Override
    public void forget(ServerAddress address) {
        try (Keyring keyring = Keyring.create()) {
            keyring.deletePassword(SERVICE, ServerPasswords.account(address));
        } catch (Exception e) {
            // nothing kept, or no keyring: nothing to forget
            LOG.log(Level.FINE, "no password to forget in the keyring", e);
        }
    }

    @Override
    public boolean available() {
        try (Keyring ignored = Keyring.create()) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
