package org.memberdesk.ui.transfer;

import java.nio.file.Path;
import java.util.Optional;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.io.ImportProgress;
import org.memberdesk.io.ImportResult;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.TaskProgress;
import org.memberdesk.ui.common.UiContext;

/**
 * The File menu's import and export: pick a file, run in the background with a progress dialog
 * and a cancel button, end with a summary naming the rejected-rows report.
 */
public final class TransferActions {
    private final UiContext context;

    public TransferActions(UiContext context) {
        this.context = context;
    }

    public void importMembers() {
        chooseCsv("import.members.title").ifPresent(file -> runImport("import.members.title", progress ->
                context.app().memberImporter().importFile(file, ImportOptions.defaults(), bridge(progress),
                        context.messages())));
    }

    public void importPurchases() {
        chooseCsv("import.purchases.title").ifPresent(file -> runImport("import.purchases.title", progress ->
                context.app().purchaseImporter().importFile(file, ImportOptions.defaults().withReturns(true),
                        bridge(progress), context.messages())));
    }

    public void exportMembers() {
        context.dialogs().chooseSaveFile(context.text("export.members.title"), "members.csv",
                context.text("file.csv"), "*.csv").ifPresent(file -> runExport("export.members.title",
                progress -> context.app().exporter().exportMembers(file, bridge(progress)), file));
    }

    public void exportPurchases() {
        context.dialogs().chooseSaveFile(context.text("export.purchases.title"), "purchases.csv",
                context.text("file.csv"), "*.csv").ifPresent(file -> runExport("export.purchases.title",
                progress -> context.app().exporter().exportPurchases(file, bridge(progress)), file));
    }

    private Optional<Path> chooseCsv(String titleKey) {
        return context.dialogs().chooseOpenFile(context.text(titleKey), context.text("file.csv"), "*.csv", "*.txt");
    }

    private void runImport(String titleKey, BackgroundTask.Work<ImportResult> work) {
        BackgroundTask<ImportResult> task = BackgroundTask.of(work).onSuccess(result -> {
            context.changes().manyChanged();
            context.dialogs().showInfo(context.text(titleKey), summary(result));
        });
        context.tasks().execute(task);
        context.dialogs().showProgress(context.text(titleKey), task);
    }

    String summary(ImportResult result) {
        StringBuilder text = new StringBuilder(context.text(result.cancelled() ? "import.summary.cancelled"
                : "import.summary.done", result.imported(), result.duplicates(), result.rejected()));
        if (result.rejected() > 0 && result.report() != null) {
            text.append("\n\n").append(context.text("import.summary.report", result.report().toString()));
        }
        return text.toString();
    }

    private void runExport(String titleKey, BackgroundTask.Work<Long> work, Path file) {
        BackgroundTask<Long> task = BackgroundTask.of(work).onSuccess(rows -> context.dialogs()
                .showInfo(context.text(titleKey), context.text("export.summary", rows, file.toString())));
        context.tasks().execute(task);
        context.dialogs().showProgress(context.text(titleKey), task);
    }

    private ImportProgress bridge(TaskProgress progress) {
        return new ImportProgress() {
            @Override
            public void progress(long bytesRead, long bytesTotal, long rows) {
                progress.update(bytesRead, bytesTotal, context.text("import.progress.rows", rows));
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        };
    }
}
