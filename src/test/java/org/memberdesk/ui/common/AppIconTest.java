package org.memberdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The window icons are in the build, square, of the size their name says, and not blank. */
class AppIconTest {
    @Test
    void everyIconSizeIsThereAndDrawn() throws Exception {
        for (int size : AppIcon.SIZES) {
            try (InputStream in = AppIcon.class.getResourceAsStream("/icons/memberdesk-" + size + ".png")) {
                assertNotNull(in, "icon " + size);
                BufferedImage image = ImageIO.read(in);
                assertEquals(size, image.getWidth());
                assertEquals(size, image.getHeight());
                int centre = image.getRGB(size / 2, size / 2);
                assertTrue((centre >>> 24) > 200, "the centre of the " + size + " px icon is opaque");
                assertEquals(0, image.getRGB(0, 0) >>> 24, "the corners are transparent (rounded tile)");
            }
        }
    }
}
