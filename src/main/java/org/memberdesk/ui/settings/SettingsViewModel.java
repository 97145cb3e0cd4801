package org.memberdesk.ui.settings;

import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.memberdesk.demo.Business;
import org.memberdesk.shop.ShopProfileService;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.Language;
import org.memberdesk.ui.common.TaskExecutor;

/** The settings a shop owner changes: the language of the windows and the kind of business. */
public final class SettingsViewModel {
    private final ShopProfileService shop;
    private final TaskExecutor tasks;
    private final Language current;
    private final Consumer<Language> switchLanguage;
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>();
    private final ObjectProperty<Business> business = new SimpleObjectProperty<>();

    /** {@code current}: the language the window is in now; {@code switchLanguage} rebuilds it in another. */
    public SettingsViewModel(ShopProfileService shop, TaskExecutor tasks, Language current, Consumer<Language> switchLanguage) {
        this.shop = shop;
        this.tasks = tasks;
        this.current = current;
        this.switchLanguage = switchLanguage;
        language.set(current);
    }

    /** Input: the language picked. */
    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    /** Input: the kind of business picked (and, once loaded, the one stored). */
    public ObjectProperty<Business> businessProperty() {
        return business;
    }

    /** Reads the stored business type in the background. */
    public void load() {
        tasks.execute(BackgroundTask.of(() -> shop.business())
                .onSuccess(stored -> business.set(stored.orElse(null))));
    }

    /** Applies the chosen language: the window is rebuilt in it; the database is untouched. */
    public void applyLanguage() {
        Language chosen = language.get();
        if (chosen != null && chosen != current) {
            switchLanguage.accept(chosen);
        }
    }

    public void saveBusiness() {
        Business chosen = business.get();
        if (chosen != null) {
            tasks.execute(BackgroundTask.of(() -> {
                shop.setBusiness(chosen);
                return chosen;
            }));
        }
    }
}
