package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Json;
import org.memberdesk.predictions.BgNbd;
import org.memberdesk.predictions.PredictionModel;
import org.memberdesk.predictions.TimeUnit;

/**
 * {@code predict}, {@code predict member} and rules given a date, end to end on the CDNOW sample (2,357 customers,
 * imported once through the import commands) with the published figures: Fader, Hardie &amp; Lee (2005), BTYD's
 * walkthrough, {@code lifetimes}' tests. The clock is TestDatabase's 2026-11-22.
 */
class PredictCommandsTest {
    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    @TempDir
    static Path folder;
    static Path db;
    static AppContext app;

    record Run(int code, String out, String err) {
        Map<String, Object> json() {
            return Json.readObject(out);
        }
    }

    @BeforeAll
    static void importCdnow() throws IOException {
        db = folder.resolve("cdnow.db");
        assertEquals(0, run(db, "import-members", copy("members.csv").toString(), "--json").code());
        assertEquals(0, run(db, "import-purchases", copy("purchases.csv").toString(), "--json").code());
        // one more member, joined but never a buyer
        Path late = folder.resolve("late.csv");
        Files.writeString(late, "member_no,name,join_date\nC9999,Never bought,1997-01-01\n");
        assertEquals(0, run(db, "import-members", late.toString(), "--json").code());
        app = new AppContext(org.memberdesk.db.Database.open(db), TestDatabase.clock());
    }

