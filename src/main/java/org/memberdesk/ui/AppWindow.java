package org.memberdesk.ui;

import org.memberdesk.ui.common.ServerConnectDialog;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.memberdesk.app.AppContext;
import org.memberdesk.app.Startup;
import org.memberdesk.common.Progress;
import org.memberdesk.demo.Business;
import org.memberdesk.demo.DemoLoader;
import org.memberdesk.shop.ShopState;
import org.memberdesk.staff.Actor;
import org.memberdesk.ui.analytics.DailyRefit;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.FxDialogService;
import org.memberdesk.ui.common.FxTaskExecutor;
import org.memberdesk.ui.common.Language;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.firstrun.FirstRunDialog;
import org.memberdesk.ui.firstrun.FirstRunViewModel;
import org.memberdesk.ui.shell.MainWindow;
import org.memberdesk.ui.shell.ShellActions;
import org.memberdesk.ui.shell.UiPreferences;
import org.memberdesk.ui.staff.StaffGate;
import org.memberdesk.ui.transfer.TransferActions;

/**
 * The main window of one open database in one language. Switching either rebuilds the window's
 * content from the database (which is the truth), so nothing stored is ever lost by a switch.
 */
public final class AppWindow implements ShellActions {
    /**
     * The screen a window starts on: the counter, where a shop's day happens (a new shop too). Whoever signs in and
     * may not sell gets their first screen instead ({@code MainWindow.show}); someone else signing in later starts
     * there again (see the constructor).
     */
    public static final String START_SCREEN = "counter";
    private final Stage stage;
    private final UiPreferences preferences;
    private final Clock clock;
    private final FxDialogService dialogs;
    private final FxTaskExecutor tasks;
    /** The day's backup and growth work: its own thread, so it never holds up a screen's reads. */
    private final FxTaskExecutor housekeeping;
    private AppContext app;
    private Language language;
    private UiContext context;
    private MainWindow window;
    /** This window's claim on its database (one window per database); null in tests. */
    private Startup.Ready ready;
    /** Where the demo databases live (the data folder): files of their own, never the shop's. */
    private final Path demoFolder;
    /** The open database holds demo data: the title bar and a banner say so. */
    private boolean demo;
    /** The shop's own database, to go back to from the demo; null when not known. */
    private Path shopDatabase;
    /** The open database's daily refit of the predictions, and the hourly look at the date that repeats it. */
    private DailyRefit dailyRefit;
    private AppContext dailyRefitFor;
    private Timeline hourly;
    /** Who acts in a database this window opens (see the constructor). */
    private final Actor opensAs;
    /** Staff sharing the computer: the sign-in over the window, switch staff, the idle lock. */
    private final StaffGate gate;

    public AppWindow(Stage stage, UiPreferences preferences, AppContext app, Language language, Clock clock,
                     Path demoFolder) {
        this(stage, preferences, app, language, clock, demoFolder, Actor.NOBODY);
    }

    /**
     * {@code opensAs}: who acts in another database this window opens — nobody until a PIN (the app); the owner
     * as on the command line for {@code --startup-timing} and the tests that drive the window without signing in.
     */
    public AppWindow(Stage stage, UiPreferences preferences, AppContext app, Language language, Clock clock,
                     Path demoFolder, Actor opensAs) {
        this.opensAs = opensAs;
        this.gate = new StaffGate(stage.getScene());
        // another person signed in: the screens are built afresh for them (on the counter when it is theirs)
        gate.onSomeoneElse(() -> show(START_SCREEN));
        this.stage = stage;
        this.preferences = preferences;
        this.app = app;
        this.language = language;
        this.clock = clock;
        this.demoFolder = demoFolder;
        this.dialogs = new FxDialogService(() -> stage, () -> this.language.messages());
        // an action a role may not do that still reaches a service is kept in the log ("refused"), then shown in words
        this.tasks = new FxTaskExecutor(dialogs, 2, this::logRefused);
        this.housekeeping = new FxTaskExecutor(dialogs, 1);
    }

    /** On a task's thread: the refused attempt kept in the open database's log, naming who tried. */
    private void logRefused(org.memberdesk.staff.NotAllowedException refused) {
        AppContext open = app;
        if (open != null) {
            open.operationLog().recordRefused(refused);
        }
    }

