package org.memberdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.memberdesk.ui.common.Language;

class LaunchOptionsTest {
    @Test
    void readsTheWindowFlags() {
        LaunchOptions options = LaunchOptions.parse(List.of("--db", "shop.db", "--lang", "en", "--demo"));
        assertEquals(Optional.of(Path.of("shop.db")), options.database());
        assertEquals(Optional.of(Language.ENGLISH), options.language());
        assertTrue(options.demo());
        assertFalse(options.startupTiming());
    }

    @Test
    void acceptsTheWaysPeopleWriteChinese() {
        for (String lang : List.of("zh", "zh_CN", "zh-CN", "中文")) {
            assertEquals(Optional.of(Language.CHINESE), LaunchOptions.parse(List.of("--lang", lang)).language());
        }
    }

    @Test
    void nothingGivenMeansDefaults() {
        LaunchOptions options = LaunchOptions.parse(List.of());
        assertEquals(Optional.empty(), options.database());
        assertEquals(Optional.empty(), options.language());
        assertFalse(options.demo());
    }

    @Test
    void aMissingValueOrUnknownFlagIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--db")));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--lang", "fr")));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--colour")));
    }

    @Test
    void aServerAddressIsTakenAsAServerNotAsAFile() {
        LaunchOptions options = LaunchOptions.parse(List.of("--db", "postgresql://memberdesk@192.168.1.10:5432/shop"));
        assertEquals(Optional.of("postgresql://memberdesk@192.168.1.10:5432/shop"), options.server());
        assertEquals(Optional.empty(), options.database());
        assertEquals(Optional.empty(), LaunchOptions.parse(List.of("--db", "shop.db")).server());
    }
}