    private static Path copy(String name) throws IOException {
        Path file = folder.resolve(name);
        try (InputStream in = PredictCommandsTest.class.getResourceAsStream("/cdnow/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    static Run run(Path database, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = database.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(code, out.toString().strip(), err.toString().strip());
    }

    static Run run(String... args) {
        return run(db, args);
    }

    private static double number(Map<String, Object> json, String key) {
        return ((Number) json.get(key)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> part(Map<String, Object> json, String key) {
        return (Map<String, Object>) json.get(key);
    }

    @Test
    void finding6_predictAsOfPrintsThePublishedCdnowParameters() {
        Run fit = run("predict", "--as-of", "1997-09-30", "--json");
        assertEquals(0, fit.code(), fit.err());
        Map<String, Object> json = fit.json();
        // the keys first, in its order
        assertEquals(List.of("buyers", "repeat_buyers", "bgnbd", "gamma_gamma"),
                List.copyOf(json.keySet()).subList(0, 4));
        assertEquals(2357, number(json, "buyers"));
        assertEquals(946, number(json, "repeat_buyers"));
        Map<String, Object> bgnbd = part(json, "bgnbd");
        assertEquals(List.of("r", "alpha", "a", "b", "log_likelihood"), List.copyOf(bgnbd.keySet()));
        // Fader, Hardie & Lee (2005), BTYD: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.43
        assertEquals(0.243, number(bgnbd, "r"), 0.001);
        assertEquals(4.414, number(bgnbd, "alpha"), 0.001);
        assertEquals(0.793, number(bgnbd, "a"), 0.001);
        assertEquals(2.426, number(bgnbd, "b"), 0.001);
        assertEquals(-9582.43, number(bgnbd, "log_likelihood"), 0.01);
        // Fader, Hardie & Lee (2005b), lifetimes: p = 6.25, q = 3.74, v = 15.45 on the 946 repeat buyers
        Map<String, Object> spend = part(json, "gamma_gamma");
        assertEquals(List.of("p", "q", "v"), List.copyOf(spend.keySet()));
        assertEquals(6.25, number(spend, "p"), 0.01);
        assertEquals(3.74, number(spend, "q"), 0.01);
        assertEquals(15.45, number(spend, "v"), 0.01);
        assertEquals("1997-09-30", json.get("as_of"));
        assertEquals("week", json.get("unit"));
        assertEquals(true, json.get("converged"));
        assertNull(json.get("spend_note"));
        // kept as the model of that date
        PredictionModel kept = app.predictions().model(CALIBRATION_END, TimeUnit.WEEK).orElseThrow();
        assertEquals(number(bgnbd, "r"), kept.bgnbd().r());

        Run words = run("predict", "--as-of", "1997-09-30");
        assertEquals(0, words.code(), words.err());
        assertTrue(words.out().startsWith("Model as of 1997-09-30, in weeks: 2357 buyers, 946 of them repeat buyers."),
                words.out());
    }

    @Test
    void finding6_predictMemberC1516OverFiftyTwoWeeks() {
        Run c1516 = run("predict", "member", "C1516", "--as-of", "1997-09-30", "--horizon-days", "364", "--json");
        assertEquals(0, c1516.code(), c1516.err());
        Map<String, Object> json = c1516.json();
        assertEquals(List.of("p_alive", "expected_purchases", "expected_spend_cents", "clv_cents"),
                List.copyOf(json.keySet()).subList(0, 4));
        // x = 26, t_x = 30.857, T = 31.0 weeks: BTYD 0.9688523 and 25.75659 at its parameters (these differ from
        // BTYD's in the 4th digit; BTYD also truncates its 2F1 series)
        assertEquals(0.9689, number(json, "p_alive"), 1e-4);
        assertEquals(25.757, number(json, "expected_purchases"), 0.002);
        assertEquals(26, number(json, "frequency"));
        assertEquals(216, number(json, "recency_days"));
        assertEquals(217, number(json, "age_days"));
        // CLV = spend per purchase × expected purchases, in cents half up (±1 for the rounding of the spend)
        long spend = ((Number) json.get("expected_spend_cents")).longValue();
        long clv = ((Number) json.get("clv_cents")).longValue();
        assertEquals(spend * number(json, "expected_purchases"), clv, number(json, "expected_purchases"));
        // a discount of 1% a month takes something off the year's value, less than 12%
        Map<String, Object> discounted = run("predict", "member", "C1516", "--as-of", "1997-09-30",
                "--monthly-discount", "0.01", "--json").json();
        long year = ((Number) run("predict", "member", "C1516", "--as-of", "1997-09-30", "--json").json()
                .get("clv_cents")).longValue();
        long less = ((Number) discounted.get("clv_cents")).longValue();
        assertTrue(less < year && less > 0.88 * year, less + " vs " + year);
    }

    @Test
    void finding6_predictMemberRefusesWhatItCannotAnswer() {
        // unknown member: as every command that takes a member number (exit 1)
        Run unknown = run("predict", "member", "C0000X", "--as-of", "1997-09-30", "--json");
        assertEquals(new Run(1, "", "error: no such member: C0000X"), unknown);
        // a member with no purchase by the model's date
        Run never = run("predict", "member", "C9999", "--as-of", "1997-09-30", "--json");
        assertEquals(new Run(3, "", "error: Member C9999 had made no purchase by 1997-09-30, so the model has nothing"
                + " to say about them yet."), never);
        assertEquals(2, run("predict", "member", "C1516", "--horizon-days", "0", "--json").code());
        assertEquals(2, run("predict", "member", "C1516", "--monthly-discount", "-0.1", "--json").code());
        assertEquals(2, run("predict", "--unit", "month", "--json").code());
    }

    @Test
    void finding6_aFutureDateIsRefused() {
        // today is 2026-11-22
        Run future = run("predict", "--as-of", "2026-11-23", "--json");
        assertEquals(new Run(3, "", "error: A model cannot be fitted as of 2026-11-23, a date after today."), future);
        assertEquals(3, run("predict", "member", "C1516", "--as-of", "2026-11-23", "--json").code());
        assertEquals(3, run("segment", "--rule", "p_alive < 0.3", "--as-of", "2026-11-23", "--json").code());
        assertTrue(app.predictions().model(LocalDate.of(2026, 11, 23), TimeUnit.WEEK).isEmpty());
    }

    @Test
    void finding5_aThreeMemberShopIsRefusedWithTheReason() throws IOException {
        Path small = Files.createDirectories(folder.resolve("small"));
        Path members = small.resolve("members.csv");
        Files.writeString(members, "member_no,name,join_date\nA,A,2026-01-10\nB,B,2026-01-10\nC,C,2026-01-10\n");
        Path purchases = small.resolve("purchases.csv");
        // A buys on three days, B on two, C on one: two repeat buyers, far below 50
        Files.writeString(purchases, """
                purchase_no,member_no,time,item,amount
                P1,A,2026-02-01 10:00:00,咖啡,30.00
                P2,A,2026-03-01 10:00:00,咖啡,30.00
                P3,A,2026-04-01 10:00:00,咖啡,30.00
                P4,B,2026-02-01 10:00:00,咖啡,30.00
                P5,B,2026-05-01 10:00:00,咖啡,30.00
                P6,C,2026-02-01 10:00:00,咖啡,30.00
                """);
        Path smallDb = small.resolve("small.db");
        assertEquals(0, run(smallDb, "import-members", members.toString(), "--json").code());
        assertEquals(0, run(smallDb, "import-purchases", purchases.toString(), "--json").code());
        String reason = "error: Only 2 members have bought on more than one day; the models need at least 50 such"
                + " repeat buyers to say anything reliable, so no prediction was made.";
        assertEquals(new Run(3, "", reason), run(smallDb, "predict", "--json"));
        assertEquals(new Run(3, "", reason), run(smallDb, "predict", "member", "A", "--json"));
        // a rule on the prediction fields is refused the same way, with or without a date
        assertEquals(new Run(3, "", reason), run(smallDb, "segment", "--rule", "p_alive < 0.3", "--json"));
        assertEquals(new Run(3, "", reason),
                run(smallDb, "segment", "--rule", "p_alive < 0.3", "--as-of", "2026-06-30", "--json"));
        // rules that read no prediction are not affected
        assertEquals(new Run(0, "{\"count\":2}", ""),
                run(smallDb, "segment", "--rule", "purchases >= 2", "--as-of", "2026-06-30", "--json"));
    }

    @Test
    void finding6_segmentAsOfCountsWhatTheModelOfThatDateSays() {
        Map<String, Object> bgnbd = part(run("predict", "--as-of", "1997-09-30", "--json").json(), "bgnbd");
        BgNbd model = new BgNbd(number(bgnbd, "r"), number(bgnbd, "alpha"), number(bgnbd, "a"), number(bgnbd, "b"));
        long expected = countBelow(model, CALIBRATION_END, 0.3);
        assertNotEquals(0, expected);
        assertEquals(new Run(0, "{\"count\":" + expected + "}", ""),
                run("segment", "--rule", "p_alive < 0.3", "--as-of", "1997-09-30", "--json"));
    }

    @Test
    void finding6_anAsOfWithoutAModelFitsThatDatesModel() {
        LocalDate monthEnd = LocalDate.of(1997, 10, 31);
        // a model of an earlier date exists (the rule would otherwise read it), none of this date
        app.predictions().modelOrFit(CALIBRATION_END, TimeUnit.WEEK);
        assertTrue(app.predictions().model(monthEnd, TimeUnit.WEEK).isEmpty());
        Run segment = run("segment", "--rule", "p_alive < 0.3", "--as-of", "1997-10-31", "--json");
        assertEquals(0, segment.code(), segment.err());
        PredictionModel fitted = app.predictions().model(monthEnd, TimeUnit.WEEK).orElseThrow();
        assertEquals("{\"count\":" + countBelow(fitted.bgnbd(), monthEnd, 0.3) + "}", segment.out());
    }

    @Test
    void finding6_aFunnelsStepsReadTheModelOfItsLastDay() {
        LocalDate quarterEnd = LocalDate.of(1997, 3, 31);
        Run funnel = run("funnel", "--from", "1997-01-01", "--to", "1997-03-31", "--steps", "p_alive < 0.5", "--json");
        assertEquals(0, funnel.code(), funnel.err());
        PredictionModel fitted = app.predictions().model(quarterEnd, TimeUnit.WEEK).orElseThrow();
        long expected = countBelow(fitted.bgnbd(), quarterEnd, 0.5);
        assertNotEquals(0, expected);
        // the 2,357 CDNOW customers and C9999 joined in the quarter
        assertEquals("{\"steps\":[{\"name\":\"joined\",\"count\":2358},{\"name\":\"p_alive < 0.5\",\"count\":"
                + expected + "}]}", funnel.out());
    }

    @Test
    void finding5_withoutASpendModelTheNoteSaysWhyInWords() {
        PredictionModel fitted = app.predictions().modelOrFit(CALIBRATION_END, TimeUnit.WEEK);
        Cli cli = new Cli(TestDatabase.clock());
        assertNull(PredictCommands.spendNote(cli, fitted));
        // a spend model that did not converge keeps only its key: the note must not show a bare "{0}"
        PredictionModel noSpend = new PredictionModel(fitted.id(), fitted.asOf(), fitted.unit(), fitted.fittedAt(),
                fitted.buyers(), fitted.repeatBuyers(), fitted.bgnbd(), fitted.logLikelihood(), fitted.evaluations(),
                null, null, null, "predict.notConverged", 365, 0, true);
        assertEquals("The spend model did not settle on its parameters, so it is not used: P(alive) and expected"
                + " purchases are given, value (CLV) is not.", PredictCommands.spendNote(cli, noSpend));
        PredictionModel fewSpenders = new PredictionModel(fitted.id(), fitted.asOf(), fitted.unit(), fitted.fittedAt(),
                fitted.buyers(), fitted.repeatBuyers(), fitted.bgnbd(), fitted.logLikelihood(), fitted.evaluations(),
                null, null, null, "predict.tooFewSpenders", 365, 0, true);
        assertTrue(PredictCommands.spendNote(cli, fewSpenders).startsWith("Fewer than 50 repeat buyers spent more"));
    }

    @Test
    void finding6_theHelpListsEveryOptionWithAnExample() {
        Run predict = run("predict", "--help");
        assertEquals(0, predict.code(), predict.err());
        for (String option : List.of("--as-of", "--unit", "--json", "member", "Examples:",
                "memberdesk predict --as-of 2026-09-30 --unit day --json")) {
            assertTrue(predict.out().contains(option), option + " in:\n" + predict.out());
        }
        Run member = run("predict", "member", "--help");
        assertEquals(0, member.code(), member.err());
        for (String option : List.of("MEMBER_NO", "--as-of", "--unit", "--horizon-days", "--monthly-discount",
                "--json", "e.g. --horizon-days 90", "1% a month", "Examples:",
                "memberdesk predict member M000123 --monthly-discount 0.01 --json")) {
            assertTrue(member.out().contains(option), option + " in:\n" + member.out());
        }
        assertEquals("", member.err());
    }

    /**
     * How many CDNOW customers the model gives P(alive) below a bound at a date, summarised straight from
     * purchases.csv (not through the database): a customer's purchases of one day are one transaction; x = days − 1,
     * t_x = last − first, T = as-of − first, in weeks.
     */
    private static long countBelow(BgNbd model, LocalDate asOf, double bound) {
        Map<String, TreeSet<LocalDate>> days = new TreeMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PredictCommandsTest.class.getResourceAsStream("/cdnow/purchases.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] row = line.split(",");
                LocalDate day = LocalDate.parse(row[2].substring(0, 10));
                if (!day.isAfter(asOf)) {
                    days.computeIfAbsent(row[1], k -> new TreeSet<>()).add(day);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        long count = 0;
        for (TreeSet<LocalDate> buyer : days.values()) {
            int x = buyer.size() - 1;
            double tx = (buyer.last().toEpochDay() - buyer.first().toEpochDay()) / 7.0;
            double age = (asOf.toEpochDay() - buyer.first().toEpochDay()) / 7.0;
            if (model.pAlive(x, tx, age) < bound) {
                count++;
            }
        }
        assertFalse(days.isEmpty());
        return count;
    }
}
