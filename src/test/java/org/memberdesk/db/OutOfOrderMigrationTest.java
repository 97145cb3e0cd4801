package org.memberdesk.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Features number their scripts by branch, so a database can already hold a higher version (V7, V8) when a
 * lower one (V6, the totals) arrives: opening it applies the missing script instead of taking the fast path.
 */
class OutOfOrderMigrationTest {
    @TempDir
    Path folder;

    @Test
    void aLowerScriptMissingFromAnUpToDateLookingDatabaseIsApplied() {
        Database database = Database.open(folder.resolve("shop.db"));
        database.execute("INSERT INTO members (member_no, name, join_date, purchase_count, spent_cents)"
                + " VALUES ('A1', '王芳', '2026-01-01', 2, 15000)");
        // as if the database had been brought to the newest version by a build without V6
        database.execute("DROP TRIGGER totals_member_added");
        database.execute("DROP TRIGGER totals_member_removed");
        database.execute("DROP TABLE totals");
        database.execute("DELETE FROM flyway_schema_history WHERE version = '6'");

        Database again = Database.open(folder.resolve("shop.db"));
        assertEquals(Migrations.LATEST_VERSION, Migrations.appliedVersion(again));
        // backfilled from the member statistics: 1 member, 2 purchases, ¥150.00
        assertEquals("1|2|0|15000", again.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(
                         "SELECT members || '|' || purchases || '|' || returns || '|' || revenue_cents FROM totals")) {
                rs.next();
                return rs.getString(1);
            }
        }));
    }
}
