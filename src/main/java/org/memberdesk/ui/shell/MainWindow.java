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
import javafx.scene.input.KeyEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.Permission;
import org.memberdesk.ui.common.UiContext;

/**
 * The main window's content: File menu on top, the sidebar with every area on the left, the open
 * screen in the middle, the database file at the bottom. Screens are built the first time they
 * are opened and kept, so going back and forth keeps what was typed.
 *
 * <p>Only what the person signed in may use is there: a screen whose use needs a permission they lack is left
 * out of the sidebar and the Go menu (and so of its shortcut), and the File menu's databases, imports and exports
 * likewise;
 * {@link #allowFor} redoes it at each switch of staff. Nobody signed in: no screen at all.
 */
public final class MainWindow {
    /** Switch staff (切换员工): L as in lock; free on every screen (the counter has N, K, R, D). */
    public static final String SWITCH_STAFF = "Shortcut+L";
    /** New member…: the shortcut counter and members staff use many times a day. */
    public static final String NEW_MEMBER = "Shortcut+N";
    /** New database…: rare, and the owner's; Shift keeps it apart from New member. */
    public static final String NEW_DATABASE = "Shortcut+Shift+N";
    /** The screen F2 opens from anywhere. */
    private static final String COUNTER = "counter";
    private final UiContext context;
    private final List<Screen> screens;
    /** The permission each screen's use needs, by screen id; a screen not named needs none. */
    private final Map<String, Permission> needs;
    private final Map<String, Node> built = new HashMap<>();
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ListView<Screen> sidebar = new ListView<>();
    private final VBox sidebarBox = new VBox();
    private final Runnable onScreenChanged;
    private final MenuBar menu;
    private final Menu go = new Menu();
    /** The store this computer works in, in the status bar: shown only when the shop has several. */
    private final Label storeHere = new Label();
    /** New database… and Open database…: the owner's (the next start opens the file last opened). */
    private final List<MenuItem> databases = new java.util.ArrayList<>();
    private final List<MenuItem> imports = new java.util.ArrayList<>();
    private final List<MenuItem> exports = new java.util.ArrayList<>();
    /** File ▸ New member…, for those who may add members. */
    private MenuItem newMember;
    /** The line under the imports and exports, left out with them. */
    private final SeparatorMenuItem afterTransfers = new SeparatorMenuItem();
    private final SeparatorMenuItem afterDatabases = new SeparatorMenuItem();
    private Actor allowed;
    /** The screen open, or wanted once someone may see it (kept while the window is locked). */
    private String wanted;
    private boolean refreshing;
    /** The screen on show (kept while the window is locked: the same person gets it back as it was). */
    private Screen openScreen;

    public MainWindow(UiContext context, List<Screen> screens, ShellActions actions, Runnable onScreenChanged) {
        this(context, screens, Map.of(), actions, onScreenChanged);
    }