    /** Builds the window's content and opens a screen. */
    public void show(String screenId) {
        context = new UiContext(app, language.messages(), tasks, dialogs, new DataChanges());
        AppContext shown = app;
        // a new model (the daily refit, Refit now) changes what rule tags on the prediction fields hold: the fit
        // marked them out of date, and they are refreshed here, behind the day's other work
        context.changes().onPredictionsRefitted(refusal -> {
            if (refusal.isEmpty() && shown != null) {
                housekeeping.execute(BackgroundTask.of(() -> shown.tags().refreshIfStale())
                        .onSuccess(refreshed -> {
                            if (refreshed && context != null && app == shown) {
                                context.changes().manyChanged();
                            }
                        }));
            }
        });
        window = new MainWindow(context, Screens.all(context, this::switchLanguage, id -> window.show(id)),
                Screens.needs(), this, () -> window.currentScreenId().ifPresent(preferences::setLastScreen));
        stage.getScene().setRoot(gate.attach(context, window));
        showWhetherDemo();
        context.changes().onStoresChanged(this::showStore);
        showStore();
        MainWindow built = window;
        // a screen reads the shop's data as it is built: not while nobody is signed in (its reads would be refused,
        // each start showing "Something went wrong" and logging a refusal); it opens once someone is
        gate.whenSignedIn(() -> {
            if (window == built) {
                built.show(screenId);
            }
        });
        if (dailyRefit != null && dailyRefitFor == app) {
            // rebuilt (another language): the Predictions tab still says why today's refit made no model
            dailyRefit.lastRefusal().ifPresent(refused -> context.changes().predictionsRefitted(Optional.of(refused)));
        }
    }

    /**
     * The status bar names this computer's store when the shop has several (one small read, in the background);
     * a single shop's says nothing of stores.
     */
    private void showStore() {
        AppContext shown = app;
        UiContext showing = context;
        MainWindow on = window;
        tasks.execute(BackgroundTask.of(() -> shown.stores().hereInChain()).onSuccess(here -> {
            if (app == shown && window == on) {
                on.showStore(here.map(store -> store.shownName(showing.messages())));
            }
        }));
    }

    /** The title bar (and, for demo data, a banner) say which database this is. */
    private void showWhetherDemo() {
        String name = app.onServer() ? app.databaseLocation() : app.databaseFile().getFileName().toString();
        stage.setTitle(context.text(demo ? "app.title.demo" : "app.title", name));
        if (demo) {
            Path own = shopDatabase;
            window.showDemoBanner(context.text("demo.banner", name), context.text("demo.banner.leave"),
                    own == null ? null : () -> open(own));
        }
    }

    /** The open database is demo data: says so from now on (a switch to another database starts over). */
    private void markDemo(boolean isDemo) {
        if (isDemo && !demo) {
            demo = true;
            showWhetherDemo();
        }
    }

    /**
     * Takes over the claim on the open database: a second start on it brings this window forward.
     * The day's backup is {@link #startDailyWork}'s.
     */
    public void own(Startup.Ready opened) {
        this.ready = opened;
        opened.owner().onShowRequest(() -> Platform.runLater(() -> {
            stage.setIconified(false);
            stage.show();
            stage.toFront();
        }));
    }

    /**
     * The first start of the day backs the database up, then (with {@code growth}) expires the points
     * due and reviews the tiers — minutes of work on a million members, so it starts once the window
     * is on screen, one step after the other on a thread of its own: the screens' reads never queue
     * behind it. Members on screen refresh when tiers moved. With {@code growth}, the predictions' daily
     * refit follows on the same thread (and again when the date changes while the window stays open).
     */
    public void startDailyWork(boolean growth) {
        Startup.Ready opened = ready;
        AppContext openedApp = app;
        Platform.runLater(() -> housekeeping.execute(BackgroundTask.of(() -> {
            if (opened != null) {
                opened.dailyBackup();
            }
            if (openedApp != null) {
                openedApp.tags().refreshIfStale(); // an import killed before its end left them out of date
            }
            return growth ? dailyGrowth(openedApp) : java.util.Optional.<Object>empty();
        }).onSuccess(review -> {
            if (review.isPresent() && context != null && app == openedApp) {
                context.changes().manyChanged();
            }
        })));
        if (growth && openedApp != null) {
            Platform.runLater(() -> refitDaily(openedApp));
        }
    }

