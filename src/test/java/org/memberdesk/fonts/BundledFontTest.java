package org.memberdesk.fonts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The font the app carries: the file as published (not filtered or changed by the build), its licence beside it. */
class BundledFontTest {
    @Test
    void finding1_theFontIsShippedUnmodifiedWithItsLicence() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (InputStream in = BundledFont.open()) {
            sha256.update(in.readAllBytes());
        }
        // the checksum of NotoSansSC_400Regular.ttf in @expo-google-fonts/noto-sans-sc 0.4.3 (README.md beside it)
        assertEquals("d45f67f0a7c0ca3f256950777ce6a61cc7ce5f9696d02900cbbaac25f8aa7d16",
                HexFormat.of().formatHex(sha256.digest()));
        try (InputStream licence = BundledFont.openLicence()) {
            assertNotNull(licence, "OFL.txt must travel with the font");
            String text = new String(licence.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("SIL OPEN FONT LICENSE Version 1.1"), text);
        }
    }

    @Test
    void finding1_chartsGetTheFontByNameWithChineseAndLatin() {
        Font bold = BundledFont.awt(Font.BOLD, 14);
        assertEquals(BundledFont.FAMILY, bold.getFamily());
        assertEquals(14, bold.getSize());
        assertTrue(bold.isBold());
        assertEquals(-1, bold.canDisplayUpTo("会员消费 Revenue ¥1,280.00 —…"));
        // registered: asked for by family name (as JFreeChart's JavaFX viewer and any new Font(...) do), it is found
        assertEquals(-1, new Font(BundledFont.FAMILY, Font.PLAIN, 12).canDisplayUpTo("会员"));
    }
}
