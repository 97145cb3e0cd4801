package org.memberdesk.ui.dashboard;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.memberdesk.analytics.Period;

/**
 * The period a screen shows: this week / month / quarter (from its first day to today) or days typed
 * (custom). Shared by the Dashboard and the Analytics screen so both pick periods the same way.
 */
public final class PeriodChoice {
    /** The quick choices of the period picker; CUSTOM keeps the days typed. */
    public enum Range { WEEK, MONTH, QUARTER, CUSTOM }

    private final Clock clock;
    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(Range.MONTH);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();

    public PeriodChoice(Clock clock) {
        this.clock = clock;
        choose(Range.MONTH);
    }

    /** This week / month / quarter from its first day to today; CUSTOM keeps the days as they are. */
    public void choose(Range choice) {
        range.set(choice);
        LocalDate today = LocalDate.now(clock);
        switch (choice) {
            case WEEK -> from.set(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            case MONTH -> from.set(today.withDayOfMonth(1));
            case QUARTER -> from.set(today.with(IsoFields.DAY_OF_QUARTER, 1));
            case CUSTOM -> {
                return;
            }
        }
        to.set(today);
    }

    /** Custom days, both included. */
    public void days(LocalDate first, LocalDate last) {
        range.set(Range.CUSTOM);
        from.set(first);
        to.set(last);
    }

    /** The chosen period; empty when a day is missing or the last is before the first. */
    public Optional<Period> period() {
        LocalDate first = from.get();
        LocalDate last = to.get();
        if (first == null || last == null || last.isBefore(first)) {
            return Optional.empty();
        }
        return Optional.of(new Period(first, last));
    }

    /** The chosen period; when the days do not make one, {@code problem} gets why (else an empty text). */
    public Optional<Period> period(java.util.function.Consumer<String> problem, org.memberdesk.common.Messages messages) {
        Optional<Period> chosen = period();
        problem.accept(chosen.isEmpty() ? messages.get("analytics.ui.badPeriod") : "");
        return chosen;
    }

    public ObjectProperty<Range> rangeProperty() {
        return range;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }
}
