package org.memberdesk.coupons;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.memberdesk.common.Json;
import org.memberdesk.db.Dialect;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.memberdesk.members.MemberStore;

/** Coupon templates and issued coupons. Works on the caller's connection, inside the caller's transaction. */
public final class CouponStore {
    /** Members per INSERT when issuing: big enough to be fast, small enough for SQLite's text limits. */
    private static final int BATCH = 10_000;
    private static final String COUPON_COLUMNS = """
            id, code, campaign_id, (SELECT template_id FROM campaigns WHERE id = campaign_id) AS template_id,
            member_id, issued_at, valid_from, valid_to, used_at, purchase_id, discount_cents""";

    public long insertTemplate(Connection connection, Coupon coupon, LocalDateTime now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO coupon_templates (name, kind, value_cents, percent_off, cap_cents, min_spend_cents, items,
                                              valid_from, valid_to, valid_days, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            statement.setString(1, coupon.name());
            statement.setString(2, coupon.kind().code());
            statement.setLong(3, coupon.valueCents());
            setNullable(statement, 4, coupon.percentOff() == null ? null : coupon.percentOff().longValue());
            setNullable(statement, 5, coupon.capCents());
            statement.setLong(6, coupon.minSpendCents());
            statement.setString(7, coupon.items().isEmpty() ? null : Json.write(coupon.items()));
            Validity validity = coupon.validity();
            statement.setString(8, validity.from() == null ? null : validity.from().toString());
            statement.setString(9, validity.to() == null ? null : validity.to().toString());
            setNullable(statement, 10, validity.days() == null ? null : validity.days().longValue());
            statement.setString(11, now.format(MemberStore.TIME));
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public Optional<Coupon> template(Connection connection, long id) throws SQLException {
        List<Coupon> found = templates(connection, "id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Templates not archived, newest first. */
    public List<Coupon> templates(Connection connection) throws SQLException {
        return templates(connection, "archived = 0 ORDER BY id DESC", null);
    }

    private List<Coupon> templates(Connection connection, String where, Long id) throws SQLException {
        List<Coupon> coupons = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT id, name, kind, value_cents, percent_off, cap_cents, min_spend_cents, items, valid_from,
                       valid_to, valid_days
                FROM coupon_templates WHERE """ + " " + where)) {
            if (id != null) {
                statement.setLong(1, id);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String items = rs.getString("items");
                    int percent = rs.getInt("percent_off");
                    Integer percentOff = rs.wasNull() ? null : percent;
                    long cap = rs.getLong("cap_cents");
                    Long capCents = rs.wasNull() ? null : cap;
                    int days = rs.getInt("valid_days");
                    Integer validDays = rs.wasNull() ? null : days;
                    coupons.add(new Coupon(rs.getLong("id"), rs.getString("name"), CouponKind.parse(rs.getString("kind")),
                            rs.getLong("value_cents"), percentOff, capCents, rs.getLong("min_spend_cents"),
                            items == null ? List.of() : Json.readStringList(items),
                            new Validity(date(rs.getString("valid_from")), date(rs.getString("valid_to")), validDays)));
                }
            }
        }
        return coupons;
    }

    /**
     * Issues one coupon per member, drawing codes from {@code random}. The rows go in with one
     * statement per 10,000 members (a JSON array of [member id, code] pairs unpacked by SQLite's
     * json_each, PostgreSQL's json_array_elements) instead of one statement per coupon, which is what keeps 100,000 coupons within a
     * few seconds. A code already taken (by an earlier
     * campaign: about one draw in 34 billion per stored code) leaves its member without a coupon;
     * those members are found and given freshly drawn codes until every member has one.
     */
    public int issue(Connection connection, long campaignId, long[] memberIds, LocalDateTime issuedAt,
                     LocalDate validFrom, LocalDate validTo, RandomGenerator random) throws SQLException {
        int issued = 0;
        try (PreparedStatement insert = connection.prepareStatement(Dialect.of(connection).pick("""
                INSERT OR IGNORE INTO coupons (code, campaign_id, member_id, issued_at, valid_from, valid_to)
                SELECT value ->> 1, ?, value ->> 0, ?, ?, ? FROM json_each(?)""", """
                INSERT INTO coupons (code, campaign_id, member_id, issued_at, valid_from, valid_to)
                SELECT pair ->> 1, ?, CAST(pair ->> 0 AS BIGINT), ?, ?, ? FROM json_array_elements(CAST(? AS json)) pair
                ON CONFLICT DO NOTHING"""))) {
            insert.setLong(1, campaignId);
            insert.setString(2, issuedAt.format(MemberStore.TIME));
            insert.setString(3, validFrom.toString());
            insert.setString(4, validTo.toString());
            long[] pending = memberIds;
            while (pending.length > 0) {
                for (int from = 0; from < pending.length; from += BATCH) {
                    int to = Math.min(pending.length, from + BATCH);
                    // codes are letters and digits only, so they need no JSON escaping
                    StringBuilder pairs = new StringBuilder((to - from) * 24).append('[');
                    for (int i = from; i < to; i++) {
                        pairs.append(i == from ? "[" : ",[").append(pending[i]).append(",\"")
                                .append(CouponCodes.next(random)).append("\"]");
                    }
                    insert.setString(5, pairs.append(']').toString());
                    issued += insert.executeUpdate();
                }
                pending = withoutCoupon(connection, campaignId, pending);
            }
        }
        return issued;
    }

    /** The members of a list who have no coupon of this campaign yet. */
    private static long[] withoutCoupon(Connection connection, long campaignId, long[] memberIds)
            throws SQLException {
        if (countFor(connection, campaignId) >= memberIds.length) {
            return new long[0];
        }
        Set<Long> have = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT member_id FROM coupons WHERE campaign_id = ?")) {
            statement.setLong(1, campaignId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    have.add(rs.getLong(1));
                }
            }
        }
        return Arrays.stream(memberIds).filter(id -> !have.contains(id)).toArray();
    }

    private static int countFor(Connection connection, long campaignId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM coupons WHERE campaign_id = ?")) {
            statement.setLong(1, campaignId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public Optional<IssuedCoupon> byCode(Connection connection, String code) throws SQLException {
        List<IssuedCoupon> found = coupons(connection, "code = ?", code);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** A member's coupons, newest first. */
    public List<IssuedCoupon> forMember(Connection connection, long memberId) throws SQLException {
        return coupons(connection, "member_id = ? ORDER BY issued_at DESC, id DESC", memberId);
    }

    /**
     * Marks a coupon used by a purchase, only if nobody has yet: false means another window or
     * process used it first (the caller's transaction must then be undone).
     */
    public boolean markUsed(Connection connection, long couponId, LocalDateTime usedAt, long purchaseId,
                            long discountCents) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE coupons SET used_at = ?, purchase_id = ?, discount_cents = ?
                WHERE id = ? AND used_at IS NULL""")) {
            statement.setString(1, usedAt.format(MemberStore.TIME));
            statement.setLong(2, purchaseId);
            statement.setLong(3, discountCents);
            statement.setLong(4, couponId);
            return statement.executeUpdate() == 1;
        }
    }

    private List<IssuedCoupon> coupons(Connection connection, String where, Object value) throws SQLException {
        List<IssuedCoupon> coupons = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + COUPON_COLUMNS + " FROM coupons WHERE " + where)) {
            statement.setObject(1, value);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long purchase = rs.getLong("purchase_id");
                    Long purchaseId = rs.wasNull() ? null : purchase;
                    long discount = rs.getLong("discount_cents");
                    Long discountCents = rs.wasNull() ? null : discount;
                    String used = rs.getString("used_at");
                    coupons.add(new IssuedCoupon(rs.getLong("id"), rs.getString("code"), rs.getLong("campaign_id"),
                            rs.getLong("template_id"), rs.getLong("member_id"),
                            LocalDateTime.parse(rs.getString("issued_at"), MemberStore.TIME),
                            LocalDate.parse(rs.getString("valid_from")), LocalDate.parse(rs.getString("valid_to")),
                            used == null ? null : LocalDateTime.parse(used, MemberStore.TIME), purchaseId,
                            discountCents));
                }
            }
        }
        return coupons;
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static void setNullable(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }
}
