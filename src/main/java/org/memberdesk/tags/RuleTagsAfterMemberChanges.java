package org.memberdesk.tags;

import java.sql.Connection;
import java.sql.SQLException;
import org.memberdesk.members.MemberDetails;
import org.memberdesk.members.MemberListener;

/**
 * Rule tags look at members' own fields too (days since joining, who had joined by a date, birthday, channel), so
 * a session that changed a stored member marks them out of date in its own transaction, once, when it closes;
 * {@link TagService#refreshIfStale} refreshes them at the end of an import and when the desktop starts. The mark
 * names the first member changed, so a refresh that began before this change never clears it. New members are
 * the import's own business ({@link TagRefresher}).
 */
public final class RuleTagsAfterMemberChanges implements MemberListener {
    private final TagService tags;

    public RuleTagsAfterMemberChanges(TagService tags) {
        this.tags = tags;
    }

    @Override
    public Session open(Connection connection) {
        return new Session() {
            private String first;

            @Override
            public void memberAdded(long memberId, MemberDetails member) {
                // new members: an import marks the tags per batch itself (TagRefresher); the form's as before
            }

            @Override
            public void memberChanged(long memberId, MemberDetails before, MemberDetails after) {
                if (first == null) {
                    first = "member " + memberId + " " + System.nanoTime();
                }
            }

            @Override
            public void close() throws SQLException {
                if (first != null) {
                    tags.markStale(connection, first);
                    first = null;
                }
            }
        };
    }
}
