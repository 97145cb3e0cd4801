package org.memberdesk.ui.staff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.event.Event;
import javafx.event.EventTarget;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.staff.Actor;
import org.memberdesk.staff.StaffSession;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.shell.MainWindow;

/**
 * A shop's staff sharing one computer: while nobody is signed in, the window is covered by the sign-in (the new
 * shop's owner first); who is signed in shows under the sidebar with "switch staff"; after the set minutes
 * without a key or a click the window locks ({@code StaffService.lock}: nobody acts) and wants a PIN again. What
 * the window offers follows whoever the session says acts ({@link MainWindow#allowFor}).
 *
 * <p>One per window, kept across rebuilds (another language, another database); {@link #attach} puts it over each
 * new content. Idle time is measured with event filters on the scene and a {@link PauseTransition}, all on the
 * JavaFX thread; the session may change on a worker thread (a PIN checked in the background) and is followed on
 * the JavaFX thread.
 */
public final class StaffGate {
    private final PauseTransition idle = new PauseTransition();
    private final List<Runnable> afterSignIn = new ArrayList<>();
    /** The sessions already followed: one listener each, whatever the number of rebuilds. */
    private final Set<StaffSession> followed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final StackPane layers = new StackPane();
    private final ListChangeListener<Window> dialogsOpened;
    private UiContext context;
    private MainWindow window;
    private SignInModel model;
    private SignInPane pane;
    private Label who;
    /** The name last signed in: chosen again on the sign-in after a lock. */
    private String lastName;
    /** Builds the window afresh (AppWindow.show): nothing one person left on screen is shown to the next. */
    private Runnable rebuild = () -> { };
    private Duration idleLock = Duration.INDEFINITE;

    public StaffGate(Scene scene) {
        idle.setOnFinished(event -> lockAfterIdle());
        listen(scene);
        // typing in a dialog (a return, a top-up) is use of the window too; held weakly by the app's list of
        // windows, so a closed window's gate (and its database) is not kept
        dialogsOpened = change -> {
            while (change.next()) {
                change.getAddedSubList().stream().filter(window -> window.getScene() != scene)
                        .forEach(this::listen);
            }
        };
        Window.getWindows().addListener(new WeakListChangeListener<>(dialogsOpened));
    }

