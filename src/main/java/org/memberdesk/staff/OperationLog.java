package org.memberdesk.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.memberdesk.db.Database;
import org.memberdesk.common.Times;

/**
 * The operation log (操作日志): one entry per action, written by the service that acts, inside the same transaction
 * as the action itself (both are kept or neither), naming who acted ({@link StaffSession}). Append-only and
 * chained by hash ({@link AuditChain}); {@link #verify()} walks the chain.
 */
public final class OperationLog {
    private final Database database;
    private final LogStore store;
    private final StaffSession session;
    private final Clock clock;

    public OperationLog(Database database, LogStore store, StaffSession session, Clock clock) {
        this.database = database;
        this.store = store;
        this.session = session;
        this.clock = clock;
    }

    /**
     * What happened, as the caller knows it: the action, the member (null when none), the object in words (a card
     * number, a campaign, a setting), before → after, and the reason given (null when none).
     */
    public record Entry(Operation action, Long memberId, String subject, String summary, String reason) {
        public static Entry of(Operation action, Long memberId, String subject, String summary) {
            return new Entry(action, memberId, subject, summary, null);
        }

        public Entry because(String why) {
            return new Entry(action, memberId, subject, summary, why);
        }
    }

    /** Appends an entry for whoever acts now, inside the caller's write transaction. */
    public void record(Connection connection, Entry entry) throws SQLException {
        record(connection, entry, session.current());
    }

    /**
     * Appends an entry for {@code actor} (a refused PIN names the staff it was typed for, not who is signed in).
     * The caller's transaction holds SQLite's write lock, so the last link read here is still the last at insert.
     */
    public void record(Connection connection, Entry entry, Actor actor) throws SQLException {
        LogStore.Last last = store.last(connection);
        long id = last == null ? 1 : Math.addExact(last.id(), 1);
        String previous = last == null ? AuditChain.START : last.hash();
        LocalDateTime at = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String name = actor.isNobody() ? "system" : actor.name();
        boolean money = entry.action().money();
        String hash = AuditChain.hash(previous, Long.toString(id), Times.text(at),
                actor.staffId() == null ? null : Long.toString(actor.staffId()), name, entry.action().code(),
                entry.memberId() == null ? null : Long.toString(entry.memberId()), entry.subject(), entry.summary(),
                entry.reason(), money ? "1" : "0");
        store.insert(connection, new LogEntry(id, at, actor.staffId(), name, entry.action().code(), entry.memberId(),
                entry.subject(), entry.summary(), entry.reason(), money, previous, hash));
    }

    /** Appends an entry in a transaction of its own (an action that wrote nothing else: an export, a print). */
    public void record(Entry entry) {
        Actor actor = session.current();
        database.write(connection -> {
            record(connection, entry, actor);
            return null;
        });
    }

    /**
     * A refused attempt, after the fact and in a transaction of its own: who tried what their role may not (the
     * command line records it, so the owner sees "小王 tried to refund a card"). Nothing when the refusal was not a
     * role's (a PIN, nobody signed in). Never in place of the refusal: a database that cannot be written (opened
     * read-only to rescue it) records nothing, and the refusal is still what is reported.
     */
    public void recordRefused(NotAllowedException refused) {
        Actor actor = refused.refusedActor().orElse(null);
        if (actor == null || actor.isNobody()) {
            return;
        }
        try {
            database.write(connection -> {
                record(connection, Entry.of(Operation.REFUSED, null, refused.refusedWhat(), refused.getMessage()),
                        actor);
                return null;
            });
        } catch (RuntimeException notWritten) {
            notWritten.addSuppressed(refused);
            java.util.logging.Logger.getLogger(OperationLog.class.getName()).log(java.util.logging.Level.WARNING,
                    "a refused action could not be logged", notWritten);
        }
    }

    /** Walks the whole chain in one snapshot: how many entries, and the first one that was changed (or null). */
    public AuditChain.Verification verify() {
        return database.read(this::verify);
    }

    /** {@link #verify()} on a connection the caller holds: a move checks its copy before it commits it. */
    public AuditChain.Verification verify(Connection connection) throws SQLException {
        AuditChain.Walk walk = new AuditChain.Walk();
        store.eachStored(connection, walk::accept);
        return walk.result();
    }

    /** The entries a filter selects, newest first, at most {@code limit} (the log screen; manager and owner). */
    public List<LogEntry> find(LogFilter filter, int limit) {
        session.require(Permission.VIEW_LOG);
        return database.read(connection -> store.find(connection, filter, limit));
    }

    /** How many entries a filter selects (manager and owner). */
    public long count(LogFilter filter) {
        session.require(Permission.VIEW_LOG);
        return database.read(connection -> store.count(connection, filter));
    }

    /** Takes the entries of an export one at a time, as they are read. */
    public interface Rows {
        void accept(LogEntry entry) throws IOException;
    }

    /**
     * Hands every entry a filter selects, oldest first, to {@code rows} in one snapshot (an export to a file: the
     * owner only). Returns how many. The caller logs the export once the file is kept.
     */
    public long export(LogFilter filter, Rows rows) throws IOException {
        session.require(Permission.EXPORT_LOG);
        try {
            return database.read(connection -> {
                long[] count = {0};
                try {
                    store.eachMatching(connection, filter, entry -> {
                        rows.accept(entry);
                        count[0]++;
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return count[0];
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** How many entries the log holds. */
    public long count() {
        return database.read(store::count);
    }
}
