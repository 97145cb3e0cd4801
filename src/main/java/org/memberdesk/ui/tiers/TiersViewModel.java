package org.memberdesk.ui.tiers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.tiers.Ladder;
import org.memberdesk.tiers.ReviewResult;
import org.memberdesk.tiers.Tier;
import org.memberdesk.tiers.TierProgram;
import org.memberdesk.tiers.TierService;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * The tier ladder editor and the members-per-tier counts, without the screen. Rows are edited as
 * text (thresholds in yuan on a spend ladder, in points on a points ladder) and checked by the
 * service on save; the counts feed the chart.
 */
public final class TiersViewModel {

    /** One editable tier. */
    public static final class Row {
        private final StringProperty name = new SimpleStringProperty("");
        private final StringProperty threshold = new SimpleStringProperty("0");
        private final StringProperty pointsPercent = new SimpleStringProperty("100");
        private final StringProperty discountPercent = new SimpleStringProperty("0");
        private final StringProperty perks = new SimpleStringProperty("");

        public StringProperty name() {
            return name;
        }

        public StringProperty threshold() {
            return threshold;
        }

        public StringProperty pointsPercent() {
            return pointsPercent;
        }

        public StringProperty discountPercent() {
            return discountPercent;
        }

        public StringProperty perks() {
            return perks;
        }
    }

    /** The ladder and how many members sit on each step. */
    public record Loaded(Ladder ladder, Map<String, Long> counts) {
    }

    private final TierService tiers;
    private final Clock clock;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final DataChanges changes;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<TierProgram.Basis> basis = new SimpleObjectProperty<>(TierProgram.Basis.SPEND);
    private final StringProperty windowMonths = new SimpleStringProperty("12");
    private final StringProperty protectionMonths = new SimpleStringProperty("6");
    private final ObservableList<Map.Entry<String, Long>> counts = FXCollections.observableArrayList();
    private final ObservableList<Row> shownRows = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<Map.Entry<String, Long>> shownCounts = FXCollections.unmodifiableObservableList(counts);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public TiersViewModel(TierService tiers, Clock clock, TaskExecutor tasks, Messages messages, DataChanges changes) {
        this.tiers = tiers;
        this.clock = clock;
        this.tasks = tasks;
        this.messages = messages;
        this.changes = changes;
    }

    public void load() {
        tasks.execute(BackgroundTask.of(() -> new Loaded(tiers.ladder(),
                tiers.counts())).onSuccess(this::apply).onFailure(this::fail));
    }

    void apply(Loaded loaded) {
        Ladder ladder = loaded.ladder();
        basis.set(ladder.program().basis());
        windowMonths.set(Integer.toString(ladder.program().windowMonths()));
        protectionMonths.set(Integer.toString(ladder.program().protectionMonths()));
        List<Row> fresh = new ArrayList<>();
        for (Tier tier : ladder.tiers()) {
            Row row = new Row();
            row.name.set(tier.name());
            row.threshold.set(ladder.program().basis() == TierProgram.Basis.SPEND
                    ? Money.formatYuan(tier.threshold()) : Long.toString(tier.threshold()));
            row.pointsPercent.set(Integer.toString(tier.pointsPercent()));
            row.discountPercent.set(Integer.toString(tier.discountPercent()));
            row.perks.set(tier.perks() == null ? "" : tier.perks());
            fresh.add(row);
        }
        rows.setAll(fresh);
        counts.setAll(new ArrayList<>(loaded.counts().entrySet()));
    }

    public void addTier() {
        Row row = new Row();
        row.name.set(messages.get("tiers.ui.newTier", rows.size() + 1));
        rows.add(row);
    }

    /** Removes the top tier; its members move to the new top tier when saved. The entry tier stays. */
    public void removeTopTier() {
        if (rows.size() > 1) {
            rows.remove(rows.size() - 1);
        }
    }

    /** Checks the typed numbers, then saves the ladder in the background and shows the new counts. */
    public void save() {
        problem.set("");
        status.set("");
        Ladder ladder;
        try {
            ladder = typedLadder();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        tasks.execute(BackgroundTask.of(() -> {
            tiers.saveLadder(ladder);
            return new Loaded(tiers.ladder(), tiers.counts());
        }).onSuccess(loaded -> {
            apply(loaded);
            status.set(messages.get("tiers.ui.saved"));
            changes.manyChanged();
        }).onFailure(this::fail));
    }

    /** Runs a tier review as of today, then shows the counts. */
    public void reviewToday() {
        problem.set("");
        tasks.execute(BackgroundTask.of(() -> tiers.review(LocalDate.now(
                clock))).onSuccess(this::reviewed).onFailure(this::fail));
    }

    private void reviewed(ReviewResult result) {
        counts.setAll(new ArrayList<>(result.tiers().entrySet()));
        status.set(messages.get("tiers.ui.reviewed", result.upgraded(), result.downgraded()));
        changes.manyChanged();
    }

    Ladder typedLadder() {
        TierProgram.Basis chosen = basis.get();
        TierProgram program = new TierProgram(chosen, whole(windowMonths.get(), "tiers.ui.window"),
                whole(protectionMonths.get(), "tiers.ui.protection"));
        List<Tier> tiers = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            long threshold;
            try {
                threshold = chosen == TierProgram.Basis.SPEND ? Money.parseYuan(row.threshold.get().strip())
                        : Long.parseLong(row.threshold.get().strip());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(messages.get("tiers.ui.badThreshold", row.name.get(),
                        row.threshold.get()));
            }
            tiers.add(new Tier(i, row.name.get(), threshold, whole(row.pointsPercent.get(), "tiers.ui.pointsPercent"),
                    whole(row.discountPercent.get(), "tiers.ui.discount"), row.perks.get()));
        }
        return new Ladder(program, tiers);
    }

    private int whole(String text, String fieldKey) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(messages.get("tiers.ui.badNumber", messages.get(fieldKey), text));
        }
    }

    private void fail(Throwable error) {
        problem.set(ErrorText.describe(error, messages));
    }

    /** The ladder's rows: each row's fields are inputs; rows come and go by {@link #addTier()} and remove. */
    public ObservableList<Row> rows() {
        return shownRows;
    }

    /** input */
    public ObjectProperty<TierProgram.Basis> basisProperty() {
        return basis;
    }

    /** input */
    public StringProperty windowMonthsProperty() {
        return windowMonths;
    }

    /** input */
    public StringProperty protectionMonthsProperty() {
        return protectionMonths;
    }

    public ObservableList<Map.Entry<String, Long>> counts() {
        return shownCounts;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
