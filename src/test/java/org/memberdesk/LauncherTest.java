package org.memberdesk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void selfTestAloneIsTheHeadlessInstallationCheck() {
        assertTrue(Launcher.isInstallationCheck(new String[] {"--self-test"}));
        assertTrue(Launcher.isInstallationCheck(new String[] {"--lang", "zh", "--self-test"}));
        // the windows' own timing is a flag of its own, so --self-test never opens a window
        assertTrue(Launcher.isInstallationCheck(new String[] {"--db", "big.db", "--self-test"}));
        assertFalse(Launcher.isInstallationCheck(new String[] {"--db", "big.db", "--startup-timing"}));
        assertFalse(Launcher.isCommand(new String[] {"--db", "big.db", "--startup-timing"}));
        assertFalse(Launcher.isInstallationCheck(new String[] {"--db", "shop.db"}));
        assertFalse(Launcher.isCommand(new String[] {"--self-test"}));
        assertTrue(Launcher.isCommand(new String[] {"--db", "shop.db", "backup", "--json"}));
    }
}
