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
 * and one for the balances ({@link LedgerBatch}): an import's session is a batch of thousands of members,
 * and one statement per member made a million-member import half as slow again (22.4 s instead of ~15 s).
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