    /**
     * The predictions' daily refit, queued behind the day's other work on the housekeeping thread, and repeated
     * when the date changes while the window stays open (looked at every hour).
     */
    private void refitDaily(AppContext opened) {
        dailyRefitFor = opened;
        dailyRefit = new DailyRefit(opened.predictions(), housekeeping, refusal -> {
            if (context != null && app == opened) {
                context.changes().predictionsRefitted(refusal);
            }
        });
        dailyRefit.runIfDue();
        if (hourly == null) {
            hourly = new Timeline(new KeyFrame(Duration.hours(1), event -> {
                if (dailyRefit != null && dailyRefitFor == app) {
                    dailyRefit.runIfDue();
                }
            }));
            hourly.setCycleCount(Animation.INDEFINITE);
            hourly.play();
        }
    }

    /** Lets another window (or program) have the database; at exit or when switching files. */
    public void releaseDatabase() {
        if (ready != null) {
            ready.close();
            ready = null;
        }
    }

    public UiContext context() {
        return context;
    }

    /** The sign-in, switch staff and idle lock of this window. */
    public StaffGate staffGate() {
        return gate;
    }

    /** Runs {@code then} once someone is signed in (the first-run questions, the demo's filling act as them). */
    public void whenSignedIn(Runnable then) {
        gate.whenSignedIn(then);
    }

    @Override
    public void switchStaff() {
        gate.switchStaff();
    }

    public MainWindow window() {
        return window;
    }

    public void switchLanguage(Language chosen) {
        language = chosen;
        preferences.setLanguage(chosen.locale());
        String screen = window == null ? START_SCREEN : window.currentScreenId().orElse(START_SCREEN);
        // the language combo that asked for this is still handling its event: rebuild right after
        Platform.runLater(() -> show(screen));
    }

    /**
     * Asks the first-run questions when this database is new (never set up, holding nothing: see
     * {@link org.memberdesk.shop.ShopState#isNew}), and marks a demo database as such. Choosing the demo opens
     * a demo database of its own; the shop's file stays as it was, so the next start asks again.
     */
    public void firstRunIfNeeded() {
        AppContext opened = app;
        tasks.execute(BackgroundTask.of(() -> opened.shopProfile().state()).onSuccess(state -> {
            if (app != opened) {
                return;
            }
            markDemo(state.demo());
            if (!state.isNew()) {
                return;
            }
            FirstRunViewModel.FirstRunChoice choice =
                    new FirstRunDialog(stage, new FirstRunViewModel(language)).ask();
            if (choice.language() != language) {
                language = choice.language();
                preferences.setLanguage(language.locale());
                show(window.currentScreenId().orElse(START_SCREEN));
            }
            if (choice.withDemo()) {
                openDemo(choice.business(), choice.demoStores());
                return;
            }
            tasks.execute(BackgroundTask.of(() -> {
                opened.shopProfile().setBusiness(choice.business());
                return choice.business();
            }));
        }));
    }

    /**
     * "Try the demo": opens the demo database of that business and that many stores (a file of its own in the data
     * folder, never the shop's), fills it the first time, and marks the window as demo. The shop's database is
     * left as it was and stays the one a start opens; the banner's button goes back to it.
     */
    public void openDemo(Business business, int stores) {
        Path shop = app.databaseFile();
        Path file = DemoLoader.databaseIn(demoFolder, business, stores);
        tasks.execute(BackgroundTask.of(() -> Startup.open(file, clock, opensAs)).onSuccess(outcome -> {
            if (switchTo(outcome, file)) {
                shopDatabase = shop;
                whenSignedIn(() -> startDemo(business, stores, false));
            }
        }));
    }

    /**
     * For {@code --demo}: the open database is demo data. {@code onlyIfNew} (a file named by {@code --db}):
     * only a new database is filled and marked, a file in use opens as it is. {@code shop}: the shop's own
     * database, for the banner's way back.
     */
    public void demoOnStart(Business business, boolean onlyIfNew, Path shop) {
        shopDatabase = shop;
        startDemo(business, 1, onlyIfNew);
    }

    /** Marks the open database as demo data and fills it (with {@code stores} stores) when it holds nothing yet. */
    private void startDemo(Business business, int stores, boolean onlyIfNew) {
        AppContext opened = app;
        tasks.execute(BackgroundTask.of(() -> {
            ShopState state = opened.shopProfile().state();
            if (onlyIfNew && !state.isNew()) {
                // a file in use: opened as it is, said to be demo data only when it is
                return state.demo() ? Optional.of(new DemoStart(business, false)) : Optional.<DemoStart>empty();
            }
            if (!state.setUp()) {
                opened.shopProfile().setBusiness(business);
            }
            opened.shopProfile().markDemo();
            return Optional.of(new DemoStart(opened.shopProfile().business().orElse(business), !state.holdsData()));
        }).onSuccess(start -> {
            if (app != opened || start.isEmpty()) {
                return;
            }
            markDemo(true);
            if (start.get().fill()) {
                loadDemo(start.get().business(), FirstRunViewModel.DEMO_MEMBERS, stores);
            }
        }));
    }

