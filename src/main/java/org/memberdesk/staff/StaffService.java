package org.memberdesk.staff;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.LongSupplier;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;

/**
 * Staff (员工): the owner made at the first start, staff added and changed by the owner, PINs checked with a
 * lock-out, and the two staff settings (the idle lock, the manager's points limit).
 *
 * <p>Lock-out: two wrong PINs in a row are free (people mistype); the third refuses signing in for 30 seconds,
 * each further wrong PIN doubles it (60 s, 2 min …) up to an hour. It is kept in the database, so
 * restarting the app or the command line does not reset it; the right PIN after the lock ends starts afresh.
 *
 * <p>Stores (门店): each staff member works in one store. A cashier or manager signs in only at a computer of their
 * store; the owner anywhere ({@link #check}, the one place every sign-in goes through). The PIN is judged first, so a
 * wrong PIN counts as before wherever it is typed, and the store refusal tells nothing to someone who does not know
 * the PIN. The right PIN at another store's computer is logged but neither counted as a wrong PIN nor clears the
 * wrong ones: it proves the person, and a cashier who tries the counter next door three times must not be locked
 * out of their own.
 */
public final class StaffService {
    static final int FREE_TRIES = 2;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofHours(1);
    static final int DEFAULT_IDLE_LOCK_MINUTES = 5;
    static final long DEFAULT_MANAGER_POINTS_LIMIT = 500;
    private static final int NAME_LIMIT = 40;

    private final Database database;
    private final StaffStore store;
    private final PinHashing pins;
    private final StaffSession session;
    private final OperationLog log;
    private final Clock clock;
    /** The id of the store this computer works in (stores.StoreHere, which builds on this package). */
    private final LongSupplier storeHere;

    public StaffService(Database database, StaffStore store, PinHashing pins, StaffSession session,
            OperationLog log, Clock clock, LongSupplier storeHere) {
        this.storeHere = storeHere;
        this.database = database;
        this.store = store;
        this.pins = pins;
        this.session = session;
        this.log = log;
        this.clock = clock;
    }

    /** Whether the shop has an active owner yet (the desktop asks for one at the first start when not). */
    public boolean hasOwner() {
        return database.read(connection -> store.activeOwners(connection) > 0);
    }

    /**
     * The first owner, made at the first start (or the first open of an older database), with no one signed in
     * yet: refused once an owner exists.
     */
    public Staff createOwner(String name, String pin) {
        String checkedName = checkName(name);
        checkPin(pin);
        String hash = pins.hash(pin);
        return database.write(connection -> {
            if (store.activeOwners(connection) > 0) {
                throw new NotAllowedException("staff.refused.ownerExists", "the shop already has an owner");
            }
            Staff owner = insert(connection, checkedName, Role.OWNER, hash, storeHere.getAsLong());
            log.record(connection, OperationLog.Entry.of(Operation.STAFF, null, owner.name(), "+ owner"),
                    Actor.of(owner));
            return owner;
        });
    }

    /** A new staff member working in this computer's store: the owner's (the command line acts as the owner). */
    public Staff add(String name, Role role, String pin) {
        return add(name, role, pin, storeHere.getAsLong());
    }

    /** A new staff member working in store {@code storeId}: the owner's. */
    public Staff add(String name, Role role, String pin, long storeId) {
        String checkedName = checkName(name);
        checkPin(pin);
        String hash = pins.hash(pin);
        return database.write(connection -> {
            // only the owner adds staff (the command line acts as the owner; the windows' first owner comes
            // from createOwner): a cashier added before any owner existed must not be able to make one
            session.require(Permission.STAFF);
            storeNamed(connection, storeId);
            Staff added = insert(connection, checkedName, role, hash, storeId);
            log.record(connection, OperationLog.Entry.of(Operation.STAFF, null, added.name(), "+ " + role.code()));
            return added;
        });
    }

    private Staff insert(Connection connection, String name, Role role, String hash, long storeId)
            throws SQLException {
        if (store.byName(connection, name).isPresent()) {
            throw new ValidationException(Problem.of("name", "staff.name.taken", name));
        }
        long id = store.insert(connection, name, role, hash, now(), storeId);
        return store.byId(connection, id).orElseThrow().staff();
    }

