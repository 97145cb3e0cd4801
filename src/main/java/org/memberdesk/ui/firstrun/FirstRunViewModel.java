package org.memberdesk.ui.firstrun;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.memberdesk.demo.Business;
import org.memberdesk.ui.common.Language;

/**
 * The three first-run questions and their defaults: the OS language, a shop, an empty database. All three are what
 * the person picks (inputs); {@link #choice()} is what the dialog hands on.
 */
public final class FirstRunViewModel {
    /** Demo data size: enough to try search, paging and the detail pane; loads in seconds. */
    public static final int DEMO_MEMBERS = 3_000;

    private final ObjectProperty<Language> language = new SimpleObjectProperty<>();
    private final ObjectProperty<Business> business = new SimpleObjectProperty<>(Business.SHOP);
    private final BooleanProperty withDemo = new SimpleBooleanProperty(false);

    public FirstRunViewModel(Language initial) {
        language.set(initial);
    }

    /** Input: the language picked (the window is in it from the start). */
    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    /** Input: the kind of business picked. */
    public ObjectProperty<Business> businessProperty() {
        return business;
    }

    /** Input: whether to start with demo members to try things on. */
    public BooleanProperty withDemoProperty() {
        return withDemo;
    }

    public FirstRunChoice choice() {
        return new FirstRunChoice(language.get(), business.get(), withDemo.get());
    }

    /** What the person chose on the first run. */
    public record FirstRunChoice(Language language, Business business, boolean withDemo) {
    }
}
