package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.Pay;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PayMethod;

/** {@code report} with cards and visits: the new keys after the old ones, in the command's exact output. */
class CardsReportCommandTest {
    @TempDir
    Path folder;

    @Test
    void reportAddsRenewalRateCashInByMethodVisitsAndVisitors() {
        AppContext app = TestDatabase.open(folder);
        Member wang = app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
        long week = app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "周卡", 10_000, 0, null, 7, null, 0,
                0, true, false));
        // 周卡 11-01 … 11-07 in cash, renewed 11-06 by WeChat (11-08 … 11-14); three visits, one member
        app.cards().sell(wang.id(), week, Pay.CASH, null, LocalDateTime.of(2026, 11, 1, 9, 0));
        app.cards().sell(wang.id(), week, new Pay(PayMethod.WECHAT, null), null,
                LocalDateTime.of(2026, 11, 6, 9, 0));
        for (int day : new int[] {2, 3, 9}) {
            app.checkIns().checkIn("A1", null, LocalDateTime.of(2026, 11, day, 18, 0));
        }

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err), "--db",
                folder.resolve("test.db").toString(), "report", "--from", "2026-11-01", "--to", "2026-11-10",
                "--json");
        assertEquals(0, code, err.toString());
        // ended 11-01 … 11-10: the first 周卡 (11-07), renewed → 1.0; the second ends 11-14, after the period.
        // Money: 10,000 cash + 10,000 WeChat. Two purchases by one buyer, who is also the one visitor.
        assertEquals("{\"new_members\":0,\"active_members\":1,\"new_buyers\":1,\"returning_members\":0,"
                + "\"purchases\":2,\"revenue_cents\":20000,\"avg_order_cents\":10000,\"repurchase_rate\":1.0,"
                + "\"paid_conversion\":null,\"retention\":{\"d1\":0.0,\"d3\":0.0,\"d7\":1.0,\"d30\":null},"
                + "\"renewal_rate\":1.0,\"cash_in_cents\":20000,\"cash_in_by_method\":{\"cash\":10000,"
                + "\"wechat\":10000},\"visits\":3,\"visitors\":1}", out.toString().strip());
    }
}
