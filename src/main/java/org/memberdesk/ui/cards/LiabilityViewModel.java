package org.memberdesk.ui.cards;

import java.time.LocalDate;
import java.time.YearMonth;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memberdesk.cards.CardReports;
import org.memberdesk.common.Money;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.common.TaskExecutor;
import org.memberdesk.cards.CardReports;

/**
 * 储值与次卡负债: what the shop still owes its members today (stored value as principal and bonus, sessions left and
 * their value, valid passes) and the renewal rate (续费率) of this month so far and of last month.
 */
public final class LiabilityViewModel {
    private final CardReports reports;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final java.time.Clock clock;
    private final ReadOnlyStringWrapper asOf = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper principal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bonus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sessionsLeft = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sessionsValue = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper validPasses = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper renewalThisMonth = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper renewalLastMonth = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public LiabilityViewModel(CardReports reports, TaskExecutor tasks, Messages messages, java.time.Clock clock) {
        this.reports = reports;
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
    }

    /** The figures and both months' renewal rates, read in the background. */
    public void load() {
        LocalDate today = LocalDate.now(clock);
        YearMonth month = YearMonth.from(today);
        YearMonth last = month.minusMonths(1);
        tasks.execute(BackgroundTask.of(() -> new Figures(reports.liability(null),
                reports.renewal(month.atDay(1), today),
                reports.renewal(last.atDay(1), last.atEndOfMonth())))
                .onSuccess(figures -> show(figures, month, last))
                .onFailure(error -> status.set(ErrorText.describe(error, messages))));
    }

    private record Figures(CardReports.Liability liability, CardReports.Renewal thisMonth,
                           CardReports.Renewal lastMonth) {
    }

    private void show(Figures figures, YearMonth month, YearMonth last) {
        CardReports.Liability owed = figures.liability();
        asOf.set(messages.get("cards.liability.asOf", owed.asOf().toString()));
        principal.set(Money.display(owed.storedValuePrincipalCents()));
        bonus.set(Money.display(owed.storedValueBonusCents()));
        sessionsLeft.set(Long.toString(owed.sessionsLeft()));
        sessionsValue.set(Money.display(owed.sessionsValueCents()));
        validPasses.set(Long.toString(owed.validPasses()));
        renewalThisMonth.set(rate(figures.thisMonth(), month));
        renewalLastMonth.set(rate(figures.lastMonth(), last));
        status.set("");
    }

    /** "62.5 % (5 of 8 renewed)", or that no card ended in the month (no rate rather than 0 %). */
    private String rate(CardReports.Renewal renewal, YearMonth month) {
        Double rate = renewal.rate();
        if (rate == null) {
            return messages.get("cards.renewal.none", month.toString());
        }
        return messages.get("cards.renewal.rate", String.format(messages.locale(), "%.1f", rate * 100),
                renewal.renewed(), renewal.ended());
    }

    public ReadOnlyStringProperty asOfProperty() {
        return asOf.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty principalProperty() {
        return principal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bonusProperty() {
        return bonus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sessionsLeftProperty() {
        return sessionsLeft.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sessionsValueProperty() {
        return sessionsValue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty validPassesProperty() {
        return validPasses.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty renewalThisMonthProperty() {
        return renewalThisMonth.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty renewalLastMonthProperty() {
        return renewalLastMonth.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
