package org.memberdesk.ui.shell;

import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One area of the sidebar. A feature adds its screen by implementing this and adding it to the
 * list in {@code org.memberdesk.ui.Screens}; nothing else in the shell changes.
 */
public interface Screen {
    /** Stable id, kept in the preferences as the last open screen. */
    String id();

    /** Bundle key of the sidebar title. */
    String titleKey();

    Ikon icon();

    /** Built once, the first time the screen is opened. */
    Node view();

    /** Called every time the screen is shown (after {@link #view()}): a chance to refresh or focus. */
    default void shown() {
    }

    /**
     * Called when another screen takes this one's place (not when the window locks and the same person gets it
     * back): a chance to start afresh next time.
     */
    default void left() {
    }

    /** Whether File ▸ New member… opens this screen's own form for a new member. */
    default boolean addsMembers() {
        return false;
    }

    /** New member… on this screen (after {@link #view()}); only when {@link #addsMembers()}. */
    default void newMember() {
    }
}
