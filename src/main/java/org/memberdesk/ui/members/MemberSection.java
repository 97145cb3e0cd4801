package org.memberdesk.ui.members;

import javafx.scene.Node;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.memberdesk.members.Member;

/**
 * A block of the member detail pane that a feature fills (points, tier, tags, coupons…). The
 * pane calls {@link #read} off the JavaFX thread whenever a member is shown, then
 * {@link #show} with its answer on the JavaFX thread. Sections are listed in
 * {@code org.memberdesk.ui.Screens#memberSections}.
 *
 * @param <T> what the section reads about a member
 */
public interface MemberSection<T> {
    /** Bundle key of the section's title. */
    String titleKey();

    Ikon icon();

    /** Reads what the section shows, through services only; runs on a worker thread. */
    T read(Member member);

    /** Builds the section's content from what {@link #read} returned; runs on the JavaFX thread. */
    Node show(Member member, T data);

    /**
     * The key that takes the keyboard to the section's first button (Alt+C: the cards), or null for none. The
     * Members screen listens for it anywhere on the screen; the section says the key in its own hint text.
     */
    default KeyCombination shortcut() {
        return null;
    }
}
