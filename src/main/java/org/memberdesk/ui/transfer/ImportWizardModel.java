package org.memberdesk.ui.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.io.ImportHistory;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.io.ImportPreview;
import org.memberdesk.io.ImportResult;
import org.memberdesk.io.ImportResult.RejectedReason;
import org.memberdesk.io.ImportSource;
import org.memberdesk.io.TextEncoding;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * The import wizard's state and rules, without a screen: choose a file (a text file or a workbook's sheet), preview
 * it in an encoding, map its columns to our fields (remembered by the file's header, else guessed), check the first
 * rows as they will be stored, run the import in the background, and keep the summary with why rows were rejected.
 * Reading the preview, the check and the import all run through the context's task runner, never on the FX thread.
 */
public final class ImportWizardModel {
    /** The wizard's pages, in order. */
    public enum Step { CHOOSE, PREVIEW, MAP, CHECK, RUN, SUMMARY }

    /** Rows shown in the preview table. */
    public static final int PREVIEW_ROWS = 10;
    /** Rows checked and shown as they will be stored before the import starts. */
    public static final int CHECK_ROWS = 20;

    private final Importers importers;
    private final DialogService dialogs;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.CHOOSE);
    private final ObjectProperty<ImportKind> kind = new SimpleObjectProperty<>(ImportKind.MEMBERS);
    private final StringProperty file = new SimpleStringProperty("");
    private final ObjectProperty<TextEncoding> encoding = new SimpleObjectProperty<>(TextEncoding.AUTO);
    private final ObservableList<String> header = FXCollections.observableArrayList();
    // the read-only views are made once: each follows its list weakly, and one made per call lost the dialog's
    // listeners at the next GC (the preview showed rows without columns, now and then)
    private final ObservableList<String> shownHeader = FXCollections.unmodifiableObservableList(header);
    private final ObservableList<List<String>> previewRows = FXCollections.observableArrayList();
    private final ObservableList<List<String>> shownPreviewRows = FXCollections.unmodifiableObservableList(previewRows);
    /** A workbook's sheets (empty for a text file), and the one read. */
    private final ObservableList<String> sheets = FXCollections.observableArrayList();
    private final ObservableList<String> shownSheets = FXCollections.unmodifiableObservableList(sheets);
    private final ObjectProperty<String> sheet = new SimpleObjectProperty<>();
    private final ColumnChoices mapping = new ColumnChoices();
    /** The mapping chosen the last time a file with this header was imported as this kind (empty: none). */
    private Map<String, String> remembered = Map.of();
    private ImportKind rememberedKind;
    private final ReadOnlyBooleanWrapper mappingRemembered = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ImportPreview> check = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> fields = FXCollections.observableArrayList();
    private final ObservableList<String> shownFields = FXCollections.unmodifiableObservableList(fields);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty allowReturns = new SimpleBooleanProperty(true);
    private final BooleanProperty createMembers = new SimpleBooleanProperty(false);
    /** What became of the last import of the chosen file, if it was imported before (empty: never). */
    private final ReadOnlyStringWrapper earlierImport = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper mappingRevision = new ReadOnlyIntegerWrapper();
    private final BooleanBinding canGoNext;
    private final ImportRun run;
    private int batchSize = ImportOptions.DEFAULT_BATCH;

    /** {@code run}: the import itself, once the person starts it (its progress, cancel, summary and report). */
    public ImportWizardModel(Importers importers, DialogService dialogs, TaskExecutor tasks, Messages messages,
                             ImportRun run, ImportKind initialKind) {
        this.importers = importers;
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.messages = messages;
        this.run = run;
        kind.set(initialKind);
        file.addListener((obs, old, now) -> {
            sheet.set(null); // another file: its own first sheet
            validate();
        });
        kind.addListener((obs, old, now) -> {
            resetMapping();
            validate();
        });
        encoding.addListener((obs, old, now) -> readAgain());
        sheet.addListener((obs, old, now) -> {
            if (now != null && old != null) {
                readAgain();
            }
        });
        step.addListener((obs, old, now) -> validate());
        canGoNext = Bindings.createBooleanBinding(() -> !busy.get() && problem.get().isEmpty()
                && step.get().ordinal() <= Step.CHECK.ordinal(), busy, problem, step);
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
            case MAP -> loadCheck();
            case CHECK -> start();
            default -> { }
        }
    }

    public void back() {
        switch (step.get()) {
            case PREVIEW -> step.set(Step.CHOOSE);
            case MAP -> step.set(Step.PREVIEW);
            case CHECK -> step.set(Step.MAP);
            default -> { }
        }
    }

    public boolean canGoBack() {
        return step.get() == Step.PREVIEW || step.get() == Step.MAP || step.get() == Step.CHECK;
    }

    /** Asks the file chooser (text files and workbooks); the typed path is kept when the person cancels it. */
    public void chooseFile() {
        dialogs.chooseOpenFile(messages.get(kind.get().titleKey()), messages.get("wizard.file.types"),
                "*.csv", "*.txt", "*.xlsx", "*.xls").ifPresent(path -> file.set(path.toString()));
    }

    // --- preview ---

    private record Preview(List<String> sheets, String sheet, List<String> header, List<List<String>> rows,
                           Optional<ImportHistory.Run> lastRun, Map<String, String> remembered, boolean chain) {
    }

    /** Whether the shop is a chain, as read with the file's preview: only then is a store column mapped. */
    private boolean chain;

    /** Another encoding or sheet: the preview (and the mapping, when the header changes) is read again. */
    private void readAgain() {
        if (step.get() == Step.PREVIEW || step.get() == Step.MAP) {
            loadPreview(() -> { });
        }
    }

    private void loadPreview(Runnable then) {
        Optional<Path> path = path();
        if (path.isEmpty()) {
            return;
        }
        TextEncoding chosen = encoding.get();
        String wantedSheet = sheet.get();
        ImportKind importKind = kind.get();
        busy.set(true);
        tasks.execute(BackgroundTask.of(() -> {
            List<String> names = ImportSource.sheetNames(path.get());
            // a workbook opens on its first sheet; a text file has none
            String reading = names.isEmpty() ? null : names.contains(wantedSheet) ? wantedSheet : names.get(0);
            try (ImportSource source = ImportSource.open(path.get(), chosen, reading)) {
                List<String> fileHeader = source.header();
                return new Preview(names, reading, fileHeader, source.preview(PREVIEW_ROWS),
                        importers.history().lastRun(importKind.code(), path.get()),
                        importers.mappings().remembered(importKind.code(), fileHeader),
                        importers.chain().getAsBoolean());
            }
        }).onSuccess(preview -> {
            sheets.setAll(preview.sheets());
            sheet.set(preview.sheet());
            earlierImport.set(preview.lastRun().map(run -> run.finished()
                    ? messages.get("wizard.earlier.finished", run.startedAt())
                    : messages.get("wizard.earlier.interrupted", run.startedAt(), run.imported())).orElse(""));
            boolean sameHeader = preview.header().equals(header) && importKind == rememberedKind
                    && preview.chain() == chain;
            chain = preview.chain();
            header.setAll(preview.header());
            previewRows.setAll(preview.rows());
            remembered = preview.remembered();
            rememberedKind = importKind;
            if (!sameHeader) {
                resetMapping();
            }
            validate();
            then.run();
        }).onFailure(error -> {
            header.clear();
            previewRows.clear();
            sheets.clear();
            step.set(Step.CHOOSE);
            problem.set(messages.get("wizard.problem.unreadable", ErrorText.describe(error, messages)));
        }).onFinished(() -> busy.set(false)));
    }

    /**
     * The mapping pre-filled from the header: as the person chose it the last time a file with this header was
     * imported, else guessed from standard, Chinese and English names.
     */
    private void resetMapping() {
        mappingRemembered.set(mapping.reset(kind.get(), header,
                kind.get() == rememberedKind ? remembered : Map.of(), this::validate, chain));
        fields.setAll(kind.get().fieldNames(chain));
        mappingRevision.set(mappingRevision.get() + 1);
    }

    // --- check: the first rows as they will be stored ---

    /** Reads the first rows through the import's own checks, in the background; nothing is written. */
    private void loadCheck() {
        Path path = path().orElseThrow();
        ImportOptions options = options();
        ImportKind checking = kind.get();
        busy.set(true);
        tasks.execute(BackgroundTask.of(() -> switch (checking) {
            case MEMBERS -> importers.members().preview(path, options, CHECK_ROWS, messages);
            case PURCHASES -> importers.purchases().preview(path, options, CHECK_ROWS, messages);
            case CARDS -> importers.cards().preview(path, options, CHECK_ROWS, messages);
        }).onSuccess(preview -> {
            check.set(preview);
            step.set(Step.CHECK);
        }).onFailure(error -> problem.set(messages.get("wizard.problem.unreadable",
                ErrorText.describe(error, messages))))
                .onFinished(() -> busy.set(false)));
    }

    // --- validity ---

    private void validate() {
        problem.set(switch (step.get()) {
            case CHOOSE -> fileProblem();
            case PREVIEW -> header.isEmpty() ? messages.get("wizard.problem.empty") : "";
            case MAP -> mappingProblem();
            case CHECK -> check.get() == null || check.get().rows().isEmpty() ? messages.get("wizard.problem.empty") : "";
            default -> "";
        });
    }

    private String fileProblem() {
        String text = file.get().strip();
        if (text.isEmpty()) {
            return messages.get("wizard.problem.noFile");
        }
        Optional<Path> path = path();
        if (path.isEmpty() || !Files.isRegularFile(path.get())) {
            return messages.get("wizard.problem.notFound", text);
        }
        return "";
    }

    /** The first reason the mapping cannot be imported, or "" when it can. */
    String mappingProblem() {
        return mapping.problem(kind.get(), this::fieldLabel, messages::get);
    }

    public String fieldLabel(String field) {
        return messages.get("wizard.field." + field);
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
        return mapping.mapped();
    }

    /**
     * What the importer is told: the mapped fields, and every field set to "not in the file" as a blank
     * name, so a column that happens to carry that field's standard name is not read after all.
     */
    private Map<String, String> importColumns() {
        return mapping.all();
    }

    public ImportOptions options() {
        ImportOptions options = ImportOptions.defaults().withEncoding(encoding.get()).withColumns(importColumns())
                .withBatchSize(batchSize).withSheet(sheet.get());
        return kind.get() == ImportKind.PURCHASES
                ? options.withReturns(allowReturns.get()).withCreateMembers(createMembers.get())
                : options;
    }

    private void start() {
        step.set(Step.RUN);
        run.start(kind.get(), path().orElseThrow(), options(), List.copyOf(header), importColumns(),
                shown -> step.set(shown ? Step.SUMMARY : Step.CHECK));
    }

    /** The summary of a finished (or stopped) import, with why its rows were rejected, most frequent first. */
    void finish(ImportResult done) {
        step.set(run.finish(done) ? Step.SUMMARY : Step.CHECK);
    }

    /** Stops the running import after rolling back the batch it is in. */
    public void cancel() {
        run.cancel();
    }

    public boolean isRunning() {
        return run.isRunning();
    }

    public boolean hasReport() {
        return run.hasReport();
    }

    public void openReport() {
        run.openReport();
    }

    /** Smaller batches for tests that cancel mid-way. */
    void batchSize(int size) {
        this.batchSize = size;
    }

    // --- properties ---

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
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
        return shownHeader;
    }

    public ObservableList<List<String>> previewRows() {
        return shownPreviewRows;
    }

    /** The fields of the current kind, in the importer's order. */
    public ObservableList<String> fields() {
        return shownFields;
    }

    /** The column chosen for a field; null means "not in the file". */
    public ObjectProperty<String> column(String field) {
        return mapping.column(field, kind.get());
    }

    /** Whether the mapping was pre-filled as the person chose it for a file with the same header before. */
    public ReadOnlyBooleanProperty mappingRememberedProperty() {
        return mappingRemembered.getReadOnlyProperty();
    }

    /** A workbook's sheets, in order; empty for a text file. */
    public ObservableList<String> sheets() {
        return shownSheets;
    }

    /** The sheet read (a workbook's first unless chosen); null for a text file. */
    public ObjectProperty<String> sheetProperty() {
        return sheet;
    }

    /** The first rows as they will be stored, or why each would be rejected (the check step). */
    public ReadOnlyObjectProperty<ImportPreview> checkProperty() {
        return check.getReadOnlyProperty();
    }

    /** Changes whenever the mapping is pre-filled afresh (another kind, file or encoding). */
    public ReadOnlyIntegerProperty mappingRevisionProperty() {
        return mappingRevision.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty earlierImportProperty() {
        return earlierImport.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanProperty allowReturnsProperty() {
        return allowReturns;
    }

    public BooleanProperty createMembersProperty() {
        return createMembers;
    }

    public DoubleProperty progressProperty() {
        return run.progressProperty();
    }

    public StringProperty progressTextProperty() {
        return run.progressTextProperty();
    }

    public BooleanProperty cancelRequestedProperty() {
        return run.cancelRequestedProperty();
    }

    /** Why rows of the last run were rejected: each reason, how many rows, the first of their lines. */
    public ObservableList<RejectedReason> rejectedReasons() {
        return run.rejectedReasons();
    }

    public ObjectProperty<ImportResult> resultProperty() {
        return run.resultProperty();
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
