package org.memberdesk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void selfTestAloneIsTheHeadlessInstallationCheck() {
        assertTrue(Launcher.isInstallationCheck(new String[] {"--self-test"}));
        assertTrue(Launcher.isInstallationCheck(new String[] {"--lang", "zh", "--self-test"}));
        // with a database it is the windows' timed self-test
        assertFalse(Launcher.isInstallationCheck(new String[] {"--db", "big.db", "--self-test"}));
        assertFalse(Launcher.isInstallationCheck(new String[] {"--demo", "--self-test"}));
        assertFalse(Launcher.isInstallationCheck(new String[] {"--db", "shop.db"}));
        assertFalse(Launcher.isCommand(new String[] {"--self-test"}));
        assertTrue(Launcher.isCommand(new String[] {"--db", "shop.db", "backup", "--json"}));
    }
}
