package org.memberdesk.ui.tags;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.common.Progress;
import org.memberdesk.predictions.PredictionRefused;
import org.memberdesk.predictions.Predictions;
import org.memberdesk.tags.Field;
import org.memberdesk.tags.Operator;
import org.memberdesk.tags.Rule;
import org.memberdesk.tags.RuleException;
import org.memberdesk.tags.RuleService;
import org.memberdesk.common.Messages;
import org.memberdesk.staff.StaffSession;
import org.memberdesk.tags.TagService;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * The Tags &amp; Segments screen's state: the rule as text and as builder rows (kept in step both ways),
 * the live count and preview (computed in the background; typing on cancels the running count), and
 * saving the segment as a tag or a CSV.
 */
public final class SegmentsViewModel {
    static final int PREVIEW_ROWS = 100;

    /**
     * The playbooks' starting points; "top 20%", "birthday this month" and "valuable but slipping" are filled in
     * when chosen. The last two read the prediction model (issue 20).
     */
    public enum Template {
        NEW_MEMBERS, IMPORTANT_LAPSING, SLEEPING, TOP_SPENDERS, BIRTHDAY_MONTH, BOUGHT_ITEM, VALUABLE_SLIPPING,
        ABOUT_TO_LAPSE
    }

    /** "Valuable" in the valuable-but-slipping template: the predicted value the top 20% of repeat buyers reach. */
    static final int VALUABLE_TOP_PERCENT = 20;

    /**
     * About to lapse: repeat buyers the model is unsure about (P(alive) between 0.3 and 0.7: below 0.3 they are
     * the win-back list's, above 0.7 most are still coming) who are not expected to come back on their own within
     * the next 90 days (fewer than one expected purchase). One-time buyers have P(alive) = 1 by the model's
     * construction, so the range already leaves them out; {@code purchases >= 2} says "repeat buyers" in the text
     * the owner reads. It counts receipts, not the model's transaction days (two receipts on one day are one
     * transaction day), but it is the closest rule field.
     */
    static final String ABOUT_TO_LAPSE =
            "p_alive between 0.3 and 0.7 and expected_purchases_90d < 1 and purchases >= 2";

    private record Result(long count, List<RuleService.MatchedMember> preview) {
    }

    private final RuleService rules;
    private final TagService tags;
    private final Predictions predictions;
    private final StaffSession session;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final DataChanges changes;
    private final StringProperty ruleText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObjectProperty<LocalDate> asOf;
    private final BooleanProperty anyOf = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper builderUsable = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper counting = new ReadOnlyBooleanWrapper(false);
    private final StringProperty tagName = new SimpleStringProperty("");
    private final ObservableList<ConditionRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ConditionRow> rowsShown = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<RuleService.MatchedMember> preview = FXCollections.observableArrayList();
    private final ObservableList<RuleService.MatchedMember> previewShown =
            FXCollections.unmodifiableObservableList(preview);
    private boolean syncing;
    private Progress running = new Progress();
    private BackgroundTask<Result> task;

    public SegmentsViewModel(RuleService rules, TagService tags, Predictions predictions, StaffSession session,
                             TaskExecutor tasks, DialogService dialogs, Messages messages, DataChanges changes) {
        this.rules = rules;
        this.tags = tags;
        this.predictions = predictions;
        this.session = session;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.changes = changes;
        this.asOf = new SimpleObjectProperty<>(rules.today());
        ruleText.addListener((obs, old, text) -> textChanged(text));
        anyOf.addListener((obs, old, any) -> builderChanged());
        asOf.addListener((obs, old, date) -> textChanged(ruleText.get()));
    }

