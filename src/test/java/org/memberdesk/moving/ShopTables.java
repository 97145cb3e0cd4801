package org.memberdesk.moving;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.memberdesk.db.Database;
import org.memberdesk.db.SchemaTables;

/**
 * Every table of a database as text, row by row in key order, column by column by name: two databases on different
 * engines hold the same data when these are equal. Values are written as the shop's data means them (a whole number
 * as a number, whatever width the engine gave it; a picture as hex), so only a real difference shows.
 */
final class ShopTables {
    private ShopTables() {
    }

    static Map<String, List<String>> of(Database database) {
        return database.read(ShopTables::of);
    }

    static Map<String, List<String>> of(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        for (SchemaTables.Table table : SchemaTables.inCopyOrder(connection)) {
            List<String> columns = new ArrayList<>(table.columns());
            java.util.Collections.sort(columns); // the engines' column orders differ (columns added later)
            List<String> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT "
                    + String.join(", ", columns.stream().map(c -> "\"" + c + "\"").toList()) + " FROM "
                    + table.quoted() + " ORDER BY " + table.orderBy());
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.append(columns.get(i - 1)).append('=').append(text(rs.getObject(i))).append(" | ");
                    }
                    rows.add(row.toString());
                }
            }
            tables.put(table.name(), rows);
        }
        return tables;
    }

    private static String text(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return "int:" + ((Number) value).longValue();
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return "int:" + decimal.longValueExact();
        }
        if (value instanceof Double number) {
            return "real:" + number;
        }
        if (value instanceof byte[] bytes) {
            return "blob:" + HexFormat.of().formatHex(bytes);
        }
        return "text:" + value;
    }
}
