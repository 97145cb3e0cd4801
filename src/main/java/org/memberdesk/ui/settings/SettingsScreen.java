package org.memberdesk.ui.settings;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.memberdesk.demo.Business;
import org.memberdesk.ui.cards.CardProductsView;
import org.memberdesk.ui.common.Language;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.points.PointsSettingsView;
import org.memberdesk.ui.shell.Screen;

/**
 * 设置 Settings: language, business type, purchase limits, where the data lives, points, member cards, staff, stores.
 */
public final class SettingsScreen implements Screen {
    private final UiContext context;
    private final SettingsViewModel model;
    private final DataSettingsViewModel data;
    private final MoveDataViewModel move;
    private final LimitsViewModel limits;
    private final PointsSettingsView points;
    private final CardProductsView cards;
    private final StaffSettingsModel staff;
    private final StoresSettingsModel stores;

    public SettingsScreen(UiContext context, Consumer<Language> switchLanguage) {
        this.context = context;
        this.model = new SettingsViewModel(context.app().shopProfile(), context.tasks(),
                Language.of(context.messages().locale()), switchLanguage);
        this.data = new DataSettingsViewModel(context.app().backupService(), context.app().diagnostics(),
                context.tasks(), context.dialogs(), context.messages(), context.changes());
        this.move = new MoveDataViewModel(context.app().shopMove(), context.tasks(), context.dialogs(), context.messages());
        this.limits = new LimitsViewModel(context.app().purchases(), context.tasks(), context.messages());
        this.points = new PointsSettingsView(context);
        this.cards = new CardProductsView(context);
        this.staff = new StaffSettingsModel(context.app().staff(), context.app().stores(), context.tasks(),
                context.messages(),
                context.changes()::idleLockSaved);
        this.stores = new StoresSettingsModel(context.app().stores(), context.tasks(), context.messages(),
                this::storesChanged);
    }

    /** A store added or renamed, or this computer set to another: the status bar and the staff tab follow. */
    private void storesChanged() {
        context.changes().storesChanged();
        if (context.app().session().may(org.memberdesk.staff.Permission.STAFF)) {
            staff.load();
        }
    }

    /** Settings → Stores (its model, for tests). */
    public StoresSettingsModel stores() {
        return stores;
    }

    /** Settings → Staff (its model, for tests). */
    public StaffSettingsModel staff() {
        return staff;
    }

    /** Settings → Points (its models, for tests). */
    public PointsSettingsView points() {
        return points;
    }

    @Override
    public String id() {
        return "settings";
    }

    @Override
    public String titleKey() {
        return "nav.settings";
    }

    @Override
    public Ikon icon() {
        return Feather.SETTINGS;
    }

    @Override
    public Node view() {
        Label title = new Label(context.text("nav.settings"));
        title.getStyleClass().add("title-2");

        ComboBox<Language> language = new ComboBox<>();
        language.setId("settings-language");
        language.getItems().setAll(Language.values());
        language.valueProperty().bindBidirectional(model.languageProperty());
        language.setOnAction(event -> model.applyLanguage());

        ComboBox<Business> business = new ComboBox<>();
        business.setId("settings-business");
        business.getItems().setAll(Business.values());
        business.setCellFactory(list -> businessCell());
        business.setButtonCell(businessCell());
        business.valueProperty().bindBidirectional(model.businessProperty());
        business.setOnAction(event -> model.saveBusiness());

        Label database = new Label(context.app().databaseLocation());
        database.setId("settings-database");
        database.setWrapText(true);

        GridPane form = new GridPane();
        form.setHgap(16);
        form.setVgap(14);
        form.addRow(0, new Label(context.text("settings.language")), language);
        form.addRow(1, new Label(context.text("settings.business")), business);
        form.addRow(2, new Label(context.text("settings.database")), database);
        Label note = new Label(context.text("settings.note"));
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        VBox page = new VBox(20, title, form, note, new DataSection(context, data).view(),
                new MoveSection(context, move).view());
        page.setPadding(new Insets(24));
        page.getStyleClass().add("page");
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(page);
        scroll.setFitToWidth(true);
        // 常规 General (language, business, data), 积分 Points and 消费上限 Purchase limits: pages of their own
        VBox limitsPage = new VBox(new LimitsSection(context, limits).view());
        limitsPage.setPadding(new Insets(24));
        limitsPage.getStyleClass().add("page");
        TabPane tabs = new TabPane(tab("settings-tab-general", "settings.tab.general", scroll),
                tab("settings-tab-points", "settings.tab.points", points.view()),
                tab("settings-tab-limits", "settings.limits", limitsPage),
                tab("settings-tab-cards", "cards.settings.tab", cards.view()),
                tab("settings-tab-staff", "staff.settings.tab", new StaffSection(context, staff).view()),
                tab("settings-tab-stores", "stores.settings.tab", new StoresSection(context, stores).view()));
        tabs.setId("settings-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    /** A tab whose title is a label with an id, so tests and screenshots can click it. */
    private Tab tab(String id, String key, Node content) {
        Label title = new Label(context.text(key));
        title.setId(id);
        Tab tab = new Tab();
        tab.setGraphic(title);
        tab.setContent(content);
        return tab;
    }

    @Override
    public void shown() {
        model.load();
        data.load();
        limits.load();
        points.load();
        cards.load();
        if (context.app().session().may(org.memberdesk.staff.Permission.STAFF)) {
            staff.load();
        }
        stores.load();
    }

    private ListCell<Business> businessCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Business item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : context.text("business." + item.code()));
            }
        };
    }
}