    private void listen(EventTarget target) {
        EventHandler<Event> touched = event -> touched();
        if (target instanceof Scene scene) {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, touched);
            scene.addEventFilter(MouseEvent.MOUSE_PRESSED, touched);
            scene.addEventFilter(MouseEvent.MOUSE_MOVED, touched);
            scene.addEventFilter(ScrollEvent.SCROLL, touched);
        } else if (target instanceof Window window) {
            window.addEventFilter(KeyEvent.KEY_PRESSED, touched);
            window.addEventFilter(MouseEvent.MOUSE_PRESSED, touched);
            window.addEventFilter(MouseEvent.MOUSE_MOVED, touched);
            window.addEventFilter(ScrollEvent.SCROLL, touched);
        }
    }

    /**
     * Covers {@code shown} (the window's new content) when nobody is signed in, and follows its database's
     * session from now on. Returns what the scene shows.
     */
    public Parent attach(UiContext shownContext, MainWindow shown) {
        this.context = shownContext;
        this.window = shown;
        this.model = new SignInModel(shownContext.app().staff(), shownContext.tasks(), shownContext.messages());
        this.pane = new SignInPane(shownContext, model);
        window.showStaffBar(staffBar());
        shownContext.changes().onIdleLockSaved(minutes -> {
            if (context == shownContext) {
                lockAfterIdle(minutes == 0 ? Duration.INDEFINITE : Duration.minutes(minutes));
            }
        });
        layers.getChildren().setAll(window.root(), pane.root());
        StaffSession session = shownContext.app().session();
        if (followed.add(session)) {
            afterSignIn.clear(); // what waited for a PIN in the database shown before
            session.onChange(actor -> Platform.runLater(() -> {
                if (context != null && context.app().session() == session) {
                    follow(actor);
                }
            }));
        }
        follow(session.current());
        return layers;
    }

    /**
     * What rebuilds the window's screens when someone other than the last person signs in: a member the owner left
     * open with the phone revealed, a customer loaded at the counter, a half-typed form — none of it is the next
     * person's to see or to book a sale to. The same person after the idle lock gets their screen back as it was.
     */
    public void onSomeoneElse(Runnable rebuild) {
        this.rebuild = rebuild;
    }

    /** Runs {@code then} once someone is signed in: now when someone is, else after the next PIN accepted. */
    public void whenSignedIn(Runnable then) {
        if (context != null && !context.app().session().current().isNobody()) {
            then.run();
        } else {
            afterSignIn.add(then);
        }
    }

    /** 切换员工: the window locks at once and asks for the next person's PIN. */
    public void switchStaff() {
        lock();
    }

    /** Whether the sign-in covers the window. */
    public boolean locked() {
        return pane != null && pane.root().isVisible();
    }

    /** How long without input before the window locks ({@link Duration#INDEFINITE}: never). */
    public Duration idleLock() {
        return idleLock;
    }

    /**
     * Locks after {@code after} without input from now on (the setting, read at each sign-in, in minutes; tests
     * a second). {@link Duration#INDEFINITE} or zero: never.
     */
    public void lockAfterIdle(Duration after) {
        idleLock = after == null || after.lessThanOrEqualTo(Duration.ZERO) ? Duration.INDEFINITE : after;
        idle.stop();
        if (!idleLock.isIndefinite() && signedInByPin()) {
            idle.setDuration(idleLock);
            idle.playFromStart();
        }
    }

    private void touched() {
        if (idle.getStatus() == Animation.Status.RUNNING) {
            idle.playFromStart();
        }
    }

    private void lockAfterIdle() {
        if (signedInByPin()) {
            lock();
        }
    }

    private void lock() {
        if (context == null) {
            return;
        }
        context.app().staff().lock();
        follow(context.app().session().current());
    }

    /** The staff member acting signed in by PIN (not the command line's owner a test or a measurement runs as). */
    private boolean signedInByPin() {
        return context != null && context.app().session().current().staffId() != null;
    }

    /** Shows what {@code actor} may use, and the sign-in over it when it is nobody. */
    private void follow(Actor actor) {
        window.allowFor(actor);
        who.setText(actor.isNobody() ? "" : context.text("staff.current", actor.name(),
                context.text(actor.role().textKey())));
        if (actor.isNobody()) {
            idle.stop();
            if (!pane.root().isVisible()) {
                model.load(lastName);
            }
            pane.root().setVisible(true);
            pane.focus();
            return;
        }
        boolean resumed = false;
        if (actor.staffId() != null) {
            // a PIN accepted over the locked window (switch staff, the idle lock) from someone other than the last
            boolean someoneElse = pane.root().isVisible() && lastName != null && !lastName.equals(actor.name());
            resumed = pane.root().isVisible() && actor.name().equals(lastName);
            lastName = actor.name();
            if (someoneElse) {
                // the rebuilt window attaches here again and follows the same actor (the same name now: no loop)
                rebuild.run();
                return;
            }
        }
        pane.root().setVisible(false);
        if (resumed) {
            // the same person back after the lock: their screens read again what changed while the window was
            // locked (reads behind the sign-in are refused, FxTaskExecutor)
            context.changes().manyChanged();
        }
        readIdleLock();
        List<Runnable> waiting = List.copyOf(afterSignIn);
        afterSignIn.clear();
        waiting.forEach(Runnable::run);
    }

    /** The idle lock as the shop set it, read in the background. */
    private void readIdleLock() {
        if (!signedInByPin()) {
            lockAfterIdle(Duration.INDEFINITE);
            return;
        }
        UiContext reading = context;
        context.tasks().execute(BackgroundTask.of(() -> reading.app().staff().idleLockMinutes())
                .onSuccess(minutes -> {
                    if (context == reading) {
                        lockAfterIdle(minutes == 0 ? Duration.INDEFINITE : Duration.minutes(minutes));
                    }
                }));
    }

    /** Who is signed in (name · role) and the switch staff button, under the sidebar. */
    private Node staffBar() {
        who = new Label("", new FontIcon(Feather.USER));
        who.setId("staff-current");
        who.setWrapText(true);
        Button change = new Button(context.text("staff.switch"), new FontIcon(Feather.USERS));
        change.setId("staff-switch");
        change.setTooltip(new Tooltip(context.text("staff.switch.tip")));
        change.setMaxWidth(Double.MAX_VALUE);
        change.setOnAction(event -> switchStaff());
        VBox bar = new VBox(6, who, change);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("staff-bar");
        return bar;
    }
}
