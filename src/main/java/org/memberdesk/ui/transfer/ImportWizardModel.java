package org.memberdesk.ui.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.io.CsvSource;
import org.memberdesk.io.ImportSource;
import org.memberdesk.io.FieldColumns;
import org.memberdesk.io.ImportHistory;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.io.ImportProgress;
import org.memberdesk.io.ImportResult;
import org.memberdesk.io.TextEncoding;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.TaskProgress;
import org.memberdesk.ui.common.UiContext;

/**
 * The import wizard's state and rules, without a screen: choose a file, preview it in an encoding,
 * map its columns to our fields, run the import in the background, and keep the summary.
 * Reading the preview and the import both run through the context's task runner, never on the FX thread.
 */
public final class ImportWizardModel {
    /** The wizard's pages, in order. */
    public enum Step { CHOOSE, PREVIEW, MAP, RUN, SUMMARY }

    /** Rows shown in the preview table. */
    public static final int PREVIEW_ROWS = 10;
    /** Reasons from the rejected-rows report shown in the summary. */
    static final int FIRST_REJECTIONS = 3;

    private final UiContext context;
    private final ReportOpener reportOpener;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.CHOOSE);
    private final ObjectProperty<ImportKind> kind = new SimpleObjectProperty<>(ImportKind.MEMBERS);
    private final StringProperty file = new SimpleStringProperty("");
    private final ObjectProperty<TextEncoding> encoding = new SimpleObjectProperty<>(TextEncoding.AUTO);
    private final ObservableList<String> header = FXCollections.observableArrayList();
    private final ObservableList<List<String>> previewRows = FXCollections.observableArrayList();
    private final Map<String, ObjectProperty<String>> mapping = new LinkedHashMap<>();
    private final ObservableList<String> fields = FXCollections.observableArrayList();
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty allowReturns = new SimpleBooleanProperty(true);
    private final BooleanProperty createMembers = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final ObjectProperty<ImportResult> result = new SimpleObjectProperty<>();
    /** What became of the last import of the chosen file, if it was imported before (empty: never). */
    private final StringProperty earlierImport = new SimpleStringProperty("");
    private final BooleanProperty cancelRequested = new SimpleBooleanProperty(false);
    private final ObservableList<String> firstRejections = FXCollections.observableArrayList();
    private final IntegerProperty mappingRevision = new SimpleIntegerProperty();
    private final BooleanBinding canGoNext;
    private BackgroundTask<ImportResult> running;
    private int batchSize = ImportOptions.DEFAULT_BATCH;

    public ImportWizardModel(UiContext context, ImportKind initialKind, ReportOpener reportOpener) {
        this.context = context;
        this.reportOpener = reportOpener;
        kind.set(initialKind);
        file.addListener((obs, old, now) -> validate());
        kind.addListener((obs, old, now) -> {
            resetMapping();
            validate();
        });
        encoding.addListener((obs, old, now) -> {
            if (step.get() == Step.PREVIEW || step.get() == Step.MAP) {
                loadPreview(() -> { });
            }
        });
        step.addListener((obs, old, now) -> validate());
        canGoNext = Bindings.createBooleanBinding(() -> !busy.get() && problem.get().isEmpty()
                && (step.get() == Step.CHOOSE || step.get() == Step.PREVIEW || step.get() == Step.MAP),
                busy, problem, step);
        resetMapping();
        validate();
    }

    // --- navigation ---

    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        switch (step.get()) {
            case CHOOSE -> loadPreview(() -> step.set(Step.PREVIEW));
            case PREVIEW -> step.set(Step.MAP);
            case MAP -> start();
            default -> { }
        }
    }

    public void back() {
        switch (step.get()) {
            case PREVIEW -> step.set(Step.CHOOSE);
            case MAP -> step.set(Step.PREVIEW);
            default -> { }
        }
    }

    public boolean canGoBack() {
        return step.get() == Step.PREVIEW || step.get() == Step.MAP;
    }

    /** Asks the file chooser; the typed path is kept when the person cancels it. */
    public void chooseFile() {
        context.dialogs().chooseOpenFile(context.text(kind.get().titleKey()), context.text("file.csv"),
                "*.csv", "*.txt").ifPresent(path -> file.set(path.toString()));
    }

    // --- preview ---

    private record Preview(List<String> header, List<List<String>> rows, Optional<ImportHistory.Run> lastRun) {
    }

    private void loadPreview(Runnable then) {
        Optional<Path> path = path();
        if (path.isEmpty()) {
            return;
        }
        TextEncoding chosen = encoding.get();
        String importKind = kind.get() == ImportKind.MEMBERS ? "members" : "purchases";
        busy.set(true);
        context.tasks().execute(BackgroundTask.of(() -> {
            try (ImportSource source = ImportSource.open(path.get(), chosen)) {
                return new Preview(source.header(), source.preview(PREVIEW_ROWS),
                        context.app().importHistory().lastRun(importKind, path.get()));
            }
        }).onSuccess(preview -> {
            earlierImport.set(preview.lastRun().map(run -> run.finished()
                    ? context.text("wizard.earlier.finished", run.startedAt())
                    : context.text("wizard.earlier.interrupted", run.startedAt(), run.imported())).orElse(""));
            boolean sameHeader = preview.header().equals(header);
            header.setAll(preview.header());
            previewRows.setAll(preview.rows());
            if (!sameHeader) {
                resetMapping();
            }
            validate();
            then.run();
        }).onFailure(error -> {
            header.clear();
            previewRows.clear();
            step.set(Step.CHOOSE);
            problem.set(context.text("wizard.problem.unreadable", ErrorText.describe(error, context.messages())));
        }).onFinished(() -> busy.set(false)));
    }

    /** The mapping pre-filled from the header: standard names and the names Chinese shop systems use. */
    private void resetMapping() {
        Map<String, String> found = header.isEmpty() ? Map.of()
                : FieldColumns.resolve(header, kind.get().fields(), Map.of()).asNames();
        mapping.clear();
        for (String field : kind.get().fieldNames()) {
            ObjectProperty<String> column = new SimpleObjectProperty<>(found.get(field));
            column.addListener((obs, old, now) -> validate());
            mapping.put(field, column);
        }
        fields.setAll(kind.get().fieldNames());
        mappingRevision.set(mappingRevision.get() + 1);
    }

    // --- validity ---

    private void validate() {
        problem.set(switch (step.get()) {
            case CHOOSE -> fileProblem();
            case PREVIEW -> header.isEmpty() ? context.text("wizard.problem.empty") : "";
            case MAP -> mappingProblem();
            default -> "";
        });
    }

    private String fileProblem() {
        String text = file.get().strip();
        if (text.isEmpty()) {
            return context.text("wizard.problem.noFile");
        }
        Optional<Path> path = path();
        if (path.isEmpty() || !Files.isRegularFile(path.get())) {
            return context.text("wizard.problem.notFound", text);
        }
        return "";
    }

    /** The first reason the mapping cannot be imported, or "" when it can. */
    String mappingProblem() {
        for (String field : kind.get().required()) {
            if (column(field).get() == null) {
                return context.text("wizard.problem.required", fieldLabel(field));
            }
        }
        if (kind.get().needsMemberColumn() && column("member_no").get() == null && column("phone").get() == null) {
            return context.text("wizard.problem.member");
        }
        Map<String, String> fieldByColumn = new HashMap<>();
        for (Map.Entry<String, ObjectProperty<String>> entry : mapping.entrySet()) {
            String chosen = entry.getValue().get();
            if (chosen == null) {
                continue;
            }
            String other = fieldByColumn.putIfAbsent(chosen, entry.getKey());
            if (other != null) {
                return context.text("wizard.problem.twice", chosen, fieldLabel(other), fieldLabel(entry.getKey()));
            }
        }
        return "";
    }

    public String fieldLabel(String field) {
        return context.text("wizard.field." + field);
    }

    private Optional<Path> path() {
        try {
            String text = file.get().strip();
            // a path pasted from Explorer's "copy as path" comes in quotes
            if (text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")) {
                text = text.substring(1, text.length() - 1);
            }
            return text.isEmpty() ? Optional.empty() : Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    // --- running ---

    /** Field → the file's column, for the fields the person mapped. */
    public Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        mapping.forEach((field, column) -> {
            if (column.get() != null) {
                columns.put(field, column.get());
            }
        });
        return columns;
    }

    /**
     * What the importer is told: the mapped fields, and every field set to "not in the file" as a blank
     * name, so a column that happens to carry that field's standard name is not read after all.
     */
    private Map<String, String> importColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        mapping.forEach((field, column) -> columns.put(field, column.get() == null ? "" : column.get()));
        return columns;
    }

    public ImportOptions options() {
        ImportOptions options = ImportOptions.defaults().withEncoding(encoding.get()).withColumns(importColumns())
                .withBatchSize(batchSize);
        return kind.get() == ImportKind.PURCHASES
                ? options.withReturns(allowReturns.get()).withCreateMembers(createMembers.get())
                : options;
    }

    private void start() {
        Path path = path().orElseThrow();
        ImportOptions options = options();
        ImportKind importing = kind.get();
        AtomicReference<ImportResult> finished = new AtomicReference<>();
        AtomicReference<List<String>> rejections = new AtomicReference<>(List.of());
        result.set(null);
        firstRejections.clear();
        cancelRequested.set(false);
        progress.set(-1);
        progressText.set(context.text("wizard.run.starting"));
        step.set(Step.RUN);
        BackgroundTask<ImportResult> task = BackgroundTask.of((TaskProgress taskProgress) -> {
            ImportProgress bridge = bridge(taskProgress);
            ImportResult done = importing == ImportKind.MEMBERS
                    ? context.app().memberImporter().importFile(path, options, bridge, context.messages())
                    : context.app().purchaseImporter().importFile(path, options, bridge, context.messages());
            rejections.set(firstRejections(done));
            finished.set(done);
            return done;
        });
        task.progressProperty().addListener((obs, old, now) -> progress.set(now.doubleValue()));
        task.messageProperty().addListener((obs, old, now) -> progressText.set(now));
        task.onSuccess(done -> finish(done, rejections.get()))
                // the importer returns its counts even when cancelled; the executor reports a cancel without them
                .onCancelled(() -> finish(finished.get(), rejections.get()))
                .onFailure(error -> {
                    step.set(Step.MAP);
                    context.dialogs().showError(error);
                })
                .onFinished(() -> running = null);
        running = task;
        context.tasks().execute(task);
    }

    /** The report's first few reasons, so the summary says what went wrong without opening it. */
    private List<String> firstRejections(ImportResult done) {
        if (done.rejected() == 0 || done.report() == null || !Files.isRegularFile(done.report())) {
            return List.of();
        }
        List<String> reasons = new java.util.ArrayList<>();
        try (CsvSource report = new CsvSource(done.report(), TextEncoding.UTF8)) {
            for (List<String> row : report.preview(FIRST_REJECTIONS)) {
                if (row.size() >= 3) {
                    reasons.add(context.text("wizard.summary.rejection", row.get(0), row.get(2)));
                }
            }
        } catch (IOException e) {
            return List.of(); // the link still opens the report itself
        }
        return reasons;
    }

    private void finish(ImportResult done, List<String> reasons) {
        if (done == null) {
            step.set(Step.MAP);
            return;
        }
        firstRejections.setAll(reasons);
        result.set(done);
        if (done.imported() > 0) {
            context.changes().manyChanged();
        }
        step.set(Step.SUMMARY);
    }

    private ImportProgress bridge(TaskProgress taskProgress) {
        return new ImportProgress() {
            @Override
            public void progress(long bytesRead, long bytesTotal, long rows) {
                taskProgress.update(bytesRead, bytesTotal, context.text("wizard.run.rows", rows));
            }

            @Override
            public boolean cancelled() {
                return taskProgress.cancelled();
            }
        };
    }

    /** Stops the running import after rolling back the batch it is in. */
    public void cancel() {
        if (running != null) {
            cancelRequested.set(true);
            progressText.set(context.text("task.cancelling"));
            running.cancel();
        }
    }

    public boolean isRunning() {
        return running != null;
    }

    public boolean hasReport() {
        ImportResult done = result.get();
        return done != null && done.rejected() > 0 && done.report() != null;
    }

    public void openReport() {
        if (hasReport()) {
            reportOpener.open(result.get().report());
        }
    }

    /** Smaller batches for tests that cancel mid-way. */
    void batchSize(int size) {
        this.batchSize = size;
    }

    // --- properties ---

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public ObjectProperty<ImportKind> kindProperty() {
        return kind;
    }

    public StringProperty fileProperty() {
        return file;
    }

    public ObjectProperty<TextEncoding> encodingProperty() {
        return encoding;
    }

    public ObservableList<String> header() {
        return header;
    }

    public ObservableList<List<String>> previewRows() {
        return previewRows;
    }

    /** The fields of the current kind, in the importer's order. */
    public ObservableList<String> fields() {
        return fields;
    }

    /** The column chosen for a field; null means "not in the file". */
    public ObjectProperty<String> column(String field) {
        ObjectProperty<String> column = mapping.get(field);
        if (column == null) {
            throw new IllegalArgumentException("no field " + field + " for " + kind.get());
        }
        return column;
    }

    /** Changes whenever the mapping is pre-filled afresh (another kind, file or encoding). */
    public IntegerProperty mappingRevisionProperty() {
        return mappingRevision;
    }

    public StringProperty earlierImportProperty() {
        return earlierImport;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty allowReturnsProperty() {
        return allowReturns;
    }

    public BooleanProperty createMembersProperty() {
        return createMembers;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public BooleanProperty cancelRequestedProperty() {
        return cancelRequested;
    }

    /** "Line 3: …" for the first rejected rows of the last run. */
    public ObservableList<String> firstRejections() {
        return firstRejections;
    }

    public ObjectProperty<ImportResult> resultProperty() {
        return result;
    }

    /** The file's size in bytes, for the preview's caption; -1 when unknown. */
    public long fileSize() {
        try {
            return path().isPresent() ? Files.size(path().get()) : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