    public MainWindow(UiContext context, List<Screen> screens, Map<String, Permission> needs, ShellActions actions,
                      Runnable onScreenChanged) {
        this.context = context;
        this.screens = List.copyOf(screens);
        this.needs = Map.copyOf(needs);
        this.onScreenChanged = onScreenChanged;
        this.allowed = context.app().session().current();
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

    /**
     * Opens a screen by id; unknown ids open the first screen the person may use. A screen they may not use stays
     * closed (while nobody is signed in it is opened once someone who may signs in).
     */
    public void show(String id) {
        List<Screen> usable = usable();
        if (usable.isEmpty()) {
            wanted = id;
            return;
        }
        boolean known = screens.stream().anyMatch(s -> s.id().equals(id));
        Optional<Screen> screen = usable.stream().filter(s -> s.id().equals(id)).findFirst();
        if (screen.isEmpty() && known && sidebar.getSelectionModel().getSelectedItem() != null) {
            return;
        }
        sidebar.getSelectionModel().select(screen.orElseGet(() -> fallback(usable)));
    }

    /** The counter when the person may sell (a cashier's first screen), else the first they may use. */
    private static Screen fallback(List<Screen> usable) {
        return usable.stream().filter(s -> s.id().equals("counter")).findFirst().orElse(usable.get(0));
    }

    /** Whether the person signed in may use the screen {@code id}. */
    public boolean mayUse(String id) {
        Permission needed = needs.get(id);
        return needed == null ? !allowed.isNobody() : allowed.may(needed);
    }

    private List<Screen> usable() {
        return screens.stream().filter(s -> mayUse(s.id())).toList();
    }

    /**
     * Shows only what {@code actor} may use: the sidebar, the Go menu and its shortcuts, the File menu's databases,
     * imports and exports. The open screen stays open when they may use it, else their first screen opens; nobody (the
     * window locked) sees no screen, and the one open comes back for the next person who may use it.
     */
    public void allowFor(Actor actor) {
        if (actor.equals(allowed)) {
            return; // already so (the window just built for them)
        }
        allowed = actor;
        List<Screen> usable = usable();
        currentScreenId().ifPresent(id -> wanted = id);
        refreshing = true;
        try {
            sidebar.getSelectionModel().clearSelection();
            sidebar.getItems().setAll(usable);
        } finally {
            refreshing = false;
        }
        fillGoMenu(usable);
        showTransfers();
        if (usable.isEmpty()) {
            content.getChildren().clear();
            return;
        }
        String next = wanted;
        sidebar.getSelectionModel().select(usable.stream().filter(s -> s.id().equals(next)).findFirst()
                .orElseGet(() -> fallback(usable)));
    }

    /** The File menu's databases, imports and exports, for those who may. */
    private void showTransfers() {
        databases.forEach(item -> showItem(item, allowed.may(Permission.SETTINGS)));
        if (newMember != null) {
            showItem(newMember, allowed.may(Permission.ADD_MEMBER));
        }
        afterDatabases.setVisible(allowed.may(Permission.SETTINGS));
        imports.forEach(item -> showItem(item, allowed.may(Permission.IMPORT)));
        exports.forEach(item -> showItem(item, allowed.may(Permission.EXPORT)));
        afterTransfers.setVisible(allowed.may(Permission.IMPORT) || allowed.may(Permission.EXPORT));
    }

    /** A menu item left out: hidden, and disabled so its shortcut does nothing either. */
    private static void showItem(MenuItem item, boolean shown) {
        item.setVisible(shown);
        item.setDisable(!shown);
    }

    /** A line under the sidebar (who is signed in, switch staff). */
    public void showStaffBar(Node bar) {
        if (sidebarBox.getChildren().size() > 2) {
            sidebarBox.getChildren().remove(2);
        }
        sidebarBox.getChildren().add(bar);
    }

    /** A screen by id, built or not. */
    public Optional<Screen> screen(String id) {
        return screens.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The screen open; while the window is locked, the one to open again after the next PIN. */
    public Optional<String> currentScreenId() {
        Screen selected = sidebar.getSelectionModel().getSelectedItem();
        return selected == null ? Optional.ofNullable(wanted) : Optional.of(selected.id());
    }

    private void open(Screen screen) {
        if (openScreen != null && openScreen != screen) {
            openScreen.left();
        }
        openScreen = screen;
        wanted = screen.id();
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
        sidebar.getItems().setAll(usable());
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
            if (refreshing) {
                return;
            }
            if (now != null) {
                open(now);
            } else if (old != null && sidebar.getItems().contains(old)) {
                sidebar.getSelectionModel().select(old);
            }
        });
        VBox.setVgrow(sidebar, Priority.ALWAYS);
        VBox box = sidebarBox;
        box.getChildren().setAll(brand, sidebar);
        box.getStyleClass().add("sidebar");
        box.setPrefWidth(200);
        box.setMinWidth(170);
        return box;
    }