    /** Input: the rule as typed (the builder's rows write it too). */
    public StringProperty ruleTextProperty() {
        return ruleText;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Input: the date the rule is evaluated at. */
    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    /** Input. False: the rows are joined by "and"; true: by "or". */
    public BooleanProperty anyOfProperty() {
        return anyOf;
    }

    /** False when the text has groups inside groups, which only the text can show. */
    public ReadOnlyBooleanProperty builderUsableProperty() {
        return builderUsable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty countingProperty() {
        return counting.getReadOnlyProperty();
    }

    /** Input: the name to save the rule under, or of the manual tag to put on the members. */
    public StringProperty tagNameProperty() {
        return tagName;
    }

    /** The builder's rows (each row's cells are inputs); {@link #addRow} and {@link #removeRow} change the list. */
    public ObservableList<ConditionRow> rows() {
        return rowsShown;
    }

    public ObservableList<RuleService.MatchedMember> preview() {
        return previewShown;
    }

    /** A previewed member's phone as the person at the computer may see it: in full for the owner, else masked. */
    public String phoneShown(RuleService.MatchedMember member) {
        return session.phone(member.phone());
    }

    /** A new builder row, "purchases >= 1" until changed. */
    public ConditionRow addRow() {
        ConditionRow row = new ConditionRow();
        row.set(false, Field.PURCHASES, Operator.GE, "1", "");
        watch(row);
        rows.add(row);
        builderChanged();
        return row;
    }

    public void removeRow(ConditionRow row) {
        rows.remove(row);
        builderChanged();
    }

    public void useTemplate(Template template) {
        LocalDate date = asOf.get();
        switch (template) {
            case NEW_MEMBERS -> ruleText.set("days_since_join <= 30");
            case IMPORTANT_LAPSING -> ruleText.set(
                    "purchases >= 3 and total_spent >= 500 and days_since_last_purchase between 30 and 60");
            case SLEEPING -> ruleText.set("days_since_last_purchase >= 90");
            case BIRTHDAY_MONTH -> ruleText.set("birthday_month = " + date.getMonthValue());
            case BOUGHT_ITEM -> ruleText.set("bought = \"" + messages.get("segments.template.item") + "\"");
            case TOP_SPENDERS -> tasks.execute(BackgroundTask.of(() -> rules
                    .topSpendCents(date, 20)).onSuccess(cents -> ruleText.set("total_spent >= "
                    + RuleNode.cents(cents))));
            case VALUABLE_SLIPPING -> valuableSlipping(date);
            case ABOUT_TO_LAPSE -> ruleText.set(ABOUT_TO_LAPSE);
        }
    }

    /**
     * Valuable but slipping: P(alive) below {@link Predictions#SLIPPING_BELOW} (which leaves one-time buyers out:
     * theirs is 1 by construction) and a predicted value at least what the top 20% of repeat buyers reach under
     * the latest model (fitted first when there is none, as a rule on the prediction fields would). Without a
     * spend model there is no value: the rule is then P(alive) alone, and the status line says so.
     */
    private void valuableSlipping(LocalDate date) {
        tasks.execute(BackgroundTask.of(() -> {
            return predictions.topClvCents(predictions.ensureForRules(date, false), VALUABLE_TOP_PERCENT);
        }).onSuccess(top -> {
            String slipping = "p_alive < " + Predictions.SLIPPING_BELOW;
            if (top.isPresent()) {
                status.set("");
                ruleText.set("predicted_clv >= " + RuleNode.cents(top.get()) + " and " + slipping);
            } else {
                ruleText.set(slipping);
                status.set(messages.get("segments.template.noValue"));
            }
        }).onFailure(this::refusedOrDialog));
    }

    /** A refused prediction (too few repeat buyers…) is said under the rule, in the shop's words; others in a dialog. */
    private void refusedOrDialog(Throwable failure) {
        if (failure instanceof PredictionRefused refused) {
            error.set(ErrorText.describe(refused, messages));
            count.set("");
            preview.clear();
        } else {
            dialogs.showError(failure);
        }
    }

    /** Replaces the rule (from the RFM or lifecycle tabs: "see these members"). */
    public void show(Rule rule, LocalDate date) {
        asOf.set(date);
        ruleText.set(rule.canonical());
    }

    /** Saves the rule as a rule tag under the typed name. */
    public void saveAsTag() {
        String name = tagName.get();
        String text = ruleText.get();
        tasks.execute(BackgroundTask.of(() -> tags.create(name, text))
                .onSuccess(tag -> {
                    status.set(messages.get("segments.saved", tag.name(), tag.members()));
                    changes.manyChanged();
                }));
    }

    /** Puts the typed manual tag on every member of the segment. */
    public void tagMembers() {
        Optional<Rule> rule = BuilderText.rule(ruleText.get());
        if (rule.isEmpty()) {
            return;
        }
        String name = tagName.get();
        LocalDate date = asOf.get();
        tasks.execute(BackgroundTask.of(() -> tags.addSegment(name, rule.get(), date))
                .onSuccess(added -> {
                    status.set(messages.get("segments.tagged", name, added));
                    changes.manyChanged();
                }));
    }

    public void export(Path file) {
        Optional<Rule> rule = BuilderText.rule(ruleText.get());
        if (rule.isEmpty()) {
            return;
        }
        LocalDate date = asOf.get();
        tasks.execute(BackgroundTask.of(() -> rules.export(rule.get(), date, file))
                .onSuccess(rowsWritten -> status.set(messages.get("segments.exported", rowsWritten, file))));
    }

    private void watch(ConditionRow row) {
        row.notProperty().addListener((o, a, b) -> builderChanged());
        row.fieldProperty().addListener((o, a, field) -> {
            if (!syncing && !field.operators().contains(row.operatorProperty().get())) {
                row.operatorProperty().set(Operator.EQ);
            }
            builderChanged();
        });
        row.operatorProperty().addListener((o, a, op) -> {
            // a menu briefly holds no choice while its items are replaced
            if (op != null) {
                builderChanged();
            }
        });
        row.valueProperty().addListener((o, a, b) -> builderChanged());
        row.value2Property().addListener((o, a, b) -> builderChanged());
    }

    private void builderChanged() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            ruleText.set(BuilderText.text(anyOf.get(), rows, false));
        } finally {
            syncing = false;
        }
        evaluate(ruleText.get());
    }

