package org.memberdesk.ui;

import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * How big the main window opens: its content 1200 × 760 where the screen has room for that and the window's
 * frame, else the screen's usable area (its visual bounds: the taskbar or dock left out), so a 1024 × 700 laptop
 * sees the whole window — never a status bar or a button below the screen's edge.
 */
final class WindowSize {
    /** The content's size on a screen with room for it: every screen is laid out for this and for 1024 × 700. */
    static final double WIDTH = 1200;
    static final double HEIGHT = 760;
    /** The smallest the window may be made by hand, where the screen is larger. */
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 600;
    /** Room for the title bar and borders around the content (Windows' are about 16 × 39, GNOME's 0 × 37). */
    static final double FRAME_WIDTH = 16;
    static final double FRAME_HEIGHT = 40;

    private WindowSize() {
    }

    /**
     * The window's bounds (frame included) on a screen whose usable area is {@code visual}, centred in it; empty
     * when the content fits at 1200 × 760 with its frame (the window then opens at that size, as the system places
     * it).
     */
    static Optional<Rectangle2D> within(Rectangle2D visual) {
        if (visual.getWidth() >= WIDTH + FRAME_WIDTH && visual.getHeight() >= HEIGHT + FRAME_HEIGHT) {
            return Optional.empty();
        }
        double width = Math.min(WIDTH + FRAME_WIDTH, visual.getWidth());
        double height = Math.min(HEIGHT + FRAME_HEIGHT, visual.getHeight());
        return Optional.of(new Rectangle2D(visual.getMinX() + (visual.getWidth() - width) / 2,
                visual.getMinY() + (visual.getHeight() - height) / 2, width, height));
    }

    /** The least width the window may be made: 900, or the whole usable width of a narrower screen. */
    static double minWidth(Rectangle2D visual) {
        return Math.min(MIN_WIDTH, visual.getWidth());
    }

    static double minHeight(Rectangle2D visual) {
        return Math.min(MIN_HEIGHT, visual.getHeight());
    }

    /**
     * A place remembered from another screen (a larger monitor unplugged since) made to fit this one's usable area:
     * no larger than it, and moved in so no edge is past it.
     */
    static Rectangle2D remembered(Rectangle2D saved, Rectangle2D visual) {
        double width = Math.min(saved.getWidth(), visual.getWidth());
        double height = Math.min(saved.getHeight(), visual.getHeight());
        double x = Math.max(visual.getMinX(), Math.min(saved.getMinX(), visual.getMaxX() - width));
        double y = Math.max(visual.getMinY(), Math.min(saved.getMinY(), visual.getMaxY() - height));
        return new Rectangle2D(x, y, width, height);
    }
}
