package org.memberdesk.coupons.print;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.memberdesk.members.Phones;

/** The rows of a campaign's printout, by member number. Phones are masked here, so a full number never leaves the database for paper. */
final class PrintStore {

    List<PrintRow> rows(Connection connection, long campaignId) throws SQLException {
        List<PrintRow> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT m.member_no, m.name, m.phone,
                       coalesce(m.tier, (SELECT name FROM tiers ORDER BY rank LIMIT 1)), -- no tier yet: the entry tier
                       c.code, c.valid_from, c.valid_to, c.used_at
                FROM coupons c JOIN members m ON m.id = c.member_id
                WHERE c.campaign_id = ? ORDER BY m.member_no""")) {
            statement.setLong(1, campaignId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PrintRow(rs.getString(1), rs.getString(2), Phones.mask(rs.getString(3)),
                            rs.getString(4), rs.getString(5), LocalDate.parse(rs.getString(6)),
                            LocalDate.parse(rs.getString(7)), usedOn(rs.getString(8))));
                }
            }
        }
        return rows;
    }

    /** The day of a used_at time (YYYY-MM-DD HH:MM:SS), or null while unused. */
    private static LocalDate usedOn(String usedAt) {
        return usedAt == null ? null : LocalDate.parse(usedAt.substring(0, 10));
    }
}
