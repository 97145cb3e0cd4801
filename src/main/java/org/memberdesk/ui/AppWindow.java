package org.memberdesk.ui;

import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.memberdesk.AppContext;
import org.memberdesk.Startup;
import org.memberdesk.demo.Business;
import org.memberdesk.demo.DemoLoader;
import org.memberdesk.io.ImportProgress;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.FxDialogService;
import org.memberdesk.ui.common.FxTaskExecutor;
import org.memberdesk.ui.common.Language;
import org.memberdesk.ui.common.TaskProgress;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.firstrun.FirstRunDialog;
import org.memberdesk.ui.firstrun.FirstRunViewModel;
import org.memberdesk.ui.shell.MainWindow;
import org.memberdesk.ui.shell.ShellActions;
import org.memberdesk.ui.shell.UiPreferences;
import org.memberdesk.ui.transfer.TransferActions;

/**
 * The main window of one open database in one language. Switching either rebuilds the window's
 * content from the database (which is the truth), so nothing stored is ever lost by a switch.
 */
public final class AppWindow implements ShellActions {
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

    public AppWindow(Stage stage, UiPreferences preferences, AppContext app, Language language, Clock clock) {
        this.stage = stage;
        this.preferences = preferences;
        this.app = app;
        this.language = language;
        this.clock = clock;
        this.dialogs = new FxDialogService(() -> stage, () -> this.language.messages());
        this.tasks = new FxTaskExecutor(dialogs, 2);
        this.housekeeping = new FxTaskExecutor(dialogs, 1);
    }

    /** Builds the window's content and opens a screen. */
    public void show(String screenId) {
        context = new UiContext(app, language.messages(), tasks, dialogs, new DataChanges());
        window = new MainWindow(context, Screens.all(context, this::switchLanguage, id -> window.show(id)), this,
                () -> window.currentScreenId().ifPresent(preferences::setLastScreen));
        stage.getScene().setRoot(window.root());
        stage.setTitle(context.text("app.title", app.database().file().getFileName().toString()));
        window.show(screenId);
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
     * behind it. Members on screen refresh when tiers moved.
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

    public MainWindow window() {
        return window;
    }

    public void switchLanguage(Language chosen) {
        language = chosen;
        preferences.setLanguage(chosen.locale());
        String screen = window == null ? "members" : window.currentScreenId().orElse("members");
        // the language combo that asked for this is still handling its event: rebuild right after
        Platform.runLater(() -> show(screen));
    }

    /** Asks the first-run questions when this database has never been set up. */
    public void firstRunIfNeeded() {
        tasks.execute(BackgroundTask.of(() -> app.shopProfile().needsSetup()).onSuccess(needed -> {
            if (needed) {
                FirstRunViewModel.FirstRunChoice choice =
                        new FirstRunDialog(stage, new FirstRunViewModel(language)).ask();
                if (choice.language() != language) {
                    language = choice.language();
                    preferences.setLanguage(language.locale());
                    show(window.currentScreenId().orElse("members"));
                }
                tasks.execute(BackgroundTask.of(() -> {
                    app.shopProfile().setBusiness(choice.business());
                    return choice.business();
                }));
                if (choice.withDemo()) {
                    loadDemo(choice.business(), FirstRunViewModel.DEMO_MEMBERS);
                }
            }
        }));
    }

    /** The growth system's daily work: expire the points due today (idempotent), review the tiers once a day. */
    private static java.util.Optional<?> dailyGrowth(AppContext opened) {
        opened.points().expire(java.time.LocalDate.now(opened.clock()));
        return opened.tiers().reviewIfDue();
    }

    /** For {@code --demo}: an empty database gets demo members, and counts as set up. */
    public void demoIfEmpty() {
        tasks.execute(BackgroundTask.of(() -> {
            if (app.shopProfile().needsSetup()) {
                app.shopProfile().setBusiness(Business.SCENIC);
            }
            return app.members().count(org.memberdesk.members.MemberQuery.all().withArchived(true)) == 0;
        }).onSuccess(empty -> {
            if (empty) {
                loadDemo(app.shopProfile().business().orElse(Business.SCENIC), FirstRunViewModel.DEMO_MEMBERS);
            }
        }));
    }

    private void loadDemo(Business business, int members) {
        DemoLoader loader = new DemoLoader(app.memberImporter(), app.purchaseImporter(), clock);
        BackgroundTask<DemoLoader.Loaded> task = BackgroundTask.of((TaskProgress progress) ->
                loader.load(business, members, 1, new ImportProgress() {
                    @Override
                    public void progress(long done, long total, long rows) {
                        progress.update(done, total, context.text("demo.progress"));
                    }

                    @Override
                    public boolean cancelled() {
                        return progress.cancelled();
                    }
                }, context.messages()))
                .onSuccess(loaded -> context.changes().manyChanged());
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

    /** Opens (or creates) a database in the background; the window switches to it when it is ready. */
    public void open(Path file) {
        tasks.execute(BackgroundTask.of(() -> Startup.open(file, clock)).onSuccess(outcome -> {
            if (outcome instanceof Startup.OpenElsewhere elsewhere) {
                if (!elsewhere.broughtForward()) {
                    dialogs.showError(context.text("instance.inUse.title"), context.text("instance.inUse", file));
                }
                return;
            }
            Startup.Ready opened = (Startup.Ready) outcome;
            releaseDatabase();
            own(opened);
            app = opened.context();
            preferences.setLastDatabase(file);
            show(window == null ? "members" : window.currentScreenId().orElse("members"));
            firstRunIfNeeded();
            startDailyWork(true);
        }));
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
