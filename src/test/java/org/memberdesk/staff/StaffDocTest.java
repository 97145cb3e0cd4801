package org.memberdesk.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.memberdesk.common.Messages;

/**
 * docs/staff.md cannot drift from the program: its two permission tables (English, 中文) hold every permission once,
 * in the enum's order, in the shop's words of each bundle, with exactly the roles that may.
 */
class StaffDocTest {
    private static final Pattern ROW = Pattern.compile(
            "^\\| `([a-z-]+)` \\| ([^|]+) \\| ([✓–]) \\| ([✓–]) \\| ([✓–]) \\|$", Pattern.MULTILINE);

    private record Row(String code, String words, List<Boolean> may) {
    }

    private static List<Row> rows(String text) {
        List<Row> rows = new ArrayList<>();
        Matcher m = ROW.matcher(text);
        while (m.find()) {
            rows.add(new Row(m.group(1), m.group(2).strip(),
                    List.of(m.group(3).equals("✓"), m.group(4).equals("✓"), m.group(5).equals("✓"))));
        }
        return rows;
    }

    @Test
    void bothPermissionTablesMatchTheEnumTheBundlesAndTheRoles() throws Exception {
        String doc = Files.readString(Path.of("docs/staff.md"), StandardCharsets.UTF_8);
        int chinese = doc.indexOf("\n## 中文");
        assertTrue(chinese > 0, "docs/staff.md has an English and a 中文 part");
        check(rows(doc.substring(0, chinese)), Messages.english());
        check(rows(doc.substring(chinese)), Messages.chinese());
    }

    private static void check(List<Row> rows, Messages messages) {
        Permission[] permissions = Permission.values();
        assertEquals(permissions.length, rows.size(), "one row per permission");
        for (int i = 0; i < permissions.length; i++) {
            Permission permission = permissions[i];
            Row row = rows.get(i);
            assertEquals(permission.name().toLowerCase(Locale.ROOT).replace('_', '-'), row.code());
            assertEquals(messages.get(permission.textKey()), row.words(), row.code());
            assertEquals(List.of(Role.CASHIER.may(permission), Role.MANAGER.may(permission),
                    Role.OWNER.may(permission)), row.may(), row.code());
        }
    }

    @Test
    void everyActionOfTheLogIsNamedByItsCodeInBothLanguages() throws Exception {
        String doc = Files.readString(Path.of("docs/staff.md"), StandardCharsets.UTF_8);
        int chinese = doc.indexOf("\n## 中文");
        for (Operation operation : Operation.values()) {
            String english = "`" + operation.code() + "` " + Messages.english().get(operation.textKey())
                    + (operation.money() ? " ¤" : "");
            String zh = "`" + operation.code() + "` " + Messages.chinese().get(operation.textKey())
                    + (operation.money() ? " ¤" : "");
            assertTrue(doc.substring(0, chinese).contains(english), english);
            assertTrue(doc.substring(chinese).contains(zh), zh);
        }
    }
}
