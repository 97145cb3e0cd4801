package org.memberdesk.cards.print;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.memberdesk.common.Counted;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.CardReports;
import org.memberdesk.cards.CardStore;
import org.memberdesk.cards.MemberPhotoStore;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.db.OutputFiles;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberStore;

/**
 * Prints member cards (card size, one per page, the member number as QR and Code128, the member's photo when one
 * was set) and the 续费提醒 list (A4,
 * phones masked) to PDF. The file appears only when complete (written beside it, then moved, through the
 * output guard), so a failed print leaves no half file and never overwrites the database.
 */
public final class CardPrinter {
    /** Cards printed in one go: a card printer's batch; more is a mistake (a pasted column), not a print run. */
    static final int MAX_CARDS = 10_000;

    private final Database database;
    private final MemberStore members;
    private final CardStore cards;
    private final CardReports reports;
    private final MemberPhotoStore photos = new MemberPhotoStore();
    /** The shop's name (Settings), read when printing: ShopProfileService.name. */
    private final Supplier<Optional<String>> shop;
    private final Clock clock;
    private final OutputFiles files;
    private final StaffSession session;
    private final OperationLog log;

    /** Printing is a manager's or the owner's ({@link Permission#PRINT}); each PDF written is one log entry. */
    public CardPrinter(Database database, MemberStore members, CardStore cards, CardReports reports,
                       Supplier<Optional<String>> shop, Clock clock, OutputFiles files, StaffSession session,
                       OperationLog log) {
        this.session = session;
        this.log = log;
        this.database = database;
        this.members = members;
        this.cards = cards;
        this.reports = reports;
        this.shop = shop;
        this.clock = clock;
        this.files = files;
    }

    /** Writes one card per member, in the order given (a number named twice prints twice); returns how many. */
    public int printCards(List<String> memberNos, Path pdf, Messages messages) throws IOException {
        session.require(Permission.PRINT);
        files.check(pdf);
        if (memberNos.isEmpty()) {
            throw new ValidationException(Problem.of("member", "card.print.noMembers"));
        }
        if (memberNos.size() > MAX_CARDS) {
            throw new ValidationException(Problem.of("member", "card.print.tooMany", MAX_CARDS));
        }
        LocalDate today = LocalDate.now(clock);
        List<MemberCardPdf.Face> faces = database.read(connection -> {
            List<MemberCardPdf.Face> found = new ArrayList<>();
            for (String typed : memberNos) {
                String memberNo = typed == null ? "" : typed.strip();
                Member member = members.findByNumber(connection, memberNo).orElseThrow(() ->
                        new ValidationException(Problem.of("member", "card.print.unknownMember", memberNo)));
                found.add(new MemberCardPdf.Face(member.memberNo(), member.name(),
                        summary(cards.forMember(connection, member.id()), today, messages),
                        photos.get(connection, member.id()).orElse(null)));
            }
            return found;
        });
        String shopName = shop.get().orElse("");
        files.write(pdf, out -> new MemberCardPdf(shopName, messages.get("card.print.title")).write(faces, out));
        log.record(OperationLog.Entry.of(Operation.PRINT, faces.size() == 1 ? memberOf(faces) : null,
                String.valueOf(pdf.getFileName()), faces.size() + " member cards: " + numbers(faces)));
        return faces.size();
    }

    /**
     * The cards a member holds, for the card's face: passes and session cards not ended nor refunded (passes of
     * one product bought one after another shown once, to the last day), stored value with a balance; at most
     * two lines, the second saying how many more there are.
     */
    static List<String> summary(List<Card> held, LocalDate today, Messages messages) {
        Map<String, String> lines = new LinkedHashMap<>();
        Map<String, LocalDate> passEnds = new LinkedHashMap<>();
        for (Card card : held) {
            if (card.refunded()) {
                continue;
            }
            switch (card.kind()) {
                case STORED_VALUE -> {
                    if (card.balanceCents() > 0) {
                        lines.put(card.cardNo(), messages.get("card.print.summary.storedValue", card.productName(),
                                Money.display(card.balanceCents())));
                    }
                }
                case SESSIONS -> {
                    if (!card.validTo().isBefore(today) && card.sessionsLeft() != null && card.sessionsLeft() > 0) {
                        lines.put(card.cardNo(), messages.get("card.print.summary.sessions", card.productName(),
                                card.sessionsLeft(), card.validTo().toString()));
                    }
                }
                case PERIOD -> {
                    if (!card.validTo().isBefore(today)) {
                        passEnds.merge(card.productName(), card.validTo(), (a, b) -> a.isAfter(b) ? a : b);
                    }
                }
            }
        }
        List<String> all = new ArrayList<>();
        passEnds.forEach((product, end) -> all.add(messages.get("card.print.summary.period", product,
                end.toString())));
        all.addAll(lines.values());
        if (all.size() <= 2) {
            return all;
        }
        return List.of(all.get(0), messages.get("card.print.summary.more", all.get(1), all.size() - 2));
    }

    /**
     * Writes the 续费提醒 list: the cards {@link CardReports#expiring} finds ending within {@code withinDays} days
     * of {@code asOf} (today when null); returns how many.
     */
    public int printExpiring(int withinDays, LocalDate asOf, Path pdf, Messages messages) throws IOException {
        session.require(Permission.PRINT);
        files.check(pdf);
        if (withinDays < 0 || withinDays > 3660) {
            throw new ValidationException(Problem.of("within", "card.print.within"));
        }
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        List<CardReports.Expiring> rows = reports.expiring(withinDays, day);
        String printed = LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String shopName = shop.get().orElse("");
        ExpiringPdf.Heading heading = new ExpiringPdf.Heading(messages.get("card.print.expiring.title", withinDays,
                day.toString()), shopName, printed);
        files.write(pdf, out -> new ExpiringPdf(messages, heading).write(rows, out));
        log.record(OperationLog.Entry.of(Operation.PRINT, null, String.valueOf(pdf.getFileName()),
                "renewal reminders: " + Counted.of(rows.size(), "card") + " ending within "
                        + Counted.of(withinDays, "day") + " of " + day));
        return rows.size();
    }

    /** The member numbers printed, the first few (the log's summary stays short). */
    private static String numbers(List<MemberCardPdf.Face> faces) {
        List<String> shown = faces.stream().limit(5).map(MemberCardPdf.Face::memberNo).toList();
        return String.join(", ", shown) + (faces.size() > shown.size() ? " …" : "");
    }

    /** One card printed: its member, so the log finds it by member (null otherwise). */
    private Long memberOf(List<MemberCardPdf.Face> faces) {
        return database.read(connection -> members.findByNumber(connection, faces.get(0).memberNo())
                .map(Member::id).orElse(null));
    }
}
