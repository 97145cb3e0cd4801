package org.memberdesk.staff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
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
        return report(from, to, OptionalLong.empty());
    }

    /**
     * The same, of what was done at one store ({@code store}: its id), or of the whole shop when empty. Work is
     * counted at the store it was done in (a sale where it was made), whichever store the staff member works in. In
     * a chain seen whole each row says its store: a member of staff has a row per store they worked at in the period,
     * or, having done nothing, one at their own store; each store's no-staff row comes last. One store's report has
     * its own staff (zeros included) and whoever else worked there.
     */
    public Report report(LocalDate from, LocalDate to, OptionalLong store) {
        session.require(Permission.REPORTS);
        if (from == null || to == null || to.isBefore(from)) {
            throw new ValidationException(Problem.of("to", "staffReport.period.order"));
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(from, to) >= MOST_DAYS) {
            throw new ValidationException(Problem.of("to", "staffReport.period.long", MOST_DAYS));
        }
        Long at = store.isPresent() ? store.getAsLong() : null;
        return database.read(connection -> {
            boolean chain = this.store.storeCount(connection) > 1;
            List<PerformanceStore.Person> people = this.store.staff(connection);
            Tallies tallies = new Tallies(this.store.sales(connection, from, to, at),
                    this.store.returns(connection, from, to, at), this.store.cardsSold(connection, from, to, at),
                    this.store.topups(connection, from, to, at), this.store.checkins(connection, from, to, at));
            // the stores each staff id (null: nobody named) did something at, in store order
            Map<Long, TreeSet<Long>> worked = new HashMap<>();
            tallies.keys().forEach(key -> worked.computeIfAbsent(key.staffId(), id -> new TreeSet<>())
                    .add(key.storeId()));
            List<StaffFigures> rows = new ArrayList<>();
            for (PerformanceStore.Person person : people) {
                TreeSet<Long> stores = worked.get(person.id());
                if (stores != null) {
                    for (long where : stores) {
                        rows.add(tallies.figures(person.id(), person.name(), person.role(), person.active(), where,
                                chain && at == null));
                    }
                } else if (person.active() && (at == null || person.storeId() == at)) {
                    // zeros at their own store; one who left is shown only for what they did (owed commission)
                    rows.add(tallies.figures(person.id(), person.name(), person.role(), true, person.storeId(),
                            chain && at == null));
                }
            }
            for (long where : worked.getOrDefault(null, new TreeSet<>())) {
                rows.add(tallies.figures(null, null, null, true, where, chain && at == null));
            }
            return new Report(from, to, List.copyOf(rows));
        });
    }

    /** The five figures' tallies of a period, by (staff, store). */
    private record Tallies(Map<PerformanceStore.Key, PerformanceStore.Tally> sales,
                           Map<PerformanceStore.Key, PerformanceStore.Tally> returns,
                           Map<PerformanceStore.Key, PerformanceStore.Tally> cards,
                           Map<PerformanceStore.Key, PerformanceStore.Tally> topups,
                           Map<PerformanceStore.Key, PerformanceStore.Tally> checkins) {

        Set<PerformanceStore.Key> keys() {
            Set<PerformanceStore.Key> keys = new HashSet<>();
            List.of(sales, returns, cards, topups, checkins).forEach(map -> keys.addAll(map.keySet()));
            return keys;
        }

        /** One row; {@code named}: the row says its store (a chain seen whole). */
        StaffFigures figures(Long id, String name, Role role, boolean active, long where, boolean named) {
            PerformanceStore.Key key = new PerformanceStore.Key(id, where);
            PerformanceStore.Tally sold = sales.getOrDefault(key, PerformanceStore.Tally.NONE);
            PerformanceStore.Tally back = returns.getOrDefault(key, PerformanceStore.Tally.NONE);
            PerformanceStore.Tally card = cards.getOrDefault(key, PerformanceStore.Tally.NONE);
            PerformanceStore.Tally topup = topups.getOrDefault(key, PerformanceStore.Tally.NONE);
            PerformanceStore.Tally visits = checkins.getOrDefault(key, PerformanceStore.Tally.NONE);
            return new StaffFigures(id, name, role, active, sold.count(), sold.cents(), back.count(), back.cents(),
                    card.count(), card.cents(), topup.count(), topup.cents(), visits.count(), named ? where : null);
        }
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