    /** The name of store {@code storeId}; refused when there is no such store. */
    private String storeNamed(Connection connection, long storeId) throws SQLException {
        return store.storeName(connection, storeId)
                .orElseThrow(() -> new ValidationException(Problem.of("store", "store.unknown", storeId, "")));
    }

    /** A staff member's role or whether they still work here (the owner); the last active owner stays one. */
    public Staff change(long staffId, Role role, boolean active) {
        session.require(Permission.STAFF);
        long storeId = database.read(connection -> store.byId(connection, staffId))
                .map(stored -> stored.staff().storeId()).orElse(storeHere.getAsLong());
        return change(staffId, role, active, storeId);
    }

    /**
     * A staff member's role, whether they still work here and the store they work in (the owner; one log entry);
     * the last active owner stays one.
     */
    public Staff change(long staffId, Role role, boolean active, long storeId) {
        session.require(Permission.STAFF);
        return database.write(connection -> {
            Staff before = store.byId(connection, staffId)
                    .orElseThrow(() -> new ValidationException(Problem.of("staff", "staff.unknown", staffId)))
                    .staff();
            boolean stillOwner = role == Role.OWNER && active;
            if (before.role() == Role.OWNER && before.active() && !stillOwner
                    && store.activeOwners(connection) <= 1) {
                throw new ValidationException(Problem.of("role", "staff.lastOwner", before.name()));
            }
            String moved = "";
            if (before.storeId() != storeId) {
                moved = ", " + storeNamed(connection, before.storeId()) + " → " + storeNamed(connection, storeId);
                store.updateStore(connection, staffId, storeId);
            }
            store.update(connection, staffId, role, active);
            log.record(connection, OperationLog.Entry.of(Operation.STAFF, null, before.name(),
                    before.role().code() + (before.active() ? "" : " (inactive)") + " → " + role.code()
                            + (active ? "" : " (inactive)") + moved));
            return store.byId(connection, staffId).orElseThrow().staff();
        });
    }

    /** A new PIN: the owner for anyone, everyone for themselves. Clears a lock-out. */
    public void changePin(long staffId, String pin) {
        if (!staffIdIs(staffId)) {
            session.require(Permission.STAFF);
        }
        checkPin(pin);
        String hash = pins.hash(pin);
        database.write(connection -> {
            Staff staff = store.byId(connection, staffId)
                    .orElseThrow(() -> new ValidationException(Problem.of("staff", "staff.unknown", staffId)))
                    .staff();
            store.updatePin(connection, staffId, hash);
            log.record(connection, OperationLog.Entry.of(Operation.STAFF, null, staff.name(), "PIN changed"));
            return null;
        });
    }

    private boolean staffIdIs(long staffId) {
        Long current = session.staffId();
        return current != null && current == staffId;
    }

    /** Every staff member, active first (the owner's staff list). */
    public List<Staff> all() {
        session.require(Permission.STAFF);
        return database.read(store::all);
    }

    /**
     * The names the sign-in screen offers: the active staff who may sign in at this computer ({@link #signsInAt}, the
     * rule {@link #check} applies), owner first. In a single shop everyone works in its one store: all active staff.
     */
    public List<Staff> signInChoices() {
        long here = storeHere.getAsLong();
        return database.read(connection -> store.all(connection).stream()
                .filter(staff -> staff.active() && signsInAt(staff, here)).toList());
    }

    /** Who may sign in at a computer of store {@code storeId}: the owner anywhere, others at their own store only. */
    private static boolean signsInAt(Staff staff, long storeId) {
        return staff.role() == Role.OWNER || staff.storeId() == storeId;
    }

