package org.memberdesk.members;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.memberdesk.common.Problem;
import org.memberdesk.common.TextLength;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;
import org.memberdesk.stores.StoreHere;

/**
 * Adding, changing, archiving and finding members, with the checks a shop expects. What a person does here is
 * checked against their role (a cashier signs members up and finds them; a manager also edits and archives) and
 * written to the operation log in the same transaction. Imports add and change members through {@link #listen} and
 * {@link #change} on their own transaction: they are checked and logged once, as the import.
 */
public final class MemberService {
    private final Database database;
    private final MemberStore store;
    private final Clock clock;
    private final List<MemberListener> listeners;
    private final StaffSession session;
    private final OperationLog log;
    /** Where a member added here joins (members.store_id), unless a file's store column says another store. */
    private final StoreHere storeHere;

    public MemberService(Database database, MemberStore store, Clock clock, List<MemberListener> listeners,
                         StaffSession session, StoreHere storeHere, OperationLog log) {
        this.storeHere = storeHere;
        this.database = database;
        this.store = store;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
        this.session = session;
        this.log = log;
    }

    /** Whether anyone listens for new members (imports skip reading back new ids when nobody does). */
    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    /**
     * The listeners' sessions on this connection, as one: every path that adds a member (the counter,
     * both importers) tells it of each new member inside its transaction. The caller closes it.
     */
    public MemberListener.Session listen(Connection connection) throws SQLException {
        List<MemberListener.Session> sessions = new ArrayList<>();
        for (MemberListener listener : listeners) {
            sessions.add(listener.open(connection));
        }
        return new MemberListener.Session() {
            @Override
            public void memberAdded(long memberId, MemberDetails member) throws SQLException {
                for (MemberListener.Session session : sessions) {
                    session.memberAdded(memberId, member);
                }
            }

            @Override
            public void memberChanged(long memberId, MemberDetails before, MemberDetails after)
                    throws SQLException {
                for (MemberListener.Session session : sessions) {
                    session.memberChanged(memberId, before, after);
                }
            }

            @Override
            public void close() throws SQLException {
                for (MemberListener.Session session : sessions) {
                    session.close();
                }
            }
        };
    }

    /** Tells the listeners of one member just stored on this connection. */
    public void added(Connection connection, long memberId, MemberDetails member) throws SQLException {
        if (listeners.isEmpty()) {
            return;
        }
        try (MemberListener.Session session = listen(connection)) {
            session.memberAdded(memberId, member);
        }
    }

    /**
     * The problems with a member as typed or imported, field by field; empty when it can be stored.
     * The phone is checked here; {@link #normalized} gives its stored form.
     */
    public List<Problem> check(MemberDetails member) {
        List<Problem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (member.name() == null || member.name().isBlank()) {
            problems.add(Problem.of("name", "member.name.missing"));
        } else if (TextLength.longerThan(member.name(), 50)) {
            problems.add(Problem.of("name", "member.name.tooLong"));
        }
        if (member.phone() != null && !member.phone().isBlank() && Phones.normalize(member.phone()).isEmpty()) {
            problems.add(Problem.of("phone", "member.phone.invalid", member.phone()));
        }
        if (member.birthday() != null
                && (member.birthday().isAfter(today) || member.birthday().isBefore(LocalDate.of(1900, 1, 1)))) {
            problems.add(Problem.of("birthday", "member.birthday.impossible", member.birthday().toString()));
        }
        if (member.joinDate() != null && member.joinDate().isAfter(today)) {
            problems.add(Problem.of("join_date", "member.joinDate.future", member.joinDate().toString()));
        }
        if (member.memberNo() != null && TextLength.longerThan(member.memberNo(), 32)) {
            problems.add(Problem.of("member_no", "member.number.tooLong"));
        }
        return problems;
    }

    /** The member as it will be stored: trimmed text, phone digits only, today as join date when absent. */
    public MemberDetails normalized(MemberDetails member) {
        String phone = member.phone() == null || member.phone().isBlank() ? null
                : Phones.normalize(member.phone()).orElse(member.phone());
        return new MemberDetails(
                blankToNull(member.memberNo()),
                member.name() == null ? null : member.name().strip(),
                phone,
                member.gender(),
                member.birthday(),
                member.joinDate() == null ? LocalDate.now(clock) : member.joinDate(),
                blankToNull(member.channel()),
                blankToNull(member.referrerNo()),
                blankToNull(member.notes()),
                member.customFields(),
                member.storeId());
    }

    /** The member joining at this computer's store, unless it names its own (an import's store column). */
    public MemberDetails joiningHere(MemberDetails member) {
        return member.storeId() != null ? member : member.atStore(storeHere.id());
    }

    /** Stores a new member, generating a member number when none is given. */
    public Member add(MemberDetails typed) {
        session.require(Permission.ADD_MEMBER);
        // a member added at the counter, in the desktop or on the command line joins at this computer's store
        MemberDetails member = joiningHere(normalized(typed));
        List<Problem> problems = check(member);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return database.write(connection -> {
            requireFree(connection, member, -1);
            MemberDetails numbered = member.memberNo() == null
                    ? member.withMemberNo(store.nextMemberNumber(connection)) : member;
            long id = store.insert(connection, numbered);
            added(connection, id, numbered);
            log.record(connection, OperationLog.Entry.of(Operation.MEMBER_ADD, id, numbered.memberNo(),
                    MemberChanges.added(numbered)));
            return store.findById(connection, id).orElseThrow();
        });
    }

