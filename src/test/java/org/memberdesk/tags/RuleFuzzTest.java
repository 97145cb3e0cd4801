package org.memberdesk.tags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.members.Gender;

/**
 * Thousands of random and hostile rules: each either parses or fails with a RuleException (never
 * anything else), every rule that parses evaluates without error, and afterwards every table (and on SQLite the
 * database file) is byte for byte what it was.
 */
@BothEngines
class RuleFuzzTest {
    private static final String[] FIELDS = {"purchases", "total_spent", "avg_order", "days_since_last_purchase",
        "days_since_first_purchase", "days_since_join", "channel", "gender", "age", "birthday_month", "bought", "tag",
        "points", "tier", "referrals", "消费次数", "累计消费", "渠道", "购买过", "标签", "PURCHASES", "purchase", "members",
        "id", "m.id", "sqlite_master"};
    private static final String[] OPERATORS = {"=", "!=", "<>", "<", "<=", ">", ">=", "between", "in", "IN", "==",
        "≥", "like", "is", "~"};
    private static final String[] HOSTILE = {"'; DROP TABLE members; --", "\" OR 1=1 --", "x' OR '1'='1",
        "'); DELETE FROM purchases; --", "1; UPDATE members SET points = 999", "/* comment */", "--", ";",
        "UNION SELECT * FROM sqlite_master", "PRAGMA writable_schema=1", "ATTACH DATABASE 'x' AS y", "%", "_",
        "\\", "\u0000", "抖音", "苹果", "", " ", "''", "\"\"", "?", "?1", ":name", "$x", "@p", "NULL", "null"};
    private static final String[] WORDS = {"and", "or", "not", "AND", "Or", "NOT", "且", "或", "非", "(", ")", ",",
        "(", ")", ";", "--", "/*", "*/", "SELECT", "DELETE", "DROP", "UPDATE", "INSERT", "FROM", "WHERE", "NULL",
        "'", "\"", "“", "”", "（", "）", "，"};

    @TempDir
    Path folder;