    /**
     * The staff member {@code name} if {@code pin} is theirs, else refused ({@link NotAllowedException}: unknown,
     * inactive, wrong PIN, or locked for how long). A wrong PIN is counted and logged. Does not sign them in:
     * {@link #switchTo} does, or the command line for one command.
     */
    public Actor check(String name, String pin) {
        String wanted = name == null ? "" : name.strip();
        StaffStore.Stored stored = database.read(connection -> store.byName(connection, wanted)).orElse(null);
        if (stored == null || !stored.staff().active()) {
            throw new NotAllowedException("staff.signIn.unknown", "no active staff member is named " + wanted, wanted);
        }
        LocalDateTime now = now();
        if (stored.lockedUntil() != null && now.isBefore(stored.lockedUntil())) {
            throw locked(stored.staff(), now, stored.lockedUntil());
        }
        // the slow hash runs outside any transaction: no write waits on it
        boolean right = pins.matches(pin == null ? "" : pin, stored.pinHash());
        Judged accepted = database.write(connection -> {
            StaffStore.Stored fresh = store.byId(connection, stored.staff().id()).orElseThrow();
            // judged against the row as it is now: PINs typed in parallel (two command lines, a script guessing)
            // that all began before a lock must not each be judged, or guessing gets past the lock-out
            if (fresh.lockedUntil() != null && now.isBefore(fresh.lockedUntil())) {
                throw locked(fresh.staff(), now, fresh.lockedUntil());
            }
            if (!fresh.staff().active()) {
                throw new NotAllowedException("staff.signIn.unknown", "no active staff member is named " + wanted,
                        wanted);
            }
            Actor actor = Actor.of(fresh.staff());
            if (right) {
                long here = storeHere.getAsLong();
                if (!signsInAt(fresh.staff(), here)) {
                    // the right PIN at another store's computer: logged, not counted (see the class comment)
                    NotAllowedException refusal = elsewhere(fresh.staff(), storeNamed(connection,
                            fresh.staff().storeId()), here, storeNamed(connection, here));
                    log.record(connection, OperationLog.Entry.of(Operation.REFUSED, null, "sign-in",
                            refusal.getMessage()), actor);
                    return new Judged(null, refusal);
                }
                if (fresh.failedPins() > 0 || fresh.lockedUntil() != null) {
                    store.updateAttempts(connection, fresh.staff().id(), 0, null);
                }
                return new Judged(actor, null);
            }
            int failed = fresh.failedPins() + 1;
            LocalDateTime until = failed > FREE_TRIES ? now.plus(lockFor(failed)) : null;
            store.updateAttempts(connection, fresh.staff().id(), failed, until);
            log.record(connection, OperationLog.Entry.of(Operation.PIN_REFUSED, null, fresh.staff().name(),
                    failed + " wrong in a row" + (until == null ? "" : ", locked " + lockFor(failed).toSeconds()
                            + " s")), actor);
            return new Judged(null, null);
        });
        if (accepted.refusal() != null) {
            // thrown after the write, like a wrong PIN: the attempt stays logged
            throw accepted.refusal();
        }
        if (accepted.actor() == null) {
            // thrown after the write: the wrong PIN stays counted and logged
            throw new NotAllowedException("staff.signIn.wrongPin", "wrong PIN for " + stored.staff().name(),
                    stored.staff().name());
        }
        return accepted.actor();
    }

    /** What {@link #check} decided in its transaction: who signed in, or why not (both null: a wrong PIN). */
    private record Judged(Actor actor, NotAllowedException refusal) {
    }

    /**
     * "王芳 works at 二店; this computer is in 本店." Store 1 under its seeded name is handed as the key
     * {@code store.main}, which {@link NotAllowedException#describe} puts in the person's language ("Main store").
     */
    private static NotAllowedException elsewhere(Staff staff, String theirs, long hereId, String here) {
        Object theirStore = shownStore(staff.storeId(), theirs);
        Object hereStore = shownStore(hereId, here);
        org.memberdesk.common.Messages english = org.memberdesk.common.Messages.english();
        return new NotAllowedException("staff.signIn.otherStore", english.get("staff.signIn.otherStore",
                staff.name(), english(theirStore, english), english(hereStore, english)), staff.name(), theirStore,
                hereStore);
    }

    private static Object shownStore(long storeId, String name) {
        return storeId == 1 && "本店".equals(name) ? MAIN_STORE_KEY : name;
    }

    private static String english(Object store, org.memberdesk.common.Messages english) {
        return MAIN_STORE_KEY.equals(store) ? english.get(MAIN_STORE_KEY) : store.toString();
    }

    /** The bundle key of store 1's name while it keeps its seeded 本店 (stores.Store#shownName). */
    static final String MAIN_STORE_KEY = "store.main";

    private static NotAllowedException locked(Staff staff, LocalDateTime now, LocalDateTime until) {
        long seconds = secondsLeft(now, until);
        return new NotAllowedException("staff.signIn.locked", "too many wrong PINs for " + staff.name()
                + ": try again in " + seconds + " s", staff.name(), seconds);
    }

