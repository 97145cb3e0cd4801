package org.memberdesk.ui.transfer;

import java.nio.file.Path;
import javafx.stage.Window;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.UiContext;

/**
 * The File menu's import and export. Import opens the {@link ImportWizardDialog}; export picks a
 * file and runs in the background with a progress dialog and a cancel button.
 */
public final class TransferActions {
    private final UiContext context;

    public TransferActions(UiContext context) {
        this.context = context;
    }

    /** Opens the import wizard for members. */
    public void importMembers() {
        openWizard(ImportKind.MEMBERS);
    }

    /** Opens the import wizard for purchases. */
    public void importPurchases() {
        openWizard(ImportKind.PURCHASES);
    }

    private ImportWizardDialog openWizard(ImportKind kind) {
        ImportWizardModel model = new ImportWizardModel(importers(context), context.dialogs(), context.tasks(),
                context.messages(), new ImportRun(context, new DesktopReportOpener(context)), kind);
        ImportWizardDialog wizard = new ImportWizardDialog(mainWindow(), context, model);
        wizard.show();
        return wizard;
    }

    /** The wizard's importers, history and remembered mappings of the open database. */
    static Importers importers(UiContext context) {
        return new Importers(context.app().memberImporter(), context.app().purchaseImporter(),
                context.app().cardImporter(), context.app().importHistory(), context.app().importMappings(),
                context.app().stores()::isChain);
    }

    /**
     * The window the menu was used in. UiContext carries no window, and the wizard should be owned
     * like the other dialogs (centred on it, minimised with it).
     */
    private static Window mainWindow() {
        return Window.getWindows().stream().filter(Window::isFocused).findFirst()
                .or(() -> Window.getWindows().stream().filter(Window::isShowing).findFirst())
                .orElse(null);
    }

    public void exportMembers() {
        context.chooseOutputFile(context.text("export.members.title"), "members.csv",
                context.text("export.file.csvOrXlsx"), "*.csv", "*.xlsx").ifPresent(file -> runExport("export.members.title",
                progress -> context.app().exporter().exportMembers(file, progress), file));
    }

    public void exportPurchases() {
        context.chooseOutputFile(context.text("export.purchases.title"), "purchases.csv",
                context.text("export.file.csvOrXlsx"), "*.csv", "*.xlsx").ifPresent(file -> runExport("export.purchases.title",
                progress -> context.app().exporter().exportPurchases(file, progress), file));
    }

    private void runExport(String titleKey, BackgroundTask.Work<Long> work, Path file) {
        BackgroundTask<Long> task = BackgroundTask.of(work).words(ImportRun.rowsRead(context))
                .onSuccess(rows -> context.dialogs()
                        .showInfo(context.text(titleKey), context.text("export.summary", rows, file.toString())));
        context.tasks().execute(task);
        context.dialogs().showProgress(context.text(titleKey), task);
    }
}
