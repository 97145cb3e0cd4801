package org.memberdesk.staff;

/**
 * What one member of staff did in a period (员工业绩), the basis for commission. Goods and cards are kept apart:
 * {@code sales}/{@code returns} are the counter's goods, {@code cardsSold} the cards (a session card or pass is also
 * a purchase in the ledger, but it is counted here only, never in sales too), {@code topups} money added to stored
 * value. Cents are what was paid (cash and stored-value principal); returns are the money given back, positive.
 *
 * @param staffId null for the row of the command line acting as the owner, imports, and work from before staff
 *                existed (no staff named)
 * @param name    the staff's name; null for that row
 * @param role    null for that row
 * @param storeId where the work of this row was done, in a chain's report seen whole (a member of staff who worked
 *                at two stores has a row for each); null in a shop of one store and in one store's report
 */
public record StaffFigures(Long staffId, String name, Role role, boolean active, long sales, long salesCents,
        long returns, long returnsCents, long cardsSold, long cardsSoldCents, long topups, long topupsCents,
        long checkins, Long storeId) {

    /** A row that names no store (a shop of one store, one store's report, the total line). */
    public StaffFigures(Long staffId, String name, Role role, boolean active, long sales, long salesCents,
                        long returns, long returnsCents, long cardsSold, long cardsSoldCents, long topups,
                        long topupsCents, long checkins) {
        this(staffId, name, role, active, sales, salesCents, returns, returnsCents, cardsSold, cardsSoldCents, topups,
                topupsCents, checkins, null);
    }

    /** Goods sold less goods given back. */
    public long netCents() {
        return Math.subtractExact(salesCents, returnsCents);
    }

    /** Whether anything at all was done (the no-staff row is shown only then). */
    public boolean hasFigures() {
        return sales != 0 || returns != 0 || cardsSold != 0 || topups != 0 || checkins != 0;
    }
}
