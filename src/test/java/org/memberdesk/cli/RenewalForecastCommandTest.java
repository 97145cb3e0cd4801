package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.Json;

/** {@code renewal-forecast} end to end on a file database; today is 2026-11-22. */
class RenewalForecastCommandTest {
    @TempDir
    Path folder;
    AppContext app;
    long month;
    long week;

    record Run(int exit, String out, String err) {
        Map<String, Object> json() {
            return Json.readObject(out);
        }
    }

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
        month = app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "月卡", 30_000, 0, null, 30, null, 0, 0,
                true, false));
        week = app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "周卡", 10_000, 0, null, 7, null, 0, 0,
                true, false));
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = folder.resolve("test.db").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(exit, out.toString().strip(), err.toString().strip());
    }

    @Test
    void item6_aSeriesByHandGivesAlphaBetaAndFiveProjectedPeriods() {
        Run run = run("renewal-forecast", "--survivors", "1000,631,468,382,326,289,262,241", "--json");
        assertEquals(0, run.exit(), run.err());
        Map<String, Object> json = run.json();
        assertEquals(List.of("alpha", "beta", "projected"), List.copyOf(json.keySet()).subList(0, 3));
        assertEquals(0.704, ((Number) json.get("alpha")).doubleValue(), 0.001);
        assertEquals(1.182, ((Number) json.get("beta")).doubleValue(), 0.001);
        List<?> projected = (List<?>) json.get("projected");
        assertEquals(5, projected.size());
        // 1000 · S(8) at α = 0.704, β = 1.182: 220.1
        assertEquals(220.1, ((Number) projected.get(0)).doubleValue(), 0.5);
        assertEquals(7, ((Number) json.get("periods")).intValue());
    }

    @Test
    void item6_aProductsHistoryIsForecastAndWithoutHistoryRefused() {
        // 5 members first buy the 月卡 on 1 Aug (1–30 Aug): 2 stop; 1 renews on 28 Aug (31 Aug – 29 Sep) and stops;
        // 2 renew on 28 Aug and 27 Sep (30 Sep – 29 Oct, renewal still open until 28 Nov) → [5, 3, 2]:
        // P(T=1) = 2/5 = α/(α+β), P(T=2) = 1/5 = 0.4 · β/(α+β+1) → α = 2, β = 3; projected 5 · S(3) = 5 · 2/7
        LocalDateTime[][] buys = {{at(8, 1)}, {at(8, 1)}, {at(8, 1), at(8, 28)}, {at(8, 1), at(8, 28), at(9, 27)},
                {at(8, 1), at(8, 28), at(9, 27)}};
        for (int i = 0; i < buys.length; i++) {
            long member = app.members().add(TestDatabase.member("R" + i, "会员" + i, "1390000000" + i)).id();
            for (LocalDateTime time : buys[i]) {
                app.cards().sell(member, month, Pay.CASH, null, time);
            }
        }
        Run run = run("renewal-forecast", "--product", String.valueOf(month), "--json");
        assertEquals(0, run.exit(), run.err());
        Map<String, Object> json = run.json();
        assertEquals(2.0, ((Number) json.get("alpha")).doubleValue(), 0.001);
        assertEquals(3.0, ((Number) json.get("beta")).doubleValue(), 0.001);
        assertEquals(5 * 2.0 / 7, ((Number) ((List<?>) json.get("projected")).get(0)).doubleValue(), 0.001);
        assertEquals(List.of(5, 3, 2), ((List<?>) json.get("survivors")).stream()
                .map(n -> ((Number) n).intValue()).toList());
        assertEquals("月卡", json.get("product"));

        Run none = run("renewal-forecast", "--product", String.valueOf(week), "--json");
        assertEquals(3, none.exit());
        assertEquals("", none.out());
        assertTrue(none.err().startsWith("error: No cohort has been observed for a whole period"), none.err());
        Run unknown = run("renewal-forecast", "--product", "999", "--json");
        assertEquals(3, unknown.exit());
        assertTrue(unknown.err().contains("999") && unknown.err().contains("not a pass"), unknown.err());
        assertEquals(3, run("renewal-forecast", "--survivors", "100", "--json").exit());
    }

    @Test
    void item6_usageErrorsExitTwoWithTheReason() {
        assertEquals(2, run("renewal-forecast", "--json").exit());
        assertEquals(2, run("renewal-forecast", "--survivors", "10,5", "--product", "1", "--json").exit());
        Run growing = run("renewal-forecast", "--survivors", "100,80,90", "--json");
        assertEquals(2, growing.exit());
        assertTrue(growing.err().contains("never grow") && growing.err().contains("80 then 90"), growing.err());
        Run negative = run("renewal-forecast", "--survivors", "100,-5", "--json");
        assertEquals(2, negative.exit());
        assertTrue(negative.err().contains("negative"), negative.err());
        Run words = run("renewal-forecast", "--survivors", "100,八十", "--json");
        assertEquals(2, words.exit());
        assertTrue(words.err().contains("whole numbers"), words.err());
        assertEquals(2, run("renewal-forecast", "--product", "abc", "--json").exit());
    }

    @Test
    void item6_withoutJsonEveryValueIsReadable() {
        Run run = run("renewal-forecast", "--survivors", "10,6,4");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("survivors: [10,6,4]"), run.out());
    }

    @Test
    void item6_helpListsTheOptionsWithAnExample() {
        Run help = run("renewal-forecast", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--survivors") && help.out().contains("--product")
                && help.out().contains("renewal-forecast --survivors 1000,631,468"), help.out());
    }

    static LocalDateTime at(int month, int day) {
        return LocalDateTime.of(2026, month, day, 10, 0);
    }
}
