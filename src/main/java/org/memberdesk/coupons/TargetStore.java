package org.memberdesk.coupons;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.memberdesk.members.MemberStore;
import org.memberdesk.members.Phones;

/** The targets coupons answer from the members table itself: everyone, a tier, a pasted list. Archived members are never targeted. */
public final class TargetStore {

    public long[] all(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM members WHERE archived = 0 ORDER BY id")) {
            return ids(statement);
        }
    }

    public long[] tier(Connection connection, String tier) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM members WHERE tier = ? AND archived = 0 ORDER BY id")) {
            statement.setString(1, tier);
            return ids(statement);
        }
    }

    /** The result of looking up a pasted list: the members found, and the entries that matched nobody. */
    public record ListMatch(long[] memberIds, List<String> unknown) {
    }

    public ListMatch list(Connection connection, List<String> entries) throws SQLException {
        Set<Long> found = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        try (PreparedStatement byNumber = connection.prepareStatement(
                "SELECT id FROM members WHERE member_no = ? AND archived = 0");
             PreparedStatement byPhone = connection.prepareStatement(
                     "SELECT id FROM members WHERE phone = ? AND archived = 0")) {
            for (String entry : entries) {
                Optional<Long> id = first(byNumber, entry);
                if (id.isEmpty()) {
                    id = first(byNumber, entry.toUpperCase(Locale.ROOT));
                }
                if (id.isEmpty()) {
                    Optional<String> phone = Phones.normalize(entry);
                    if (phone.isPresent()) {
                        id = first(byPhone, phone.get());
                    }
                }
                if (id.isPresent()) {
                    found.add(id.get());
                } else {
                    unknown.add(entry);
                }
            }
        }
        return new ListMatch(found.stream().mapToLong(Long::longValue).sorted().toArray(), unknown);
    }

    /** Members who were issued any coupon at or after {@code since}. */
    public Set<Long> couponedSince(Connection connection, LocalDateTime since) throws SQLException {
        Set<Long> members = new java.util.HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT DISTINCT member_id FROM coupons WHERE issued_at >= ?")) {
            statement.setString(1, since.format(MemberStore.TIME));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    members.add(rs.getLong(1));
                }
            }
        }
        return members;
    }

    private static Optional<Long> first(PreparedStatement statement, String value) throws SQLException {
        statement.setString(1, value);
        try (ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
    }

    private static long[] ids(PreparedStatement statement) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
