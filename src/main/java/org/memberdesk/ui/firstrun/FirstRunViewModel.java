package org.memberdesk.ui.firstrun;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
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
    /** The chain's demo: 本店, 二店 and 三店, enough to see the stores side by side. */
    public static final int DEMO_CHAIN_STORES = 3;

    private final ObjectProperty<Language> language = new SimpleObjectProperty<>();
    private final ObjectProperty<Business> business = new SimpleObjectProperty<>(Business.SHOP);
    private final BooleanProperty withDemo = new SimpleBooleanProperty(false);
    private final IntegerProperty demoStores = new SimpleIntegerProperty(1);

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

    /** Input: how many stores the demo has: 1, a single shop, or {@link #DEMO_CHAIN_STORES}, a chain. */
    public IntegerProperty demoStoresProperty() {
        return demoStores;
    }

    public FirstRunChoice choice() {
        return new FirstRunChoice(language.get(), business.get(), withDemo.get(), demoStores.get());
    }

    /** What the person chose on the first run; {@code demoStores} counts only with the demo. */
    public record FirstRunChoice(Language language, Business business, boolean withDemo, int demoStores) {
    }
}