    /** Changes a member as edited by hand (a manager's); logged with what changed, phones masked. */
    public Member update(long id, MemberDetails typed) {
        session.require(Permission.EDIT_MEMBER);
        MemberDetails member = normalized(typed);
        List<Problem> problems = new ArrayList<>(check(member));
        if (member.memberNo() == null) {
            problems.add(Problem.of("member_no", "member.number.missing"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return database.write(connection -> {
            Member stored = store.findById(connection, id).orElseThrow(() -> unknown(Long.toString(id)));
            boolean changed;
            try (MemberListener.Session listening = listen(connection)) {
                changed = change(connection, listening, stored, member);
            }
            if (changed) {
                log.record(connection, OperationLog.Entry.of(Operation.MEMBER_EDIT, id, stored.memberNo(),
                        MemberChanges.between(stored.details(), member)));
            }
            return store.findById(connection, id).orElseThrow();
        });
    }

    /**
     * Changes a stored member to {@code member} (already {@link #normalized} and {@link #check checked}) on the
     * caller's connection, inside its transaction: the one way a member's fields change, from the form or an
     * import with {@code --update}, so the listeners hear of every change (rule tags read the join date).
     *
     * @return whether anything changed (a member given as stored is left alone)
     * @throws ValidationException when the number or the phone belongs to another member
     */
    public boolean change(Connection connection, MemberListener.Session session, Member stored, MemberDetails member)
            throws SQLException {
        requireFree(connection, member, stored.id());
        if (member.equals(stored.details())) {
            return false;
        }
        store.update(connection, stored.id(), member);
        session.memberChanged(stored.id(), stored.details(), member);
        return true;
    }

    /** Archived members leave lists and targeting but keep their history; nothing is deleted. */
    public void archive(long id, boolean archived) {
        session.require(Permission.ARCHIVE_MEMBER);
        database.write(connection -> {
            Member stored = store.findById(connection, id).orElseThrow(() -> unknown(Long.toString(id)));
            store.setArchived(connection, id, archived);
            if (stored.archived() != archived) {
                log.record(connection, OperationLog.Entry.of(Operation.MEMBER_ARCHIVE, id, stored.memberNo(),
                        archived ? "active → archived" : "archived → active"));
            }
            return null;
        });
    }

    public Optional<Member> byId(long id) {
        return database.read(connection -> store.findById(connection, id));
    }

    public Optional<Member> byNumber(String memberNo) {
        return database.read(connection -> store.findByNumber(connection, memberNo.strip()));
    }

    /**
     * What a lookup field (the counter's, the Points screen's) finds for the text typed: the exact member for a member
     * number or full phone first, else up to {@code limit} members whose number, name or phone contains it (the last
     * 4 digits of a phone).
     */
    public List<Member> lookUp(String typed, int limit) {
        return byNumberOrPhone(typed).map(List::of)
                .orElseGet(() -> search(MemberQuery.all().withText(typed), 0, limit));
    }

    /** Finds a member the way counter staff type: a member number or a full phone number. */
    public Optional<Member> byNumberOrPhone(String typed) {
        session.require(Permission.FIND_MEMBERS);
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return database.read(connection -> {
            Optional<Member> byNumber = store.findByNumber(connection, text.toUpperCase(java.util.Locale.ROOT));
            if (byNumber.isPresent()) {
                return byNumber;
            }
            byNumber = store.findByNumber(connection, text);
            if (byNumber.isPresent()) {
                return byNumber;
            }
            Optional<String> phone = Phones.normalize(text);
            return phone.isPresent() ? store.findByPhone(connection, phone.get()) : Optional.empty();
        });
    }

    /** A page of the members list, or of what someone typed in its search box. */
    public List<Member> search(MemberQuery query, int offset, int limit) {
        session.require(Permission.FIND_MEMBERS);
        return database.read(connection -> store.search(connection, query, offset, limit));
    }

    public int count(MemberQuery query) {
        session.require(Permission.FIND_MEMBERS);
        return database.read(connection -> store.count(connection, query));
    }

    public List<String> channels() {
        return database.read(store::channels);
    }

    public int referrals(String memberNo) {
        return database.read(connection -> store.referrals(connection, memberNo));
    }

    private void requireFree(Connection connection, MemberDetails member, long selfId) throws SQLException {
        List<Problem> problems = new ArrayList<>();
        if (member.memberNo() != null) {
            Optional<Member> holder = store.findByNumber(connection, member.memberNo());
            if (holder.isPresent() && holder.get().id() != selfId) {
                problems.add(Problem.of("member_no", "member.number.taken", member.memberNo()));
            }
        }
        if (member.phone() != null) {
            Optional<Member> holder = store.findByPhone(connection, member.phone());
            if (holder.isPresent() && holder.get().id() != selfId) {
                problems.add(Problem.of("phone", "member.phone.taken", holder.get().memberNo(), holder.get().name()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static ValidationException unknown(String what) {
        return new ValidationException(Problem.of("member", "member.unknown", what));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
