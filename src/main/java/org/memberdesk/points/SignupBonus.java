package org.memberdesk.points;

import java.sql.Connection;
import java.sql.SQLException;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.members.MemberListener;

/**
 * Gives a new member the sign-up bonus, dated on the join date (so an imported member who joined
 * long ago gets a batch that has already run its course and expires at the next run).
 */
public final class SignupBonus implements MemberListener {
    private final PointsStore store;
    private final PointsRulesStore rulesStore;

    public SignupBonus(PointsStore store, PointsRulesStore rulesStore) {
        this.store = store;
        this.rulesStore = rulesStore;
    }

    @Override
    public Session open(Connection connection) throws SQLException {
        PointsRules rules = rulesStore.load(connection);
        if (rules.signupBonus() <= 0) {
            return (memberId, member) -> { };
        }
        PointsStore.Ledger ledger = store.ledger(connection);
        return new Session() {
            @Override
            public void memberAdded(long memberId, MemberDetails member) throws SQLException {
                ledger.addBatch(new PointsStore.NewEntry(memberId, member.joinDate().atStartOfDay(),
                        PointsEntry.Kind.EARN, null, null, null, PointsEarner.REASON_SIGNUP, null),
                        rules.signupBonus(), rules.expiresOn(member.joinDate()));
            }

            @Override
            public void close() throws SQLException {
                ledger.close();
            }
        };
    }
}