    private MenuBar menuBar(ShellActions actions) {
        Menu file = new Menu(context.text("menu.file"));
        file.setId("menu-file");
        imports.add(item("menu.file.importMembers", Feather.UPLOAD, null, actions::importMembers));
        imports.add(item("menu.file.importPurchases", Feather.UPLOAD, null, actions::importPurchases));
        exports.add(item("menu.file.exportMembers", Feather.DOWNLOAD, null, actions::exportMembers));
        exports.add(item("menu.file.exportPurchases", Feather.DOWNLOAD, null, actions::exportPurchases));
        showTransfers();
        newMember = item("menu.file.newMember", Feather.USER_PLUS, NEW_MEMBER, this::newMember);
        databases.add(item("menu.file.new", Feather.FILE_PLUS, NEW_DATABASE, actions::newDatabase));
        databases.add(item("menu.file.open", Feather.FOLDER, "Shortcut+O", actions::openDatabase));
        databases.add(item("menu.file.connect", Feather.SERVER, null, actions::connectToServer));
        showTransfers();
        file.getItems().addAll(newMember, new SeparatorMenuItem());
        file.getItems().addAll(databases);
        file.getItems().add(afterDatabases);
        file.getItems().addAll(imports);
        file.getItems().addAll(exports);
        file.getItems().addAll(afterTransfers,
                item("staff.switch", Feather.USERS, SWITCH_STAFF, actions::switchStaff),
                item("menu.file.quit", Feather.LOG_OUT, "Shortcut+Q", actions::quit));
        go.setText(context.text("menu.go"));
        fillGoMenu(usable());
        MenuBar bar = new MenuBar(file, go);
        bar.setId("menu-bar");
        return bar;
    }

    /**
     * The Go menu: the screens the person may use, each keeping its place's shortcut (Shortcut+1 is always the
     * dashboard), so a screen left out cannot be reached by its shortcut either.
     */
    private void fillGoMenu(List<Screen> usable) {
        go.getItems().clear();
        for (int i = 0; i < screens.size(); i++) {
            Screen screen = screens.get(i);
            if (!usable.contains(screen)) {
                continue;
            }
            String accelerator = i < 9 ? "Shortcut+" + (i + 1) : null;
            go.getItems().add(item(screen.titleKey(), screen.icon(), accelerator, () -> show(screen.id())));
        }
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

    /**
     * F2 opens the counter's lookup from anywhere: the one key counter staff learn first. A filter on the scene, not
     * an accelerator: accelerators only see keys the focused control lets through, and a table or a list could keep
     * F2 (the digits and Enter typed next then went to the members table, which opened Edit member: defect 5).
     */
    private void installShortcuts() {
        javafx.event.EventHandler<KeyEvent> toCounter = event -> {
            if (event.getCode() == KeyCode.F2 && !event.isShortcutDown() && !event.isAltDown()) {
                event.consume();
                toCounter();
            }
        };
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, toCounter);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, toCounter);
            }
        });
    }

    /** The counter, its lookup focused: opened, or (already open) shown again. */
    private void toCounter() {
        if (currentScreenId().filter(COUNTER::equals).isPresent() && !content.getChildren().isEmpty()) {
            screen(COUNTER).ifPresent(Screen::shown);
        } else {
            show(COUNTER);
        }
    }

    /**
     * File ▸ New member… (Shortcut+N): the open screen's own form when it adds members (the counter pre-fills the
     * phone typed), else the members screen opens with its form.
     */
    private void newMember() {
        if (!allowed.may(Permission.ADD_MEMBER)) {
            return;
        }
        Optional<Screen> open = currentScreenId().flatMap(this::screen).filter(Screen::addsMembers);
        if (open.isPresent() && !content.getChildren().isEmpty()) {
            open.get().newMember();
            return;
        }
        screen("members").filter(Screen::addsMembers).filter(s -> mayUse(s.id())).ifPresent(s -> {
            show(s.id());
            s.newMember();
        });
    }

    /**
     * The status bar names the store this computer works in ({@code store} present: the shop has several), or says
     * nothing of stores (a single shop).
     */
    public void showStore(java.util.Optional<String> store) {
        store.ifPresent(name -> storeHere.setText(context.text("store.here.status", name)));
        storeHere.setVisible(store.isPresent());
        storeHere.setManaged(store.isPresent());
    }

    private Node statusBar() {
        FontIcon icon = new FontIcon(Feather.DATABASE);
        Label file = new Label(context.app().databaseLocation(), icon);
        file.setId("status-database");
        file.getStyleClass().add("text-muted");
        storeHere.setGraphic(new FontIcon(Feather.MAP_PIN));
        storeHere.setId("status-store");
        storeHere.getStyleClass().add("text-muted");
        showStore(java.util.Optional.empty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label(context.text("shell.hint"));
        hint.getStyleClass().add("text-muted");
        HBox bar = new HBox(8, file, storeHere, spacer, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
