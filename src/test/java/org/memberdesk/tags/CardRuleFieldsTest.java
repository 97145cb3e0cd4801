package org.memberdesk.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.Pay;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PayMethod;

/**
 * The card and visit fields of the rule language on a small history worked by hand, as of 2026-11-22
 * (TestDatabase's clock) unless a test says otherwise:
 * <ul>
 * <li>A1 王芳: stored value 充1000送200 (11-01); 私教10节 (11-10, 90 days, 2 sessions used 11-18 and 11-20, 8 left);
 * 月卡 30 days bought 11-15 (11-15 … 12-14).</li>
 * <li>A2 李雷: stored value refunded; 私教10节 bought 02-01 (valid 02-01 … 03-02, now ended with 9 left), used 02-02;
 * no pass.</li>
 * <li>A3 周: nothing.</li>
 * </ul>
 */
@BothEngines
class CardRuleFieldsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @TempDir
    Path folder;
    AppContext app;
    Member wang;
    Member li;
    Member zhou;

    static LocalDateTime at(int month, int day) {
        return LocalDateTime.of(2026, month, day, 10, 0);
    }

    @BeforeEach
    void history() {
        app = TestDatabase.open(folder);
        wang = app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
        li = app.members().add(TestDatabase.member("A2", "李雷", "13900001111"));
        zhou = app.members().add(TestDatabase.member("A3", "周", "13700000001"));
        long stored = app.cardProducts().addProduct(CardProduct.draft(CardKind.STORED_VALUE, "充1000送200", 100_000,
                20_000, null, null, null, 0, 0, true, false));
        long tenSessions = app.cardProducts().addProduct(CardProduct.draft(CardKind.SESSIONS, "私教10节", 100_000, 0, 10,
                90, null, 0, 0, true, false));
        long shortSessions = app.cardProducts().addProduct(CardProduct.draft(CardKind.SESSIONS, "体验10节", 10_000, 0, 10,
                30, null, 0, 0, true, false));
        long month = app.cardProducts().addProduct(CardProduct.draft(CardKind.PERIOD, "月卡", 30_000, 0, null, 30, null,
                0, 0, true, false));

        app.cards().sell(wang.id(), stored, Pay.CASH, null, at(11, 1));
        String wangSessions = app.cards().sell(wang.id(), tenSessions, Pay.CASH, null, at(11, 10)).card().cardNo();
        app.cards().sell(wang.id(), month, Pay.CASH, null, at(11, 15));
        app.checkIns().checkIn("A1", wangSessions, at(11, 18));
        app.checkIns().checkIn("A1", wangSessions, at(11, 20));

        String liStored = app.cards().sell(li.id(), stored, Pay.CASH, null, at(11, 1)).card().cardNo();
        app.cards().refund(liStored, "搬家", PayMethod.CASH, "test", at(11, 2));
        app.cards().sell(li.id(), shortSessions, Pay.CASH, null, at(2, 1));
        app.checkIns().checkIn("A2", null, at(2, 2));
    }

    Set<String> matching(String rule, LocalDate asOf) {
        Set<String> numbers = new TreeSet<>();
        Arrays.stream(app.rules().members(Rule.parse(rule), asOf)).forEach(id -> numbers.add(
                app.members().byId(id).orElseThrow().memberNo()));
        return numbers;
    }

    Set<String> matching(String rule) {
        return matching(rule, TODAY);
    }

    @Test
    void storedValueIsPrincipalPlusBonusOfCardsNotRefunded() {
        // wang 1,000 + 200 = ¥1,200; li's card refunded → 0; zhou none → 0
        assertEquals(Set.of("A1"), matching("stored_value = 1200"));
        assertEquals(Set.of("A1"), matching("储值余额 > 1199.99"));
        assertEquals(Set.of("A2", "A3"), matching("stored_value = 0"));
        assertEquals(Set.of(), matching("stored_value > 1200"));
    }

    @Test
    void sessionsLeftCountsValidSessionCardsOnly() {
        // wang 10 − 2 = 8; li's 9 left are on a card that ended 03-02
        assertEquals(Set.of("A1"), matching("sessions_left = 8"));
        assertEquals(Set.of("A2", "A3"), matching("剩余次数 = 0"));
        // as of 02-15 li's card was valid: 9 left (its sessions now, the card valid then)
        assertEquals(Set.of("A2"), matching("sessions_left = 9", LocalDate.of(2026, 2, 15)));
    }

    @Test
    void passDaysLeftCountsTodayAndHasNoValueWithoutAValidPass() {
        // 11-22 … 12-14: 9 days of November (22…30) + 14 of December = 23
        assertEquals(Set.of("A1"), matching("pass_days_left = 23"));
        assertEquals(Set.of("A1"), matching("会员卡剩余天数 between 1 and 30"));
        // without a valid pass no value: the condition is false, its negation true
        assertEquals(Set.of(), matching("pass_days_left = 0"));
        assertEquals(Set.of("A2", "A3"), matching("not pass_days_left >= 0"));
        // as of 11-15, its first day: 16 of November + 14 = 30; as of 12-14, its last day: 1
        assertEquals(Set.of("A1"), matching("pass_days_left = 30", LocalDate.of(2026, 11, 15)));
        assertEquals(Set.of("A1"), matching("pass_days_left = 1", LocalDate.of(2026, 12, 14)));
        assertEquals(Set.of(), matching("pass_days_left >= 1", LocalDate.of(2026, 12, 15)));
    }

    @Test
    void visitsAndDaysSinceLastVisitCountVisitsOnOrBeforeTheDate() {
        assertEquals(Set.of("A1"), matching("visits = 2"));
        assertEquals(Set.of("A1", "A2"), matching("到店次数 >= 1"));
        assertEquals(Set.of("A3"), matching("visits = 0"));
        // wang last came 11-20: 2 days; li 02-02: 26 days of February + 245 (March … October) + 22 = 293
        assertEquals(Set.of("A1"), matching("days_since_last_visit = 2"));
        assertEquals(Set.of("A2"), matching("最近到店天数 = 293"));
        // zhou never came: no value, so neither side of a limit
        assertEquals(Set.of("A1", "A2"), matching("days_since_last_visit >= 0"));
        // as of 11-19 the visit of 11-20 had not happened: wang 1 visit, last 1 day before
        LocalDate before = LocalDate.of(2026, 11, 19);
        assertEquals(Set.of("A1", "A2"), matching("visits = 1", before));
        assertEquals(Set.of("A1"), matching("days_since_last_visit = 1", before));
    }

    @Test
    void theFieldsHaveTheirChineseNamesAndKinds() {
        assertEquals(Field.VISITS, Field.byName("到店次数").orElseThrow());
        assertEquals(Field.DAYS_SINCE_LAST_VISIT, Field.byName("最近到店天数").orElseThrow());
        assertEquals(Field.STORED_VALUE, Field.byName("储值余额").orElseThrow());
        assertEquals(Field.SESSIONS_LEFT, Field.byName("剩余次数").orElseThrow());
        assertEquals(Field.PASS_DAYS_LEFT, Field.byName("会员卡剩余天数").orElseThrow());
        assertEquals(Field.Kind.MONEY, Field.STORED_VALUE.kind());
        // the canonical text (what a rule tag stores) round-trips
        assertEquals("stored_value >= 1200.50 and pass_days_left <= 7",
                Rule.parse("储值余额 >= 1200.5 and 会员卡剩余天数 <= 7").canonical());
    }
}