    /** Whole seconds until {@code until}, at least 1 (a lock that ends within the second still says 1). */
    private static long secondsLeft(LocalDateTime now, LocalDateTime until) {
        return Math.max(1, Duration.between(now, until).toSeconds());
    }

    /** How long signing in is refused after the {@code failed}-th wrong PIN in a row (past the free tries). */
    static Duration lockFor(int failed) {
        int doublings = Math.min(failed - FREE_TRIES - 1, 20);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    /**
     * How many seconds signing in as {@code name} is still refused after wrong PINs; 0 when it is not. The
     * windows say it at once after the wrong PIN that locked, rather than at the next try.
     */
    public long secondsLocked(String name) {
        String wanted = name == null ? "" : name.strip();
        LocalDateTime now = now();
        return database.read(connection -> store.byName(connection, wanted))
                .map(StaffStore.Stored::lockedUntil)
                .filter(now::isBefore)
                .map(until -> secondsLeft(now, until))
                .orElse(0L);
    }

    /** Signs a staff member in by PIN on this computer (start, switch staff, after the idle lock); logged. */
    public Actor switchTo(String name, String pin) {
        Actor actor = check(name, pin);
        database.write(connection -> {
            log.record(connection, OperationLog.Entry.of(Operation.SIGN_IN, null, actor.name(),
                    actor.role().code()), actor);
            return null;
        });
        session.become(actor);
        return actor;
    }

    /** Nobody signed in (the idle lock, or the desktop before the first PIN): everything refused until a PIN. */
    public void lock() {
        session.become(Actor.NOBODY);
    }

    /** Minutes without a key or click before the desktop locks; 0 never. */
    public int idleLockMinutes() {
        return database.read(connection -> store.setting(connection, StaffStore.IDLE_LOCK_KEY)
                .map(Integer::parseInt).orElse(DEFAULT_IDLE_LOCK_MINUTES));
    }

    /** The most points a manager may add or take in one adjustment (the owner any). */
    public long managerPointsLimit() {
        return database.read(this::managerPointsLimit);
    }

    /** {@link #managerPointsLimit()} inside the caller's transaction (the points service checks with it). */
    public long managerPointsLimit(Connection connection) throws SQLException {
        return store.setting(connection, StaffStore.POINTS_LIMIT_KEY).map(Long::parseLong)
                .orElse(DEFAULT_MANAGER_POINTS_LIMIT);
    }

    /** Saves both staff settings (the owner). */
    public void saveSettings(int idleLockMinutes, long managerPointsLimit) {
        session.require(Permission.SETTINGS);
        if (idleLockMinutes < 0 || idleLockMinutes > 24 * 60) {
            throw new ValidationException(Problem.of("idleLock", "staff.idleLock.range"));
        }
        if (managerPointsLimit < 0 || managerPointsLimit > 100_000_000L) {
            throw new ValidationException(Problem.of("pointsLimit", "staff.pointsLimit.range"));
        }
        database.write(connection -> {
            int idleBefore = store.setting(connection, StaffStore.IDLE_LOCK_KEY).map(Integer::parseInt)
                    .orElse(DEFAULT_IDLE_LOCK_MINUTES);
            long limitBefore = managerPointsLimit(connection);
            store.saveSetting(connection, StaffStore.IDLE_LOCK_KEY, Integer.toString(idleLockMinutes));
            store.saveSetting(connection, StaffStore.POINTS_LIMIT_KEY, Long.toString(managerPointsLimit));
            log.record(connection, OperationLog.Entry.of(Operation.SETTINGS, null, "staff",
                    "idle lock " + idleBefore + " → " + idleLockMinutes + " min, manager points limit "
                            + limitBefore + " → " + managerPointsLimit));
            return null;
        });
    }

    private static String checkName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > NAME_LIMIT || stripped.startsWith("cli:")
                || stripped.equalsIgnoreCase("system")) {
            throw new ValidationException(Problem.of("name", "staff.name.invalid", NAME_LIMIT));
        }
        return stripped;
    }

    private static void checkPin(String pin) {
        if (!PinHashing.isValidPin(pin)) {
            throw new ValidationException(Problem.of("pin", "staff.pin.invalid"));
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
