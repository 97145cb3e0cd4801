package org.memberdesk.ui.settings;

import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.memberdesk.demo.Business;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.Language;
import org.memberdesk.ui.common.UiContext;

/** The settings a shop owner changes: the language of the windows and the kind of business. */
public final class SettingsViewModel {
    private final UiContext context;
    private final Consumer<Language> switchLanguage;
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>();
    private final ObjectProperty<Business> business = new SimpleObjectProperty<>();

    public SettingsViewModel(UiContext context, Consumer<Language> switchLanguage) {
        this.context = context;
        this.switchLanguage = switchLanguage;
        language.set(Language.of(context.messages().locale()));
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public ObjectProperty<Business> businessProperty() {
        return business;
    }

    /** Reads the stored business type in the background. */
    public void load() {
        context.tasks().execute(BackgroundTask.of(() -> context.app().shopProfile().business())
                .onSuccess(stored -> business.set(stored.orElse(null))));
    }

    /** Applies the chosen language: the window is rebuilt in it; the database is untouched. */
    public void applyLanguage() {
        Language chosen = language.get();
        if (chosen != null && chosen != Language.of(context.messages().locale())) {
            switchLanguage.accept(chosen);
        }
    }

    public void saveBusiness() {
        Business chosen = business.get();
        if (chosen != null) {
            context.tasks().execute(BackgroundTask.of(() -> {
                context.app().shopProfile().setBusiness(chosen);
                return chosen;
            }));
        }
    }
}
