package org.memberdesk.ui.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.analytics.Period;
import org.memberdesk.analytics.report.DashboardPdf;
import org.memberdesk.stores.Store;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.SystemPrint;
import org.memberdesk.ui.common.UiContext;

/**
 * The one-page PDF report of the dashboard for a period (the engine's {@code DashboardPdf}), saved to
 * a file or sent to a printer through the system's print dialog. Offered by the Dashboard and the
 * Analytics screen; the PDF is written in the background.
 */
public final class PeriodReport {
    private final UiContext context;

    public PeriodReport(UiContext context) {
        this.context = context;
    }

    /** Writes the period's report to {@code file} in the background; then {@code written}. */
    public BackgroundTask<Path> save(Period period, Path file, java.util.function.Consumer<Path> written) {
        return save(period, Optional.empty(), file, written);
    }

    /** The same, of one store of a chain ({@code at} empty: the chain's), its name in the title. */
    public BackgroundTask<Path> save(Period period, Optional<Store> at, Path file,
                                     java.util.function.Consumer<Path> written) {
        return context.tasks().execute(BackgroundTask.of(() -> {
            context.app().dashboardPdf().write(period, at, context.messages(), file);
            return file;
        }).onSuccess(written));
    }

    /** Writes the report to a temporary file and opens the system's print dialog for it, in the background. */
    public BackgroundTask<Boolean> print(Period period, Optional<Store> at) {
        return context.tasks().execute(BackgroundTask.of(() -> {
            Path file = Files.createTempFile("memberdesk-report", ".pdf");
            try {
                context.app().dashboardPdf().write(period, at, context.messages(), file);
                return SystemPrint.print(file, DashboardPdf.title(at.map(store -> store.shownName(
                        context.messages())), context.messages()) + " " + period);
            } finally {
                Files.deleteIfExists(file);
            }
        }));
    }

    /** "Report (PDF)" with Save PDF… and Print…, for the period the screen shows (ids {@code idPrefix-save}, {@code -print}). */
    public MenuButton button(String idPrefix, Supplier<Optional<Period>> period) {
        return button(idPrefix, period, Optional::empty);
    }

    /**
     * The same, of the store the screen shows ({@code store} gives it when the button is pressed; empty: the chain's),
     * so the page has the figures on screen.
     */
    public MenuButton button(String idPrefix, Supplier<Optional<Period>> period, Supplier<Optional<Store>> store) {
        MenuItem save = new MenuItem(context.text("analytics.ui.reportSave"), new FontIcon(Feather.DOWNLOAD));
        save.setId(idPrefix + "-save");
        save.setOnAction(e -> period.get().ifPresent(chosen -> {
            Optional<Store> at = store.get();
            context.chooseOutputFile(context.text("analytics.ui.reportSave"), "report-" + chosen.from() + "-"
                            + chosen.to() + ".pdf", "PDF", "*.pdf")
                    .ifPresent(file -> save(chosen, at, file, written -> context.dialogs().showInfo(
                            context.text("analytics.ui.report"), context.text("analytics.ui.exported", written))));
        }));
        MenuItem print = new MenuItem(context.text("analytics.ui.reportPrint"), new FontIcon(Feather.PRINTER));
        print.setId(idPrefix + "-print");
        print.setOnAction(e -> period.get().ifPresent(chosen -> print(chosen, store.get())));
        MenuButton button = new MenuButton(context.text("analytics.ui.report"), new FontIcon(Feather.FILE_TEXT),
                save, print);
        button.setId(idPrefix);
        return button;
    }
}
