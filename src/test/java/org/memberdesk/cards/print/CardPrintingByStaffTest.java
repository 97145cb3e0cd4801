package org.memberdesk.cards.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.LoggedActions;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Messages;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Role;

/**
 * Issue 18, findings 1 and 2: printing (member cards, the renewal reminder list) is a manager's or the owner's, and
 * each PDF printed is one operation log entry; a cashier is refused and no file is written.
 */
@BothEngines
class CardPrintingByStaffTest {
    @TempDir
    Path folder;

    @Test
    void finding2_aManagersPrintingIsLoggedAndACashierIsRefused() throws Exception {
        AppContext app = TestDatabase.open(folder.resolve("shop"));
        long wang = app.members().add(TestDatabase.member("M1", "王芳", "13812345678")).id();
        Path cards = folder.resolve("cards.pdf");
        Path expiring = folder.resolve("expiring.pdf");

        LoggedActions.become(app, "小王", Role.CASHIER);
        assertThrows(NotAllowedException.class, () -> app.cardPrinter().printCards(List.of("M1"), cards,
                Messages.english()));
        assertThrows(NotAllowedException.class, () -> app.cardPrinter().printExpiring(30, null, expiring,
                Messages.english()));
        assertFalse(Files.exists(cards));
        assertFalse(Files.exists(expiring));
        assertEquals(List.of(), LoggedActions.of(app.database(), "print"));

        LoggedActions.become(app, "店长老陈", Role.MANAGER);
        app.cardPrinter().printCards(List.of("M1"), cards, Messages.english());
        app.cardPrinter().printExpiring(30, null, expiring, Messages.english());

        assertEquals(List.of("店长老陈|print|cards.pdf|1 member cards: M1",
                "店长老陈|print|expiring.pdf|renewal reminders: 0 cards ending within 30 days of 2026-11-22"),
                LoggedActions.of(app.database(), "print"));
        assertEquals(List.of(wang), app.database().read(connection -> {
            try (var statement = connection.prepareStatement(
                    "SELECT member_id FROM operation_log WHERE action = 'print' AND member_id IS NOT NULL");
                 var rs = statement.executeQuery()) {
                List<Long> ids = new java.util.ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids;
            }
        }), "one member's card: found by member in the log");
    }
}
