package org.memberdesk.cards;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberStore;
import org.memberdesk.members.Phones;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

/**
 * Check-in (签到/核销): the member found by phone, the last 4 digits, member number or a scanned card code; one
 * session used or a pass shown (valid today, not frozen, under the day's limit); a visit recorded. A refused
 * check-in records nothing and says why in one line the cashier can read aloud. The guarded update of the card's
 * sessions (never below zero) and SQLite's one writer at a time make two counters using a card's last session at
 * once give exactly one visit. The visit and the card's entry carry the staff who served; each check-in is one
 * operation log entry (sessions left before → after). A card of a product limited to one store lets in at that store
 * only ({@link StoreLimit}); the visit belongs to this computer's store.
 */
public final class CheckIns {
    private final Database database;
    private final CardStore store;
    private final MemberStore members;
    private final CardService cards;

    private final CardChanges changes;

    private final VisitStore visits;
    private final StaffSession session;
    private final OperationLog log;
    private final StoreLimit storeLimit;

    public CheckIns(Database database, CardStore store, VisitStore visits, MemberStore members, CardService cards,
                    CardChanges changes, StaffSession session, OperationLog log, StoreLimit storeLimit) {
        this.storeLimit = storeLimit;
        this.session = session;
        this.log = log;
        this.visits = visits;
        this.changes = changes;
        this.database = database;
        this.store = store;
        this.members = members;
        this.cards = cards;
    }

    /** A check-in made: the visit, the member, the card as it is now (sessions left, valid to). */
    public record CheckedIn(long visitId, Member member, Card card, LocalDateTime time) {
    }

    /**
     * Checks in whoever {@code who} names, with {@code cardNo} (null: the card that can be used today, the one
     * ending first). Refused (ValidationException, nothing stored) with the reason.
     */
    public CheckedIn checkIn(String who, String cardNo, LocalDateTime at) {
        session.require(Permission.CHECK_IN);
        LocalDateTime when = cards.when(at);
        return database.write(connection -> {
            Found found = find(connection, who);
            List<Card> candidates = new ArrayList<>();
            if (cardNo != null && !cardNo.isBlank()) {
                Card card = store.byNumber(connection, cardNo.strip().toUpperCase(Locale.ROOT))
                        .filter(c -> c.memberId() == found.member.id())
                        .orElseThrow(() -> new ValidationException(Problem.of("card", "card.checkin.notTheirs",
                                cardNo.strip(), found.member.name())));
                candidates.add(card);
            } else if (found.card != null) {
                candidates.add(found.card);
            } else {
                store.forMember(connection, found.member.id()).stream()
                        .filter(card -> card.kind() != CardKind.STORED_VALUE)
                        .forEach(candidates::add);
            }
            LocalDate today = when.toLocalDate();
            Problem firstRefusal = null;
            candidates.sort(Comparator.comparing(Card::validTo, Comparator.nullsLast(Comparator.naturalOrder())));
            for (Card card : candidates) {
                Problem refusal = refusal(connection, card, today);
                if (refusal == null) {
                    return use(connection, found.member, card, when);
                }
                if (firstRefusal == null || !card.refunded()) {
                    firstRefusal = refusal;
                }
            }
            throw new ValidationException(firstRefusal != null ? firstRefusal
                    : Problem.of("card", "card.checkin.noCard", found.member.name()));
        });
    }

    private CheckedIn use(Connection connection, Member member, Card card, LocalDateTime when) throws SQLException {
        Long staffId = session.staffId();
        long storeId = storeLimit.storeHere();
        long visit = visits.insertVisit(connection, member.id(), card.id(), when, staffId, storeId);
        changes.changed(connection, "visit " + visit);
        if (card.kind() == CardKind.SESSIONS) {
            if (!store.addEntry(connection, new CardStore.Entry(card.id(), when, "visit", 0, 0, -1, null, visit,
                    null, staffId, storeId))) {
                throw new ValidationException(Problem.of("card", "card.checkin.usedUp", card.productName()));
            }
            if (card.sessionsLeft() == 1) {
                store.setUsedUp(connection, card.id(), when.toLocalDate());
            }
        }
        Card after = store.byId(connection, card.id()).orElseThrow();
        log.record(connection, CardLog.checkIn(card, after));
        return new CheckedIn(visit, member, after, when);
    }

    /** Why this card cannot be used today, in the cashier's words; null when it can. */
    private Problem refusal(Connection connection, Card card, LocalDate today) throws SQLException {
        String name = card.productName();
        if (card.kind() == CardKind.STORED_VALUE) {
            return Problem.of("card", "card.checkin.storedValue", name);
        }
        if (card.refunded()) {
            return Problem.of("card", "card.checkin.refunded", name);
        }
        Problem elsewhere = storeLimit.refusal(connection, card);
        if (elsewhere != null) {
            return elsewhere;
        }
        if (today.isBefore(card.validFrom())) {
            return Problem.of("card", "card.checkin.notStarted", name, card.validFrom().getMonthValue(),
                    card.validFrom().getDayOfMonth(), card.validFrom().toString());
        }
        if (today.isAfter(card.validTo())) {
            return Problem.of("card", "card.checkin.expired", name, card.validTo().getMonthValue(),
                    card.validTo().getDayOfMonth(), card.validTo().toString());
        }
        if (card.frozenOn(today)) {
            return Problem.of("card", "card.checkin.frozen", name, card.frozenTo().getMonthValue(),
                    card.frozenTo().getDayOfMonth(), card.frozenTo().toString());
        }
        if (card.kind() == CardKind.SESSIONS && card.sessionsLeft() != null && card.sessionsLeft() <= 0) {
            return Problem.of("card", "card.checkin.usedUp", name);
        }
        if (card.perDay() != null) {
            int already = visits.visitsOn(connection, card.id(), today);
            if (already >= card.perDay()) {
                return Problem.of("card", "card.checkin.dailyLimit", already, card.perDay());
            }
        }
        return null;
    }

    private record Found(Member member, Card card) {
    }

    /** The member (and card, for a card code) that what was typed or scanned names. */
    private Found find(Connection connection, String who) throws SQLException {
        String typed = who == null ? "" : who.strip();
        if (typed.isEmpty()) {
            throw new ValidationException(Problem.of("who", "card.checkin.nobody"));
        }
        String upper = typed.toUpperCase(Locale.ROOT);
        if (upper.matches("C\\d{6,}")) {
            Optional<Card> card = store.byNumber(connection, upper);
            if (card.isPresent()) {
                return new Found(members.findById(connection, card.get().memberId()).orElseThrow(), card.get());
            }
        }
        Optional<Member> byNumber = members.findByNumber(connection, upper);
        if (byNumber.isPresent()) {
            return new Found(byNumber.get(), null);
        }
        String digits = typed.replace(" ", "").replace("-", "");
        Optional<String> phone = Phones.normalize(digits);
        if (phone.isPresent()) {
            Optional<Member> byPhone = members.findByPhone(connection, phone.get());
            if (byPhone.isPresent()) {
                return new Found(byPhone.get(), null);
            }
        }
        if (digits.matches("\\d{4}")) {
            List<Long> ids = members.idsByPhoneEnding(connection, digits, 3);
            if (ids.size() == 1) {
                return new Found(members.findById(connection, ids.get(0)).orElseThrow(), null);
            }
            if (ids.size() > 1) {
                throw new ValidationException(Problem.of("who", "card.checkin.ambiguous", digits));
            }
        }
        throw new ValidationException(Problem.of("who", "card.checkin.notFound", typed));
    }
}
