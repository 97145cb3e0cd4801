package org.memberdesk.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.CardProducts;
import org.memberdesk.cards.CardService;
import org.memberdesk.cards.CheckIns;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.DataException;
import org.memberdesk.db.Database;
import org.memberdesk.common.Progress;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberService;
import org.memberdesk.purchases.PayMethod;
import org.memberdesk.stores.Store;
import org.memberdesk.stores.StoreHere;

/**
 * The member cards of a demo gym or scenic area, made the way the shop makes them: through {@link CardService} and
 * {@link CheckIns}, with {@code at} in the past, so every rule and ledger holds as in a real shop. A share of the
 * members buys a first card some day after joining; about half renew near the end (some before it, the new pass then
 * starting the day after the old one ends); a few freeze a pass or give a card back; gym members come 2–3 times a week
 * while they hold a pass, scenic members a few times a year. Stored value is bought by a few and topped up by some of
 * them, who then pay their renewals from it. The same seed gives the same cards.
 */
public final class DemoCards {
    /** Card holders at most, whatever the number of members: each is a few dozen transactions. */
    static final int MAX_HOLDERS = 300;
    /** Gym visits are recorded for the last weeks only: 2–3 a week over years would be most of the load time. */
    static final int GYM_VISIT_WEEKS = 6;

    /** What was made. */
    public record Made(long products, long cards, long renewals, long freezes, long refunds, long visits) {
        /** Nothing made: a shop's demo, or one stopped before its cards. */
        public static final Made NONE = new Made(0, 0, 0, 0, 0, 0);
    }

    private record Plan(List<Long> passes, List<Integer> passWeights, long storedValue, Map<Long, Long> ladder) {
    }

    private final Database database;
    private final CardProducts products;
    private final CardService cards;
    private final CheckIns checkIns;
    private final MemberService members;
    private final Clock clock;
    /** This computer's store, which a chain's demo sets to each holder's home store while their cards are made. */
    private final StoreHere here;

    private SplittableRandom random;
    private LocalDateTime now;
    private long made;
    private long renewals;
    private long freezes;
    private long refunds;
    private long visits;

    public DemoCards(Database database, CardProducts products, CardService cards, CheckIns checkIns,
                     MemberService members, StoreHere here, Clock clock) {
        this.here = here;
        this.products = products;
        this.database = database;
        this.cards = cards;
        this.checkIns = checkIns;
        this.members = members;
        this.clock = clock;
    }

    /**
     * Makes the products, the top-up ladder and the cards of {@code memberCount} demo members (numbered as
     * {@link DemoData} numbers them); a shop gets none. Progress is counted in members gone through; it stops
     * between members when cancelled.
     */
    public Made make(Business business, int memberCount, long seed, Progress progress) {
        return make(business, memberCount, seed, List.of(), progress);
    }

    /**
     * The same for a chain's demo: {@code stores} as {@link DemoData#storeNames} names them (empty or one: a single
     * shop). A holder's cards are sold, topped up and used in their home store ({@link DemoData#homeStore}), so
     * the cards are spread among the stores as the members are; this computer's store is as it was afterwards.
     */
    public Made make(Business business, int memberCount, long seed, List<Store> stores, Progress progress) {
        if (business == Business.SHOP) {
            return Made.NONE;
        }
        // Thousands of small transactions, each on a connection of its own: when the last connection to the file
        // closes, SQLite checkpoints the WAL into the database and deletes it (a sync of the disk each time). One
        // idle connection held open meanwhile lets the WAL simply grow, checkpointed now and then as usual.
        try (Connection keepsTheWal = database.connect()) {
            return made(business, memberCount, seed, stores, progress);
        } catch (SQLException e) {
            throw new DataException("cannot keep the demo database open: " + e.getMessage(), e);
        }
    }

    private Made made(Business business, int memberCount, long seed, List<Store> stores, Progress progress) {
        random = new SplittableRandom(seed ^ 0x5EED_CA4DL);
        now = LocalDateTime.now(clock);
        made = 0;
        renewals = 0;
        freezes = 0;
        refunds = 0;
        visits = 0;
        Plan plan = business == Business.GYM ? gymProducts() : scenicProducts();
        products.setTopupSteps(plan.ladder());
        double share = business == Business.GYM ? 0.40 : 0.15;
        double pick = Math.min(share, (double) MAX_HOLDERS / memberCount);
        for (int i = 1; i <= memberCount && !progress.cancelled(); i++) {
            if (i % 100 == 0) {
                progress.report(i, memberCount, made);
            }
            if (random.nextDouble() >= pick) {
                continue;
            }
            Member member = members.byNumber(String.format("M%08d", i)).orElse(null);
            if (member == null) {
                continue;
            }
            if (stores.size() < 2) {
                holder(business, plan, member);
                continue;
            }
            Store before = here.current();
            here.become(stores.get(DemoData.homeStore(seed, i, stores.size())));
            try {
                holder(business, plan, member);
            } finally {
                here.become(before);
            }
        }
        return new Made(plan.passes().size() + 1, made, renewals, freezes, refunds, visits);
    }

