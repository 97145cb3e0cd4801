package org.memberdesk.ui.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.ui.common.UiContext;

/**
 * The main window's content: File menu on top, the sidebar with every area on the left, the open
 * screen in the middle, the database file at the bottom. Screens are built the first time they
 * are opened and kept, so going back and forth keeps what was typed.
 */
public final class MainWindow {
    private final UiContext context;
    private final List<Screen> screens;
    private final Map<String, Node> built = new HashMap<>();
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ListView<Screen> sidebar = new ListView<>();
    private final Runnable onScreenChanged;
    private final MenuBar menu;

    public MainWindow(UiContext context, List<Screen> screens, ShellActions actions, Runnable onScreenChanged) {
        this.context = context;
        this.screens = List.copyOf(screens);
        this.onScreenChanged = onScreenChanged;
        menu = menuBar(actions);
        root.setTop(menu);
        root.setLeft(sidebar());
        content.getStyleClass().add("screen-content");
        root.setCenter(content);
        root.setBottom(statusBar());
        root.getStyleClass().add("main-window");
        installShortcuts();
    }

    public Parent root() {
        return root;
    }

    /**
     * A band under the menu saying this window shows demo data, with a button back to the shop's own database
     * ({@code leave} null: no button).
     */
    public void showDemoBanner(String text, String leaveText, Runnable leave) {
        FontIcon icon = new FontIcon(Feather.INFO);
        Label label = new Label(text, icon);
        label.setId("demo-banner-text");
        label.setWrapText(true);
        // the text gives way (wraps) on a narrow window; the way back to the shop's own data never does
        label.setMinWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(label, Priority.ALWAYS);
        HBox banner = new HBox(12, label);
        banner.setId("demo-banner");
        banner.getStyleClass().add("demo-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(6, 12, 6, 12));
        if (leave != null) {
            javafx.scene.control.Button button = new javafx.scene.control.Button(leaveText);
            button.setId("demo-banner-leave");
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setOnAction(event -> leave.run());
            banner.getChildren().add(button);
        }
        root.setTop(new VBox(menu, banner));
    }

    /** Opens a screen by id; unknown ids open the first screen. */
    public void show(String id) {
        Screen screen = screens.stream().filter(s -> s.id().equals(id)).findFirst().orElse(screens.get(0));
        sidebar.getSelectionModel().select(screen);
    }

    /** A screen by id, built or not. */
    public Optional<Screen> screen(String id) {
        return screens.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<String> currentScreenId() {
        Screen selected = sidebar.getSelectionModel().getSelectedItem();
        return selected == null ? Optional.empty() : Optional.of(selected.id());
    }

    private void open(Screen screen) {
        Node view = built.computeIfAbsent(screen.id(), id -> screen.view());
        content.getChildren().setAll(view);
        screen.shown();
        onScreenChanged.run();
    }

    private Node sidebar() {
        FontIcon logo = new FontIcon(Feather.USERS);
        logo.getStyleClass().add("brand-icon");
        Label brand = new Label(context.text("app.name"), logo);
        brand.getStyleClass().add("brand");
        sidebar.getItems().setAll(screens);
        sidebar.setId("sidebar");
        sidebar.getStyleClass().add("sidebar-list");
        sidebar.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Screen screen, boolean empty) {
                super.updateItem(screen, empty);
                if (empty || screen == null) {
                    setText(null);
                    setGraphic(null);
                    setId(null);
                } else {
                    setText(context.text(screen.titleKey()));
                    FontIcon icon = new FontIcon(screen.icon());
                    icon.getStyleClass().add("sidebar-icon");
                    setGraphic(icon);
                    setId("nav-" + screen.id());
                }
            }
        });
        sidebar.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                open(now);
            } else if (old != null) {
                sidebar.getSelectionModel().select(old);
            }
        });
        VBox.setVgrow(sidebar, Priority.ALWAYS);
        VBox box = new VBox(brand, sidebar);
        box.getStyleClass().add("sidebar");
        box.setPrefWidth(200);
        box.setMinWidth(170);
        return box;
    }

    private MenuBar menuBar(ShellActions actions) {
        Menu file = new Menu(context.text("menu.file"));
        file.setId("menu-file");
        file.getItems().addAll(
                item("menu.file.new", Feather.FILE_PLUS, "Shortcut+N", actions::newDatabase),
                item("menu.file.open", Feather.FOLDER, "Shortcut+O", actions::openDatabase),
                new SeparatorMenuItem(),
                item("menu.file.importMembers", Feather.UPLOAD, null, actions::importMembers),
                item("menu.file.importPurchases", Feather.UPLOAD, null, actions::importPurchases),
                item("menu.file.exportMembers", Feather.DOWNLOAD, null, actions::exportMembers),
                item("menu.file.exportPurchases", Feather.DOWNLOAD, null, actions::exportPurchases),
                new SeparatorMenuItem(),
                item("menu.file.quit", Feather.LOG_OUT, "Shortcut+Q", actions::quit));
        Menu go = new Menu(context.text("menu.go"));
        for (int i = 0; i < screens.size(); i++) {
            Screen screen = screens.get(i);
            String accelerator = i < 9 ? "Shortcut+" + (i + 1) : null;
            go.getItems().add(item(screen.titleKey(), screen.icon(), accelerator, () -> show(screen.id())));
        }
        MenuBar bar = new MenuBar(file, go);
        bar.setId("menu-bar");
        return bar;
    }

    private MenuItem item(String key, org.kordamp.ikonli.Ikon icon, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(context.text(key), new FontIcon(icon));
        item.setId(key);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    private void installShortcuts() {
        // F2 opens the counter from anywhere: the one key counter staff learn first
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F2), () -> show("counter"));
            }
        });
    }

    private Node statusBar() {
        FontIcon icon = new FontIcon(Feather.DATABASE);
        Label file = new Label(context.app().database().file().toString(), icon);
        file.setId("status-database");
        file.getStyleClass().add("text-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label(context.text("shell.hint"));
        hint.getStyleClass().add("text-muted");
        HBox bar = new HBox(8, file, spacer, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
