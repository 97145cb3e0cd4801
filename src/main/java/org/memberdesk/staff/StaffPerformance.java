package org.memberdesk.staff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;

/**
 * Staff performance (员工业绩): per member of staff and period, the goods sold and given back, the cards sold, the
 * top-ups and the check-ins served — the basis for commission (提成). Cards are counted apart from the goods, never
 * in both: a shop pays a different commission on a card than on goods, and a session card sold is also a purchase in
 * the ledger, which would otherwise count twice.
 */
public final class StaffPerformance {
    /** The longest period one report covers (ten years), so a typo in a year does not read for ever. */
    static final long MOST_DAYS = 3_660;

    private final Database database;
    private final PerformanceStore store;
    private final StaffSession session;

    public StaffPerformance(Database database, StaffSession session) {
        this.database = database;
        this.store = new PerformanceStore();
        this.session = session;
    }

    /** A period's figures: every active staff member (zeros included), staff who left but did something in it,
     * then the row of no staff named (the command line as the owner, imports, before staff) when it has figures. */
    public record Report(LocalDate from, LocalDate to, List<StaffFigures> staff) {
    }

    /** The figures of {@code from} … {@code to} (shop dates, both days included), read in one snapshot. */
    public Report report(LocalDate from, LocalDate to) {
        session.require(Permission.REPORTS);
        if (from == null || to == null || to.isBefore(from)) {
            throw new ValidationException(Problem.of("to", "staffReport.period.order"));
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(from, to) >= MOST_DAYS) {
            throw new ValidationException(Problem.of("to", "staffReport.period.long", MOST_DAYS));
        }
        return database.read(connection -> {
            List<PerformanceStore.Person> people = store.staff(connection);
            Map<Long, PerformanceStore.Tally> sales = store.sales(connection, from, to);
            Map<Long, PerformanceStore.Tally> returns = store.returns(connection, from, to);
            Map<Long, PerformanceStore.Tally> cards = store.cardsSold(connection, from, to);
            Map<Long, PerformanceStore.Tally> topups = store.topups(connection, from, to);
            Map<Long, PerformanceStore.Tally> checkins = store.checkins(connection, from, to);
            List<StaffFigures> rows = new ArrayList<>();
            for (PerformanceStore.Person person : people) {
                StaffFigures figures = figures(person.id(), person.name(), person.role(), person.active(), sales,
                        returns, cards, topups, checkins);
                // one who left is still owed commission for what they did in the period
                if (person.active() || figures.hasFigures()) {
                    rows.add(figures);
                }
            }
            StaffFigures nobody = figures(null, null, null, true, sales, returns, cards, topups, checkins);
            if (nobody.hasFigures()) {
                rows.add(nobody);
            }
            return new Report(from, to, List.copyOf(rows));
        });
    }

    private static StaffFigures figures(Long id, String name, Role role, boolean active,
            Map<Long, PerformanceStore.Tally> sales, Map<Long, PerformanceStore.Tally> returns,
            Map<Long, PerformanceStore.Tally> cards, Map<Long, PerformanceStore.Tally> topups,
            Map<Long, PerformanceStore.Tally> checkins) {
        PerformanceStore.Tally sold = sales.getOrDefault(id, PerformanceStore.Tally.NONE);
        PerformanceStore.Tally back = returns.getOrDefault(id, PerformanceStore.Tally.NONE);
        PerformanceStore.Tally card = cards.getOrDefault(id, PerformanceStore.Tally.NONE);
        PerformanceStore.Tally topup = topups.getOrDefault(id, PerformanceStore.Tally.NONE);
        PerformanceStore.Tally visits = checkins.getOrDefault(id, PerformanceStore.Tally.NONE);
        return new StaffFigures(id, name, role, active, sold.count(), sold.cents(), back.count(), back.cents(),
                card.count(), card.cents(), topup.count(), topup.cents(), visits.count());
    }

    /** The sum of every row (the table's total line). */
    public static StaffFigures total(List<StaffFigures> rows) {
        long sales = 0, salesCents = 0, returns = 0, returnsCents = 0, cards = 0, cardsCents = 0, topups = 0,
                topupsCents = 0, checkins = 0;
        for (StaffFigures row : rows) {
            sales = Math.addExact(sales, row.sales());
            salesCents = Math.addExact(salesCents, row.salesCents());
            returns = Math.addExact(returns, row.returns());
            returnsCents = Math.addExact(returnsCents, row.returnsCents());
            cards = Math.addExact(cards, row.cardsSold());
            cardsCents = Math.addExact(cardsCents, row.cardsSoldCents());
            topups = Math.addExact(topups, row.topups());
            topupsCents = Math.addExact(topupsCents, row.topupsCents());
            checkins = Math.addExact(checkins, row.checkins());
        }
        return new StaffFigures(null, null, null, true, sales, salesCents, returns, returnsCents, cards, cardsCents,
                topups, topupsCents, checkins);
    }
}
