package org.memberdesk.ui.cards;

import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardReports;
import org.memberdesk.members.Phones;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.common.TaskExecutor;
import org.memberdesk.cards.CardReports;
import org.memberdesk.cards.print.CardPrinter;

/**
 * 续费提醒: the cards ending within N days (7 unless typed), soonest first, to call their members about renewing.
 * Phones are masked here already (138****1234): the list is on a screen others can see, and is printed.
 */
public final class ExpiringViewModel {
    static final int MOST_DAYS = 3650;

    /** A card ending soon as the list shows it. */
    public record Row(String cardNo, String memberNo, String name, String phone, String product, CardKind kind,
                      LocalDate validTo, Integer sessionsLeft, long daysLeft) {
    }

    private final CardReports reports;
    private final CardPrinter printer;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final StringProperty within = new SimpleStringProperty("7");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> shownRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper withinDays = new ReadOnlyIntegerWrapper(7);

    public ExpiringViewModel(CardReports reports, CardPrinter printer, TaskExecutor tasks, Messages messages) {
        this.reports = reports;
        this.printer = printer;
        this.tasks = tasks;
        this.messages = messages;
    }

    /** The number of days as typed. */
    public StringProperty withinProperty() {
        return within;
    }

    /** The days of the list shown now (what a printed list uses). */
    public ReadOnlyIntegerProperty withinDaysProperty() {
        return withinDays.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return shownRows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Reads the list for the days typed; a number that is not 0 to 3,650 is refused with the reason. */
    public void load() {
        int days;
        try {
            days = Integer.parseInt(within.get() == null ? "" : within.get().strip());
        } catch (NumberFormatException e) {
            days = -1;
        }
        if (days < 0 || days > MOST_DAYS) {
            status.set(messages.get("cards.expiring.days", MOST_DAYS));
            return;
        }
        int asked = days;
        tasks.execute(BackgroundTask.of(() -> reports.expiring(asked, null))
                .onSuccess(list -> show(asked, list))
                .onFailure(error -> status.set(ErrorText.describe(error, messages))));
    }

    /**
     * Saves the list shown (its days, as of today) as the printable A4 PDF, phones masked like the coupon list;
     * the status line says where it went.
     */
    public void savePdf(java.nio.file.Path file) {
        int days = withinDays.get();
        tasks.execute(BackgroundTask.of(() -> printer.printExpiring(days, null, file,
                        messages))
                .onSuccess(count -> status.set(messages.get("cards.expiring.saved", count, file.toString())))
                .onFailure(error -> status.set(ErrorText.describe(error, messages))));
    }

    private void show(int days, List<CardReports.Expiring> list) {
        withinDays.set(days);
        rows.setAll(list.stream().map(e -> new Row(e.cardNo(), e.memberNo(), e.name(), Phones.mask(e.phone()),
                e.product(), e.kind(), e.validTo(), e.sessionsLeft(), e.daysLeft())).toList());
        status.set(messages.get("cards.expiring.count", list.size(), days));
    }
}