    @Test
    void hostileRulesNeverCrashAndNeverChangeTheDatabase() throws Exception {
        TestShop shop = new TestShop(folder);
        long a = shop.member("M001", Gender.FEMALE, "1990-06-15", "2026-01-10", "抖音", null);
        long b = shop.member("M002", Gender.MALE, "1985-12-01", "2026-02-01", "小程序", "M001");
        shop.member("M003", null, null, "2026-03-01", null, null);
        shop.purchase(a, "2026-03-01", "苹果", 10000);
        shop.purchase(b, "2026-05-01", "梨", 10000);
        shop.purchase(b, "2026-06-01", "梨", -5000);
        shop.context().tags().create("VIP", "purchases >= 1");
        RuleService rules = shop.context().rules();
        Path file = TestDatabase.onServer() ? null : shop.context().database().file();
        String before = checksum(shop, file);

        Random random = new Random(20261122);
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < 6000; i++) {
            String text = switch (i % 3) {
                case 0 -> structured(random);
                case 1 -> mutate(structured(random), random);
                default -> garbage(random);
            };
            Rule rule;
            try {
                rule = Rule.parse(text);
            } catch (RuleException expected) {
                refused++;
                assertTrue(expected.position() >= 1 && expected.position() <= text.length() + 1,
                        "position inside the text: " + text + " → " + expected.getMessage());
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                fail("crashed on " + text + ": " + e);
                return;
            }
            parsed++;
            // the canonical text means the same rule: what the visual builder writes reads back the same
            assertEquals(rule.root(), Rule.parse(rule.canonical()).root(), text);
            assertEquals(rule.root(), Rule.parse(rule.chinese()).root(), text);
            if (parsed % 4 == 0) {
                try {
                    LocalDate asOf = parsed % 8 == 0 ? TestShop.TODAY : LocalDate.of(2026, 5, 15);
                    long count = rules.count(rule, asOf);
                    assertTrue(count >= 0 && count <= 3, text);
                } catch (org.memberdesk.predictions.PredictionRefused e) {
                    // this three-member shop has no repeat buyers: a rule on the prediction fields is refused with
                    // the reason (never evaluated against no model), and nothing is stored
                    assertTrue(rule.readsPredictions(), text + " → " + e.getMessage());
                } catch (RuntimeException e) {
                    fail("evaluating " + text + " failed: " + e);
                }
            }
        }
        assertTrue(parsed > 1000, "enough rules parse to exercise evaluation: " + parsed);
        assertTrue(refused > 1000, "enough rules are refused: " + refused);
        assertEquals(before, checksum(shop, file), "the database is unchanged");
        assertArrayEquals(new long[] {a, b}, rules.members(Rule.parse("tag = VIP"), TestShop.TODAY));
    }

    private static String structured(Random random) {
        StringBuilder text = new StringBuilder();
        int conditions = 1 + random.nextInt(4);
        int open = 0;
        for (int c = 0; c < conditions; c++) {
            if (c > 0) {
                text.append(random.nextBoolean() ? " and " : random.nextInt(3) == 0 ? " 或 " : " OR ");
            }
            if (random.nextInt(4) == 0) {
                text.append("not ");
            }
            if (random.nextInt(4) == 0) {
                text.append('(');
                open++;
            }
            // mostly well-typed conditions (so many rules reach the database), sometimes anything at all
            boolean typed = random.nextInt(5) > 0;
            Field field = Field.values()[random.nextInt(Field.values().length)];
            text.append(typed ? field.name(random.nextBoolean()) : pick(FIELDS, random)).append(' ');
            String op = typed ? field.operators().get(random.nextInt(field.operators().size())).symbol()
                    : pick(OPERATORS, random);
            text.append(op).append(' ');
            if (op.equalsIgnoreCase("between")) {
                int low = random.nextInt(500);
                text.append(typed ? low + " and " + (low + random.nextInt(500)) : value(random) + " and " + value(random));
            } else if (op.equalsIgnoreCase("in")) {
                text.append('(').append(typed ? typedValue(field, random) : value(random));
                for (int v = random.nextInt(3); v > 0; v--) {
                    text.append(", ").append(typed ? typedValue(field, random) : value(random));
                }
                text.append(')');
            } else {
                text.append(typed ? typedValue(field, random) : value(random));
            }
            if (open > 0 && random.nextInt(3) == 0) {
                text.append(')');
                open--;
            }
        }
        text.append(")".repeat(random.nextInt(5) == 0 ? open + 1 : open));
        return text.toString();
    }

    private static String typedValue(Field field, Random random) {
        if (field == Field.GENDER) {
            return pick(new String[] {"M", "F", "男", "女", "'m'", "\"female\""}, random);
        }
        if (field == Field.BIRTHDAY_MONTH) {
            return Integer.toString(1 + random.nextInt(12));
        }
        if (field.numeric()) {
            return field.kind() == Field.Kind.MONEY && random.nextBoolean()
                    ? random.nextInt(1000) + "." + random.nextInt(100) : Integer.toString(random.nextInt(1000) - 50);
        }
        String hostile = pick(HOSTILE, random);
        return random.nextBoolean() ? "'" + hostile.replace("'", "''") + "'" : "\"" + hostile.replace("\"", "\"\"") + "\"";
    }

    private static String value(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> Integer.toString(random.nextInt(2000) - 100);
            case 1 -> random.nextInt(1000) + "." + random.nextInt(100);
            case 2 -> "'" + pick(HOSTILE, random).replace("'", "''") + "'";
            case 3 -> "\"" + pick(HOSTILE, random).replace("\"", "\"\"") + "\"";
            case 4 -> pick(HOSTILE, random);
            default -> Long.toString(random.nextLong());
        };
    }

    private static String mutate(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        for (int m = 1 + random.nextInt(3); m > 0 && !s.isEmpty(); m--) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(3)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, pick(WORDS, random));
                default -> s.insert(at, pick(HOSTILE, random));
            }
        }
        return s.toString();
    }

    private static String garbage(Random random) {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(12); n >= 0; n--) {
            switch (random.nextInt(4)) {
                case 0 -> s.append(pick(WORDS, random));
                case 1 -> s.append(pick(HOSTILE, random));
                case 2 -> s.append(pick(FIELDS, random));
                default -> s.append((char) random.nextInt(0x3000));
            }
            s.append(random.nextBoolean() ? " " : "");
        }
        return s.toString();
    }

    private static String pick(String[] choices, Random random) {
        return choices[random.nextInt(choices.length)];
    }

    /**
     * A digest of the schema and every table's rows (in sorted order: a server returns an unchanged table's rows in
     * no promised order), plus, on SQLite, the database file itself after a checkpoint.
     */
    private static String checksum(TestShop shop, Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        boolean sqlite = !TestDatabase.onServer();
        shop.context().database().read(connection -> {
            try (Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                if (sqlite) {
                    statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                try (ResultSet rs = statement.executeQuery(sqlite
                        ? "SELECT name, sql FROM sqlite_master ORDER BY type, name"
                        : """
                          SELECT table_name, column_name || ' ' || data_type || ' ' || coalesce(column_default, '')
                          FROM information_schema.columns WHERE table_schema = current_schema()
                          ORDER BY table_name, ordinal_position""")) {
                    while (rs.next()) {
                        digest.update((rs.getString(1) + rs.getString(2)).getBytes(StandardCharsets.UTF_8));
                    }
                }
                try (ResultSet rs = statement.executeQuery(sqlite
                        ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                        : """
                          SELECT table_name FROM information_schema.tables
                          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    List<String> lines = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                        ResultSetMetaData meta = rows.getMetaData();
                        while (rows.next()) {
                            StringBuilder line = new StringBuilder();
                            for (int c = 1; c <= meta.getColumnCount(); c++) {
                                line.append(rows.getString(c)).append('\u001f');
                            }
                            lines.add(line.toString());
                        }
                    }
                    lines.sort(null);
                    digest.update((table + lines).getBytes(StandardCharsets.UTF_8));
                }
            }
            return null;
        });
        if (sqlite) {
            digest.update(Files.readAllBytes(file));
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }
}