    private Plan gymProducts() {
        long month = product(CardKind.PERIOD, "月卡", 39_900, 0, null, 30, null, 2, 14);
        long quarter = product(CardKind.PERIOD, "季卡", 99_900, 0, null, 90, null, 2, 21);
        long year = product(CardKind.PERIOD, "年卡", 298_000, 0, null, 365, null, 3, 30);
        long coach = product(CardKind.SESSIONS, "私教课10节", 300_000, 0, 10, 180, null, 0, 0);
        long stored = product(CardKind.STORED_VALUE, "充1000送200", 100_000, 20_000, null, null, null, 0, 0);
        Map<Long, Long> ladder = new TreeMap<>(Map.of(50_000L, 5_000L, 100_000L, 15_000L, 200_000L, 40_000L));
        return new Plan(List.of(month, quarter, year, coach), List.of(45, 25, 12, 18), stored, ladder);
    }

    private Plan scenicProducts() {
        long year = product(CardKind.PERIOD, "年卡", 19_800, 0, null, 365, 1, 0, 0);
        long family = product(CardKind.PERIOD, "家庭年卡", 49_800, 0, null, 365, 4, 0, 0);
        long five = product(CardKind.SESSIONS, "次卡 5 次", 40_000, 0, 5, 365, null, 0, 0);
        long stored = product(CardKind.STORED_VALUE, "充500送50", 50_000, 5_000, null, null, null, 0, 0);
        Map<Long, Long> ladder = new TreeMap<>(Map.of(30_000L, 2_000L, 50_000L, 5_000L, 100_000L, 12_000L));
        return new Plan(List.of(year, family, five), List.of(60, 25, 15), stored, ladder);
    }

    private long product(CardKind kind, String name, long price, long bonus, Integer sessions, Integer days,
                         Integer perDay, int maxFreezes, int maxFreezeDays) {
        return products.addProduct(CardProduct.draft(kind, name, price, bonus, sessions, days, perDay, maxFreezes,
                maxFreezeDays, true, false));
    }

    /** One member's cards: a first card some day after joining, then renewals until they stop. */
    private void holder(Business business, Plan plan, Member member) {
        LocalDate yesterday = now.toLocalDate().minusDays(1);
        LocalDate joined = member.details().joinDate();
        if (joined == null || !joined.isBefore(yesterday)) {
            return;
        }
        LocalDate first = joined.plusDays(random.nextLong(ChronoUnit.DAYS.between(joined, yesterday) + 1));
        boolean storedValue = random.nextInt(100) < (business == Business.GYM ? 20 : 10)
                && storedValue(plan, member, joined, first);
        long product = plan.passes().get(weighted(plan.passWeights()));
        LocalDateTime at = daytime(first);
        boolean renewal = false;
        while (at != null) {
            Card card;
            try {
                card = sell(member, product, storedValue, at);
            } catch (ValidationException refused) {
                // a rule said no (it should not): the demo just ends this member's story here
                return;
            }
            made++;
            if (renewal) {
                renewals++;
            }
            at = use(business, member, card, yesterday);
            if (at != null && random.nextInt(100) < 8) {
                product = plan.passes().get(weighted(plan.passWeights()));
            }
            renewal = at != null;
        }
    }

    /**
     * The card's life: a freeze now and then, the visits, a refund (rarely); returns when the member buys the next
     * card, or null when they do not (or not before today).
     */
    private LocalDateTime use(Business business, Member member, Card card, LocalDate yesterday) {
        LocalDate refundOn = null;
        if (random.nextInt(100) < (business == Business.GYM ? 3 : 2)) {
            refundOn = card.validFrom().plusDays(5 + random.nextInt(25));
        }
        Card current = card;
        if (card.kind() == CardKind.PERIOD && business == Business.GYM && random.nextInt(100) < 12) {
            current = freeze(card, yesterday);
        }
        LocalDate end = current.validTo();
        LocalDate lastVisitDay = min(min(end, yesterday), refundOn == null ? end : refundOn.minusDays(1));
        LocalDate usedUp = visits(business, member, current, lastVisitDay);
        if (refundOn != null && !refundOn.isAfter(yesterday) && !refundOn.isAfter(end) && usedUp == null) {
            try {
                cards.refund(current.cardNo(), "搬家，不再来了", PayMethod.CASH, "demo", daytime(refundOn));
                refunds++;
            } catch (ValidationException refused) {
                // e.g. nothing left to give back: the member keeps the card
            }
            return null;
        }
        if (random.nextInt(100) >= (business == Business.GYM ? 52 : 46)) {
            return null;
        }
        // renewers buy from three weeks before the end to ten days after it (or after the last session)
        LocalDate ends = usedUp != null ? usedUp : end;
        LocalDate next = ends.plusDays(random.nextInt(31) - 20);
        if (next.isBefore(current.validFrom().plusDays(1))) {
            next = current.validFrom().plusDays(1);
        }
        return next.isAfter(yesterday) ? null : daytime(next);
    }