    /** A demo database about to be shown: its business, and whether it still has to be filled. */
    private record DemoStart(Business business, boolean fill) {
    }

    /** The growth system's daily work: expire the points due today (idempotent), review the tiers once a day. */
    private static java.util.Optional<?> dailyGrowth(AppContext opened) {
        opened.points().expire(java.time.LocalDate.now(opened.clock()));
        return opened.tiers().reviewIfDue();
    }

    private void loadDemo(Business business, int members, int stores) {
        DemoLoader loader = app.demoLoader(clock);
        BackgroundTask<DemoLoader.Loaded> task = BackgroundTask.of((Progress progress) ->
                loader.load(business, members, stores, 1, progress, context.messages()))
                .words((done, total, rows) -> context.text("demo.progress"))
                .onSuccess(loaded -> {
                    // a chain's demo made its stores: the status bar names this computer's from now on
                    context.changes().storesChanged();
                    context.changes().manyChanged();
                });
        tasks.execute(task);
        dialogs.showProgress(context.text("demo.title"), task);
    }

    @Override
    public void newDatabase() {
        dialogs.chooseSaveFile(context.text("menu.file.new"), "memberdesk.db", context.text("file.db"), "*.db")
                .ifPresent(this::open);
    }

    @Override
    public void openDatabase() {
        dialogs.chooseOpenFile(context.text("menu.file.open"), context.text("file.db"), "*.db", "*.sqlite")
                .ifPresent(this::open);
    }

    @Override
    public void connectToServer() {
        new ServerConnectDialog(context.messages(), stage, preferences.lastServer().orElse("")).ask()
                .ifPresent(login -> openServer(login.location(), login.password(), login.remember()));
    }

    /** Connects to a server database in the background; the window switches to it when it is ready. */
    public void openServer(String location, String password, boolean remember) {
        String remembered = Startup.withoutPassword(location);
        tasks.execute(BackgroundTask.of(() -> Startup.openServer(location, password, remember, clock, opensAs))
                .onSuccess(outcome -> {
                    if (switchTo(outcome, remembered)) {
                        preferences.setLastServer(remembered);
                        whenSignedIn(this::firstRunIfNeeded);
                    }
                }));
    }

    /** Opens (or creates) a database in the background; the window switches to it when it is ready. */
    public void open(Path file) {
        tasks.execute(BackgroundTask.of(() -> Startup.open(file, clock, opensAs)).onSuccess(outcome -> {
            if (switchTo(outcome, file)) {
                preferences.setLastDatabase(file);
                whenSignedIn(this::firstRunIfNeeded);
            }
        }));
    }

    /** Switches the window to a database just opened; false when another window has it (brought forward). */
    private boolean switchTo(Startup.Outcome outcome, Object file) {
        if (outcome instanceof Startup.OpenElsewhere elsewhere) {
            if (!elsewhere.broughtForward()) {
                dialogs.showError(context.text("instance.inUse.title"), context.text("instance.inUse", file));
            }
            return false;
        }
        Startup.Ready opened = (Startup.Ready) outcome;
        releaseDatabase();
        own(opened);
        app = opened.context();
        demo = false;
        // another database is another shop (or a new one): its day starts on the counter too
        show(START_SCREEN);
        startDailyWork(true);
        return true;
    }

    @Override
    public void importMembers() {
        new TransferActions(context).importMembers();
    }

    @Override
    public void importPurchases() {
        new TransferActions(context).importPurchases();
    }

    @Override
    public void exportMembers() {
        new TransferActions(context).exportMembers();
    }

    @Override
    public void exportPurchases() {
        new TransferActions(context).exportPurchases();
    }

    @Override
    public void quit() {
        rememberPlacement();
        if (hourly != null) {
            hourly.stop();
        }
        tasks.shutdown();
        housekeeping.shutdown();
        Platform.exit();
    }

    public void rememberPlacement() {
        if (stage.isShowing()) {
            preferences.setPlacement(new UiPreferences.Placement(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), stage.isMaximized()));
        }
    }
}
