package org.memberdesk.points;

import java.sql.Connection;
import java.sql.SQLException;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.members.MemberListener;

/**
 * Gives a new member the sign-up bonus, dated on the join date (so an imported member who joined
 * long ago gets a batch that has already run its course and expires at the next run).
 *
 * <p>The bonuses of a session are written when it closes, with one multi-row statement for the entries
 * and one for the balances ({@link LedgerBatch}), since an import's session is a batch of thousands of
 * members. It gains little (a million imported members: 21.4-22.1 s with a statement per member,
 * 19.8-21.3 s batched); writing the million entries and balances is most of the bonus's cost either way.
 * A member added at the counter is a session of one, written the same way.
 */
public final class SignupBonus implements MemberListener {
    private final PointsRulesStore rulesStore;

    public SignupBonus(PointsRulesStore rulesStore) {
        this.rulesStore = rulesStore;
    }

    @Override
    public Session open(Connection connection) throws SQLException {
        PointsRules rules = rulesStore.load(connection);
        if (rules.signupBonus() <= 0) {
            return (memberId, member) -> { };
        }
        LedgerBatch ledger = new LedgerBatch(connection);
        return new Session() {
            @Override
            public void memberAdded(long memberId, MemberDetails member) throws SQLException {
                ledger.knowBalance(memberId, 0); // just stored: no points yet, nothing to read
                ledger.addBatch(new PointsStore.NewEntry(memberId, member.joinDate().atStartOfDay(),
                        PointsEntry.Kind.EARN, null, null, null, PointsEarner.REASON_SIGNUP, null),
                        rules.signupBonus(), rules.expiresOn(member.joinDate()));
            }

            @Override
            public void close() throws SQLException {
                try {
                    ledger.flush();
                } finally {
                    ledger.close();
                }
            }
        };
    }
}