    private Card freeze(Card card, LocalDate yesterday) {
        long span = ChronoUnit.DAYS.between(card.validFrom(), card.validTo());
        LocalDate from = card.validFrom().plusDays(random.nextLong(Math.max(1, span / 2)));
        if (from.isAfter(yesterday)) {
            return card;
        }
        int days = 7 + random.nextInt(8);
        try {
            Card frozen = cards.freeze(card.cardNo(), days, from, random.nextBoolean() ? "出差" : "受伤休养", "demo",
                    from.atTime(9, 0));
            freezes++;
            return frozen;
        } catch (ValidationException refused) {
            return card;
        }
    }

    /**
     * The member's check-ins with this card up to {@code last}: gym passes 2–3 a week (the last weeks only),
     * personal training 1–2 sessions a week, scenic cards a few a year. Returns the day the last session was used,
     * or null. A refused check-in (a frozen day) records nothing, as at the counter.
     */
    private LocalDate visits(Business business, Member member, Card card, LocalDate last) {
        LocalDate from = card.validFrom();
        if (card.kind() == CardKind.PERIOD && business == Business.GYM) {
            LocalDate window = now.toLocalDate().minusWeeks(GYM_VISIT_WEEKS);
            from = from.isBefore(window) ? window : from;
        }
        List<LocalDate> days = new ArrayList<>();
        if (business == Business.GYM) {
            int perWeek = card.kind() == CardKind.SESSIONS ? 1 : 2;
            for (LocalDate week = from; !week.isAfter(last); week = week.plusWeeks(1)) {
                int times = perWeek + random.nextInt(2);
                int offset = 0;
                for (int t = 0; t < times; t++) {
                    offset += 1 + random.nextInt(3);
                    days.add(week.plusDays(Math.min(6, offset - 1)));
                }
            }
        } else {
            for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
                // about 6 a year, more at weekends
                int chance = day.getDayOfWeek().getValue() >= 6 ? 30 : 8;
                if (random.nextInt(1_000) < chance) {
                    days.add(day);
                }
            }
        }
        for (LocalDate day : days) {
            if (day.isAfter(last)) {
                break;
            }
            try {
                CheckIns.CheckedIn in = checkIns.checkIn(member.memberNo(), card.cardNo(),
                        day.atTime(7 + random.nextInt(14), random.nextInt(60)));
                visits++;
                if (in.card().sessionsLeft() != null && in.card().sessionsLeft() == 0) {
                    return day;
                }
            } catch (ValidationException refused) {
                // frozen that day, or already in today: nothing recorded
            }
        }
        return null;
    }

    /** Sells the card; a member with stored value pays from it first, and the rest (or all, once spent) by phone. */
    private Card sell(Member member, long product, boolean storedValue, LocalDateTime at) {
        if (storedValue && random.nextInt(100) < 70) {
            try {
                return cards.sell(member.id(), product, Pay.of("stored-value+wechat"), null, at).card();
            } catch (ValidationException spent) {
                // the balance is used up: paid otherwise, as at the counter
            }
        }
        return cards.sell(member.id(), product, pay(), null, at).card();
    }

    /**
     * A stored-value package bought up to four months before the first pass (not before joining), sometimes topped
     * up before that pass; all of it before the passes it pays for.
     */
    private boolean storedValue(Plan plan, Member member, LocalDate joined, LocalDate first) {
        long room = ChronoUnit.DAYS.between(joined, first);
        LocalDate day = first.minusDays(random.nextLong(Math.min(120, room) + 1));
        try {
            String card = cards.sell(member.id(), plan.storedValue(), pay(), null, day.atTime(9, 0)).card().cardNo();
            made++;
            long gap = ChronoUnit.DAYS.between(day, first);
            if (gap > 1 && random.nextInt(100) < 40) {
                long[] amounts = {50_000, 100_000, 200_000};
                cards.topup(card, amounts[random.nextInt(amounts.length)], pay().first(),
                        daytime(day.plusDays(1 + random.nextLong(gap - 1))));
            }
            return true;
        } catch (ValidationException refused) {
            return false;
        }
    }

    private Pay pay() {
        int pick = random.nextInt(100);
        PayMethod method = pick < 45 ? PayMethod.WECHAT : pick < 75 ? PayMethod.ALIPAY : pick < 90 ? PayMethod.CASH
                : PayMethod.BANK_CARD;
        return new Pay(method, null);
    }

    /** A time in opening hours on that day, never later than now. */
    private LocalDateTime daytime(LocalDate day) {
        LocalDateTime time = day.atTime(9 + random.nextInt(11), random.nextInt(60));
        return time.isAfter(now) ? now : time;
    }

    private int weighted(List<Integer> weights) {
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.size(); i++) {
            pick -= weights.get(i);
            if (pick < 0) {
                return i;
            }
        }
        return weights.size() - 1;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
