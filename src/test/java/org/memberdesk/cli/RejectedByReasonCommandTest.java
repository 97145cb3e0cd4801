package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Json;

/** {@code import-members} / {@code import-purchases --json} say why rows were rejected, reason by reason (issue 17). */
class RejectedByReasonCommandTest {
    @TempDir
    Path folder;

    Map<String, Object> run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(0, code, err.toString());
        return Json.readObject(out.toString().strip());
    }

    @Test
    void rule8_importJsonCountsRejectedRowsByReasonMostFrequentFirst() throws Exception {
        String db = folder.resolve("shop.db").toString();
        StringBuilder members = new StringBuilder("member_no,name,phone,birthday\n");
        members.append("M1,王芳,13812345678,1990-05-01\n");
        for (int i = 2; i <= 6; i++) { // five impossible birthdays, each a different value
            members.append("M").append(i).append(",会员,1390000000").append(i).append(",1990-02-3").append(i - 2)
                    .append('\n');
        }
        members.append("M7,会员,123,1990-01-01\n"); // not a phone
        members.append("M8,会员,456,1990-01-01\n"); // not a phone
        Path membersFile = folder.resolve("members.csv");
        Files.writeString(membersFile, members.toString(), StandardCharsets.UTF_8);
        Map<String, Object> imported = run("--db", db, "import-members", membersFile.toString(), "--json");
        assertEquals(7, imported.get("rejected"));
        // 1990-02-30 … 1990-02-34: five values, one reason; then the two phones
        assertEquals(Map.of("Not a possible date (YYYY-MM-DD) in the column birthday", 5,
                "Not a mainland mobile phone number", 2), imported.get("rejected_by_reason"));
        @SuppressWarnings("unchecked")
        List<String> order = List.copyOf(((Map<String, Object>) imported.get("rejected_by_reason")).keySet());
        assertEquals("Not a possible date (YYYY-MM-DD) in the column birthday", order.get(0));

        Path purchases = folder.resolve("purchases.csv");
        Files.writeString(purchases, """
                purchase_no,member_no,time,item,amount
                T1,M1,2025-02-01 10:00,A,10
                T2,M9,2025-02-01 10:00,A,10
                T3,M1,2025-02-01 10:00,A,10
                T3,M1,2025-02-01 10:00,B,1.234
                """, StandardCharsets.UTF_8);
        Map<String, Object> bought = run("--db", db, "import-purchases", purchases.toString(), "--json");
        assertEquals(Map.of("Unknown member; import with --create-members to create it", 1,
                "Not an amount in yuan (like 12.50) in the column amount", 1,
                "Another row of the same purchase was rejected, so this row was not stored either", 1),
                bought.get("rejected_by_reason"));
        // with nothing rejected the key is there, empty
        Path good = folder.resolve("good.csv");
        Files.writeString(good, "purchase_no,member_no,time,item,amount\nT9,M1,2025-02-02 10:00,A,10\n",
                StandardCharsets.UTF_8);
        Map<String, Object> again = run("--db", db, "import-purchases", good.toString(), "--json");
        assertEquals(Map.of(), again.get("rejected_by_reason"));
    }
}
