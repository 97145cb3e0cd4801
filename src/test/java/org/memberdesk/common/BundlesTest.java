package org.memberdesk.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Both languages have exactly the same keys, and every pattern is a valid MessageFormat. */
class BundlesTest {
    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        Properties english = load("/i18n/messages.properties");
        Properties chinese = load("/i18n/messages_zh_CN.properties");
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(chinese.stringPropertyNames());
        Set<String> onlyChinese = new TreeSet<>(chinese.stringPropertyNames());
        onlyChinese.removeAll(english.stringPropertyNames());
        assertEquals(Set.of(), onlyEnglish, "keys missing from messages_zh_CN.properties");
        assertEquals(Set.of(), onlyChinese, "keys missing from messages.properties");
        assertTrue(english.size() > 50);
    }

    @Test
    void everyPatternParses() throws IOException {
        for (String file : new String[] {"/i18n/messages.properties", "/i18n/messages_zh_CN.properties"}) {
            Properties bundle = load(file);
            for (String key : bundle.stringPropertyNames()) {
                new MessageFormat(bundle.getProperty(key));
            }
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
