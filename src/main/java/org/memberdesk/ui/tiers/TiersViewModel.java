package org.memberdesk.ui.tiers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.common.Money;
import org.memberdesk.tiers.Ladder;
import org.memberdesk.tiers.ReviewResult;
import org.memberdesk.tiers.Tier;
import org.memberdesk.tiers.TierProgram;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.UiContext;

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

    private final UiContext context;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<TierProgram.Basis> basis = new SimpleObjectProperty<>(TierProgram.Basis.SPEND);
    private final StringProperty windowMonths = new SimpleStringProperty("12");
    private final StringProperty protectionMonths = new SimpleStringProperty("6");
    private final ObservableList<Map.Entry<String, Long>> counts = FXCollections.observableArrayList();
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");

    public TiersViewModel(UiContext context) {
        this.context = context;
    }

    public void load() {
        context.tasks().execute(BackgroundTask.of(() -> new Loaded(context.app().tiers().ladder(),
                context.app().tiers().counts())).onSuccess(this::apply).onFailure(this::fail));
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
        row.name.set(context.text("tiers.ui.newTier", rows.size() + 1));
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
        context.tasks().execute(BackgroundTask.of(() -> {
            context.app().tiers().saveLadder(ladder);
            return new Loaded(context.app().tiers().ladder(), context.app().tiers().counts());
        }).onSuccess(loaded -> {
            apply(loaded);
            status.set(context.text("tiers.ui.saved"));
            context.changes().manyChanged();
        }).onFailure(this::fail));
    }

    /** Runs a tier review as of today, then shows the counts. */
    public void reviewToday() {
        problem.set("");
        context.tasks().execute(BackgroundTask.of(() -> context.app().tiers().review(LocalDate.now(
                context.app().clock()))).onSuccess(this::reviewed).onFailure(this::fail));
    }

    private void reviewed(ReviewResult result) {
        counts.setAll(new ArrayList<>(result.tiers().entrySet()));
        status.set(context.text("tiers.ui.reviewed", result.upgraded(), result.downgraded()));
        context.changes().manyChanged();
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
                throw new IllegalArgumentException(context.text("tiers.ui.badThreshold", row.name.get(),
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
            throw new IllegalArgumentException(context.text("tiers.ui.badNumber", context.text(fieldKey), text));
        }
    }

    private void fail(Throwable error) {
        problem.set(ErrorText.describe(error, context.messages()));
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<TierProgram.Basis> basisProperty() {
        return basis;
    }

    public StringProperty windowMonthsProperty() {
        return windowMonths;
    }

    public StringProperty protectionMonthsProperty() {
        return protectionMonths;
    }

    public ObservableList<Map.Entry<String, Long>> counts() {
        return counts;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
