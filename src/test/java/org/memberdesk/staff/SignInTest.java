package org.memberdesk.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.ValidationException;

/** Signing in by PIN: wrong PINs counted and logged, the lock-out and its growing delay, and the owner's rules. */
@BothEngines
class SignInTest {
    /** A clock the test moves by hand. */
    static final class ShopClock extends Clock {
        private volatile Instant now = TestDatabase.NOW.toInstant(ZoneOffset.UTC);

        void pass(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path folder;
    ShopClock clock = new ShopClock();
    AppContext app;
    Staff cashier;

    @BeforeEach
    void shop() {
        app = new AppContext(TestDatabase.database(folder), clock);
        // the command line acts as the owner (cli:USER) until a staff member signs in
        cashier = app.staff().add("小王", Role.CASHIER, "1234");
    }

    private NotAllowedException refused(String name, String pin) {
        return assertThrows(NotAllowedException.class, () -> app.staff().check(name, pin));
    }

    private List<String> row(String sql) {
        return app.database().read(connection -> {
            List<String> values = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        });
    }

    private String failedPins() {
        return row("SELECT failed_pins || ' ' || coalesce(locked_until, '-') FROM staff WHERE name = '小王'").get(0);
    }

    @Test
    void theRightPinIsAcceptedAsThatStaffMember() {
        Actor actor = app.staff().check("小王", "1234");
        assertEquals(new Actor(cashier.id(), "小王", Role.CASHIER), actor);
        assertEquals(Actor.commandLine(), app.session().current(), "check alone signs no one in");
        assertEquals(new Actor(cashier.id(), "小王", Role.CASHIER), app.staff().check(" 小王 ", "1234"));
    }

    @Test
    void wrongPinsLockAfterTheThirdForThirtySecondsThenSixtyAndTheRightPinStartsAfresh() {
        // now is 2026-11-22 12:00:00
        NotAllowedException first = refused("小王", "0000");
        assertEquals("staff.signIn.wrongPin", first.textKey());
        assertEquals("wrong PIN for 小王", first.getMessage());
        assertEquals("1 -", failedPins());
        assertEquals("staff.signIn.wrongPin", refused("小王", "1111").textKey());
        assertEquals("2 -", failedPins(), "two mistakes are free");

        assertEquals("staff.signIn.wrongPin", refused("小王", "2222").textKey());
        assertEquals("3 2026-11-22 12:00:30", failedPins(), "the third locks 30 s");

        // while locked even the right PIN is refused, with the seconds left
        NotAllowedException locked = refused("小王", "1234");
        assertEquals("staff.signIn.locked", locked.textKey());
        assertEquals(30L, locked.args()[1]);
        clock.pass(Duration.ofSeconds(10));
        locked = refused("小王", "1234");
        assertEquals(20L, locked.args()[1]);
        assertEquals("too many wrong PINs for 小王: try again in 20 s", locked.getMessage());
        assertEquals("3 2026-11-22 12:00:30", failedPins(), "a PIN refused while locked is not judged nor counted");

        // 12:00:30: the lock is over; a 4th wrong PIN locks twice as long, 60 s
        clock.pass(Duration.ofSeconds(20));
        assertEquals("staff.signIn.wrongPin", refused("小王", "3333").textKey());
        assertEquals("4 2026-11-22 12:01:30", failedPins());
        clock.pass(Duration.ofSeconds(59));
        assertEquals(1L, refused("小王", "1234").args()[1]);

        // 12:01:30: the right PIN after the lock signs in and starts the count afresh
        clock.pass(Duration.ofSeconds(1));
        assertEquals("小王", app.staff().check("小王", "1234").name());
        assertEquals("0 -", failedPins());
        assertEquals("staff.signIn.wrongPin", refused("小王", "0000").textKey());
        assertEquals("1 -", failedPins());

        // each wrong PIN judged is one entry naming the staff it was typed for
        assertEquals(List.of("小王|小王|1 wrong in a row", "小王|小王|2 wrong in a row",
                "小王|小王|3 wrong in a row, locked 30 s", "小王|小王|4 wrong in a row, locked 60 s",
                "小王|小王|1 wrong in a row"),
                row("SELECT staff_name || '|' || subject || '|' || summary FROM operation_log"
                        + " WHERE action = 'pin-refused' ORDER BY id"));
        assertTrue(app.operationLog().verify().intact());
    }

    @Test
    void theLockGrowsByDoublingUpToAnHour() {
        assertEquals(Duration.ofSeconds(30), StaffService.lockFor(3));
        assertEquals(Duration.ofSeconds(60), StaffService.lockFor(4));
        assertEquals(Duration.ofSeconds(120), StaffService.lockFor(5));
        assertEquals(Duration.ofSeconds(1920), StaffService.lockFor(9));
        assertEquals(Duration.ofHours(1), StaffService.lockFor(10)); // 3,840 s would be over the hour
        assertEquals(Duration.ofHours(1), StaffService.lockFor(Integer.MAX_VALUE));
    }

    /**
     * PINs typed at once (two command lines in parallel, a script trying PINs) are all judged against the lock as it
     * is when each is decided, not as it was when each began: a right PIN whose check began before the lock and
     * ends after it is refused, so parallel guessing gets no more than the free tries per lock.
     */
    @Test
    void aRightPinDecidedWhileAnotherAttemptHasLockedItIsRefused() throws Exception {
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean hold = new AtomicBoolean(true);
        // a second window on the same database whose clock stops once, after it has read the (unlocked) staff row
        Clock pausing = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                if (hold.getAndSet(false)) {
                    reached.countDown();
                    try {
                        go.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return clock.instant();
            }
        };
        StaffService other = new StaffService(app.database(), new StaffStore(), new PinHashing(),
                new StaffSession(Actor.NOBODY), app.operationLog(), pausing, app.storeHere()::id);
        CompletableFuture<Actor> racing = CompletableFuture.supplyAsync(() -> other.check("小王", "1234"));
        assertTrue(reached.await(30, TimeUnit.SECONDS));
        for (String wrong : new String[] {"0000", "1111", "2222"}) {
            refused("小王", wrong);
        }
        assertEquals("3 2026-11-22 12:00:30", failedPins());
        go.countDown();
        Exception thrown = assertThrows(Exception.class, () -> racing.get(30, TimeUnit.SECONDS));
        NotAllowedException locked = (NotAllowedException) thrown.getCause();
        assertEquals("staff.signIn.locked", locked.textKey());
        assertEquals("3 2026-11-22 12:00:30", failedPins(), "the lock and the count stay");
    }

    @Test
    void unknownAndInactiveNamesAreRefusedAlike() {
        NotAllowedException unknown = refused("老张", "1234");
        assertEquals("staff.signIn.unknown", unknown.textKey());
        assertEquals("no active staff member is named 老张", unknown.getMessage());
        assertEquals("staff.signIn.unknown", refused("", "1234").textKey());
        assertEquals("staff.signIn.unknown", refused(null, "1234").textKey());
        app.staff().change(cashier.id(), Role.CASHIER, false);
        assertEquals("staff.signIn.unknown", refused("小王", "1234").textKey());
        assertEquals(List.of(), row("SELECT id FROM operation_log WHERE action = 'pin-refused'"));
    }

    @Test
    void theFirstOwnerIsMadeOnceAndTheLastActiveOwnerStaysOne() {
        assertFalse(app.staff().hasOwner());
        Staff owner = app.staff().createOwner("老板", "8888");
        assertEquals(Role.OWNER, owner.role());
        assertTrue(app.staff().hasOwner());
        NotAllowedException again = assertThrows(NotAllowedException.class,
                () -> app.staff().createOwner("二老板", "9999"));
        assertEquals("staff.refused.ownerExists", again.textKey());

        ValidationException demoted = assertThrows(ValidationException.class,
                () -> app.staff().change(owner.id(), Role.MANAGER, true));
        assertEquals("staff.lastOwner", demoted.problems().get(0).key());
        assertThrows(ValidationException.class, () -> app.staff().change(owner.id(), Role.OWNER, false));
        assertEquals(List.of("owner 1"), row("SELECT role || ' ' || active FROM staff WHERE name = '老板'"));

        Staff second = app.staff().add("二老板", Role.OWNER, "9999");
        assertEquals(Role.MANAGER, app.staff().change(owner.id(), Role.MANAGER, true).role());
        assertThrows(ValidationException.class, () -> app.staff().change(second.id(), Role.CASHIER, true));
    }

    @Test
    void aCashierAddedBeforeAnyOwnerCannotMakeThemselvesOne() {
        // the command line added 小王 while the shop has no owner yet: 小王 may still not add an owner
        app.session().become(new Actor(cashier.id(), "小王", Role.CASHIER));
        assertThrows(NotAllowedException.class, () -> app.staff().add("假老板", Role.OWNER, "5555"));
        assertEquals(List.of("小王"), row("SELECT name FROM staff ORDER BY id"), "nothing added");
    }

    @Test
    void onlyTheOwnerAddsStaff() {
        app.staff().createOwner("老板", "8888");
        app.session().become(new Actor(cashier.id(), "小王", Role.CASHIER));
        NotAllowedException refused = assertThrows(NotAllowedException.class,
                () -> app.staff().add("小李", Role.CASHIER, "5555"));
        assertEquals("staff.refused", refused.textKey());
        assertThrows(NotAllowedException.class, () -> app.staff().add("小李", Role.OWNER, "5555"));
        app.session().become(new Actor(9L, "李店长", Role.MANAGER));
        assertThrows(NotAllowedException.class, () -> app.staff().add("小李", Role.CASHIER, "5555"));
        assertThrows(NotAllowedException.class, () -> app.staff().all());
        app.session().become(Actor.NOBODY);
        assertThrows(NotAllowedException.class, () -> app.staff().add("小李", Role.CASHIER, "5555"));
        assertEquals(List.of("小王", "老板"), row("SELECT name FROM staff ORDER BY id"), "nothing added");

        app.session().become(Actor.commandLine("alice"));
        app.staff().add("小李", Role.CASHIER, "5555");
        ValidationException taken = assertThrows(ValidationException.class,
                () -> app.staff().add("小李", Role.MANAGER, "5555"));
        assertEquals("staff.name.taken", taken.problems().get(0).key());
        assertThrows(ValidationException.class, () -> app.staff().add("小赵", Role.CASHIER, "123"));
        assertThrows(ValidationException.class, () -> app.staff().add("cli:bob", Role.CASHIER, "1234"));
        assertThrows(ValidationException.class, () -> app.staff().add("System", Role.CASHIER, "1234"));
        assertEquals(List.of("cli:alice|+ cashier"),
                row("SELECT staff_name || '|' || summary FROM operation_log WHERE subject = '小李'"));
    }
}
