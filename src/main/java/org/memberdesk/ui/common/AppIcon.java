package org.memberdesk.ui.common;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The MemberDesk icon (icons/memberdesk.svg, rendered by icons/build-icons.sh) for windows and the
 * taskbar. Every size is given, so each platform picks a sharp one instead of scaling one down.
 */
public final class AppIcon {
    static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcon() {
    }

    public static List<Image> images() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            String resource = "/icons/memberdesk-" + size + ".png";
            try (InputStream in = AppIcon.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the icon " + resource + " is missing from the build");
                }
                images.add(new Image(in));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read the icon " + resource, e);
            }
        }
        return images;
    }

    /** Gives {@code stage} (the main window or a dialog's) the app icon. */
    public static void applyTo(Stage stage) {
        stage.getIcons().setAll(images());
    }
}