    private void textChanged(String text) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            Rule rule = Rule.parse(text);
            Optional<BuilderText.Shape> shape = BuilderText.shape(rule.root());
            builderUsable.set(shape.isPresent());
            shape.ifPresent(this::showRows);
        } catch (RuleException e) {
            // the rows keep what they showed; the text says what is wrong
        } finally {
            syncing = false;
        }
        evaluate(text);
    }

    private void showRows(BuilderText.Shape shape) {
        anyOf.set(shape.any());
        rows.clear();
        for (String[] cells : shape.rows()) {
            ConditionRow row = new ConditionRow();
            row.set(!cells[0].isEmpty(), Field.valueOf(cells[1]), Operator.valueOf(cells[2]), cells[3], cells[4]);
            watch(row);
            rows.add(row);
        }
    }

    /** Checks the text and, when it is a rule, counts it in the background (cancelling the count before). */
    private void evaluate(String text) {
        running.cancel();
        if (task != null) {
            task.cancel();
        }
        if (text == null || text.isBlank()) {
            error.set("");
            count.set("");
            preview.clear();
            return;
        }
        Rule rule;
        try {
            rule = Rule.parse(text);
        } catch (RuleException e) {
            error.set(e.describe(messages));
            count.set("");
            return;
        }
        error.set("");
        Progress cancel = new Progress();
        running = cancel;
        LocalDate date = asOf.get();
        counting.set(true);
        task = tasks.execute(BackgroundTask.of(() -> {
            try {
                long n = rules.count(rule, date, cancel);
                return new Result(n, rules.preview(rule, date, PREVIEW_ROWS, cancel));
            } catch (CancellationException typedOn) {
                // the person typed on: this count is no longer wanted, which is normal, not a failure to report
                return null;
            }
        }).onSuccess(result -> {
            if (cancel == running && result != null) {
                count.set(messages.get("segments.count", result.count()));
                preview.setAll(result.preview());
            }
        }).onFailure(failure -> {
            if (cancel == running && !cancel.cancelled()) {
                refusedOrDialog(failure);
            }
        }).onFinished(() -> {
            if (cancel == running) {
                counting.set(false);
            }
        }));
    }

    /** Money in rule text. */
    private static final class RuleNode {
        static String cents(long cents) {
            return org.memberdesk.tags.RuleNode.Value.cents(cents).text();
        }
    }
}
