package org.memberdesk.ui.firstrun;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.memberdesk.demo.Business;
import org.memberdesk.ui.common.Language;

/** The three first-run questions and their defaults: the OS language, a shop, an empty database. */
public final class FirstRunViewModel {
    /** Demo data size: enough to try search, paging and the detail pane; loads in seconds. */
    public static final int DEMO_MEMBERS = 3_000;

    private final ObjectProperty<Language> language = new SimpleObjectProperty<>();
    private final ObjectProperty<Business> business = new SimpleObjectProperty<>(Business.SHOP);
    private final BooleanProperty withDemo = new SimpleBooleanProperty(false);

    public FirstRunViewModel(Language initial) {
        language.set(initial);
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public ObjectProperty<Business> businessProperty() {
        return business;
    }

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
