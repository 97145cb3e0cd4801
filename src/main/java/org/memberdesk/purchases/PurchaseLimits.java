package org.memberdesk.purchases;

import java.util.ArrayList;
import java.util.List;
import org.memberdesk.common.Money;
import org.memberdesk.common.Problem;

/**
 * The largest line, purchase and quantity this shop takes, from the counter or a file: the one rule,
 * read once per sale and once per import batch. A 13-digit barcode pasted into the amount column is a
 * ¥69 billion "sale"; without a bound it would be stored and make every total meaningless.
 *
 * <p>Why totals cannot wrap: a shop can raise each money bound up to {@link #CEILING_CENTS}
 * (¥100,000,000 = 10^10 cents), no higher. A member's kept spend ({@code spent_cents + ?} in SQL) and any
 * {@code sum(total_cents)} grow by at most 10^10 per purchase, so reaching 2^63 ≈ 9.2 × 10^18 cents takes
 * about 9.2 × 10^8 purchases at the ceiling — hundreds of gigabytes of purchases in one file. SQLite's
 * {@code sum()} ("integer overflow") and Java's long sums are therefore safe by construction; the Java sums
 * use {@link Math#addExact} all the same, so the impossible fails loudly instead of wrapping.
 */
public record PurchaseLimits(long lineCents, long purchaseCents, int quantity) {
    /** ¥1,000,000 per line and per purchase, 10,000 of an item per line: far above a real shop's sale. */
    public static final PurchaseLimits DEFAULT = new PurchaseLimits(100_000_000L, 100_000_000L, 10_000);
    /** The highest a money bound can be raised to: ¥100,000,000. */
    public static final long CEILING_CENTS = 10_000_000_000L;
    /** The highest the quantity bound can be raised to. */
    public static final int CEILING_QUANTITY = 1_000_000;

    /** What is wrong with these limits as a shop typed them (each at least ¥1 / 1, at most the ceiling). */
    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        if (lineCents < 100 || lineCents > CEILING_CENTS) {
            problems.add(Problem.of("line_limit", "purchase.limits.invalid", Money.display(CEILING_CENTS)));
        }
        if (purchaseCents < 100 || purchaseCents > CEILING_CENTS) {
            problems.add(Problem.of("purchase_limit", "purchase.limits.invalid", Money.display(CEILING_CENTS)));
        }
        if (quantity < 1 || quantity > CEILING_QUANTITY) {
            problems.add(Problem.of("quantity_limit", "purchase.limits.quantityInvalid", CEILING_QUANTITY));
        }
        return problems;
    }

    /** The lines and the purchase's total against the bounds (a return's amounts by their size). */
    public List<Problem> check(PurchaseDraft draft) {
        return check(0, draft.lines());
    }

    /**
     * Lines added to a purchase that already has {@code storedTotal} (its lines were apart in the file):
     * the lines, and the purchase's total with them.
     */
    public List<Problem> check(long storedTotal, List<PurchaseLine> lines) {
        List<Problem> problems = new ArrayList<>();
        long total = storedTotal;
        boolean overflow = false;
        for (PurchaseLine line : lines) {
            if (line.quantity() > quantity) {
                problems.add(Problem.of("quantity", "purchase.limit.quantity", line.quantity(), quantity));
            }
            if (size(line.amountCents()) > lineCents) {
                problems.add(Problem.of("amount", "purchase.limit.line", Money.display(size(line.amountCents())),
                        Money.display(lineCents)));
            }
            try {
                total = Math.addExact(total, line.amountCents());
            } catch (ArithmeticException e) {
                overflow = true;
            }
        }
        if (overflow) {
            problems.add(Problem.of("amount", "purchase.limit.sumOverflow", Money.display(purchaseCents)));
        } else if (size(total) > purchaseCents) {
            problems.add(Problem.of("amount", "purchase.limit.purchase", Money.display(size(total)),
                    Money.display(purchaseCents)));
        }
        return problems;
    }

    private static long size(long cents) {
        return cents == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(cents);
    }
}
