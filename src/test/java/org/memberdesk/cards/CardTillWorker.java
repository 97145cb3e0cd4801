package org.memberdesk.cards;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.purchases.PayMethod;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.sales.CounterSales;

/**
 * A second till as its own program, for {@link ConcurrentCardsTest}: it opens the database as the counter does,
 * says it is ready, waits for the go file so all tills start together, then does one of these (DB: a file or a
 * server database, {@code postgresql://USER@HOST:PORT/DATABASE}, as {@code --db} takes it):
 * <ul>
 * <li>{@code checkin DB WHO READY GO}: one check-in; prints the visit id (exit 0), or the refusal on stderr and
 * exits 3, as the {@code checkin} command does;</li>
 * <li>{@code pay DB MEMBER_ID TIMES CENTS READY GO}: TIMES sales of CENTS each paid from stored value only; prints
 * "successes principal bonus" (what the successful sales took from the card). Refused for a short balance: counted,
 * nothing recorded.</li>
 * </ul>
 */
public final class CardTillWorker {
    private CardTillWorker() {
    }

    public static void main(String[] args) throws Exception {
        AppContext app = new AppContext(Database.open(args[1]), Clock.systemDefaultZone());
        boolean checkIn = "checkin".equals(args[0]);
        Path ready = Path.of(args[checkIn ? 3 : 5]);
        Path go = Path.of(args[checkIn ? 4 : 6]);
        Files.writeString(ready, "ready");
        long deadline = System.nanoTime() + 300_000_000_000L; // as long as the test waits for every till
        while (!Files.exists(go) && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        if (checkIn) {
            try {
                System.out.println(app.checkIns().checkIn(args[2], null, null).visitId());
            } catch (ValidationException e) {
                System.err.println("refused: " + e.problems().get(0).describe(Messages.english()));
                System.exit(3);
            }
            return;
        }
        long memberId = Long.parseLong(args[2]);
        int times = Integer.parseInt(args[3]);
        long cents = Long.parseLong(args[4]);
        int successes = 0;
        long principal = 0;
        long bonus = 0;
        for (int i = 0; i < times; i++) {
            try {
                CounterSales.Sale sale = app.counterSales().sell(memberId, List.of(new PurchaseLine("咖啡", 1, cents)),
                        null, new Pay(PayMethod.STORED_VALUE, null));
                successes++;
                principal = Math.addExact(principal, sale.payment().storedPrincipalCents());
                bonus = Math.addExact(bonus, sale.payment().storedBonusCents());
            } catch (ValidationException e) {
                String key = e.problems().get(0).key();
                if (!key.equals("card.pay.short") && !key.equals("card.pay.balanceShort")) {
                    throw e;
                }
            }
        }
        System.out.println(successes + " " + principal + " " + bonus);
    }
}
