package org.memberdesk.purchases;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.memberdesk.db.BoundRows;
import org.memberdesk.members.MemberStore;

/**
 * The member statistics a purchase changes — sales and returns counted, spent and returned cents, first and last
 * purchase — kept on the member's row so tags, RFM and tiers never scan all purchases. Written once per member
 * per batch. Lines added to an earlier purchase of the same import add their money but count no second visit.
 */
public final class MemberStatistics implements PurchaseEffect {

    @Override
    public Step open(Connection connection) {
        return new Batch(connection);
    }

    /** What one batch adds to one member. */
    private static final class Added {
        long sales;
        long returns;
        long spent;
        long returned;
        String first;
        String last;
    }

    private static final class Batch implements Step {
        private final Connection connection;
        private final Map<Long, Added> members = new TreeMap<>();
        /** Members whose first and last purchase must be counted again (a voided sale may have been either). */
        private final java.util.Set<Long> recount = new java.util.TreeSet<>();

        Batch(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void stored(Purchase purchase) {
            add(purchase, 1, purchase.totalCents());
        }

        @Override
        public void appended(Purchase purchase, List<PurchaseLine> added) {
            long amount = 0;
            for (PurchaseLine line : added) {
                amount = Math.addExact(amount, line.amountCents());
            }
            add(purchase, 0, amount);
        }

        /** As if the sale never happened: one sale and its money less; first and last are counted again. */
        @Override
        public void voided(Purchase sale) {
            Added member = members.computeIfAbsent(sale.memberId(), id -> new Added());
            member.sales -= 1;
            member.spent = Math.subtractExact(member.spent, sale.totalCents());
            recount.add(sale.memberId());
        }

        private void add(Purchase purchase, int countsAs, long amount) {
            Added member = members.computeIfAbsent(purchase.memberId(), id -> new Added());
            String time = MemberStore.timeText(purchase.time());
            if (purchase.isReturn()) {
                member.returns += countsAs;
                member.returned = Math.subtractExact(member.returned, amount);
            } else {
                member.sales += countsAs;
                member.spent = Math.addExact(member.spent, amount);
                member.first = member.first == null || time.compareTo(member.first) < 0 ? time : member.first;
                member.last = member.last == null || time.compareTo(member.last) > 0 ? time : member.last;
            }
        }

        @Override
        public void flush() throws java.sql.SQLException {
            BoundRows rows = new BoundRows();
            for (Map.Entry<Long, Added> e : members.entrySet()) {
                Added a = e.getValue();
                rows.row().add(e.getKey()).add(a.sales).add(a.returns).add(a.spent).add(a.returned).add(a.first)
                        .add(a.last);
            }
            PipelineStore.addToStatistics(connection, rows);
            members.clear();
            if (!recount.isEmpty()) {
                PipelineStore.recountFirstAndLast(connection, recount);
                recount.clear();
            }
        }
    }
}
