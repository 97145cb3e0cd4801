package org.memberdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Json;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.purchases.PurchaseStore;

/**
 * A line-level sales export like UCI "Online Retail" (one row per invoice line, cancellations as C-invoices with a
 * negative quantity, sub-cent prices, rows without a customer, customer ids saved as {@code 17850.0}, an invoice
 * whose lines are apart), imported with a column mapping only, as a new shop would: the figures equal an independent
 * computation over the same rows (issue 17, item 2).
 */
class LineLevelExportImportTest {
    @TempDir
    Path folder;

    static final String EXPORT = """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26,2.55,17850.0,United Kingdom
            536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26,3.39,17850.0,United Kingdom
            536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28,1.85,17850.0,United Kingdom
            536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,2010-12-01 08:34,1.69,13047.0,United Kingdom
            536368,22960,JAM MAKING SET WITH JARS,3,2010-12-01 08:34,4.25,13047.0,United Kingdom
            C536379,D,Discount,-1,2010-12-01 09:41,27.50,14527.0,United Kingdom
            536380,22961,JAM MAKING SET PRINTED,24,2010-12-01 09:41,1.45,17809.0,United Kingdom
            536381,PADS,PADS TO MATCH ALL CUSHIONS,3,2010-12-01 09:45,0.001,15311.0,United Kingdom
            536381,22139,RETROSPOT TEA SET CERAMIC,1,2010-12-01 09:45,4.95,15311.0,United Kingdom
            536414,22139,?,56,2010-12-01 11:52,0,,United Kingdom
            536544,21773,DECORATIVE ROSE BATHROOM BOTTLE,1,2010-12-01 14:32,2.51,,United Kingdom
            536367,22745,POPPY'S PLAYHOUSE BEDROOM,6,2010-12-01 08:34,2.10,13047.0,United Kingdom
            C536383,35004C,SET OF 3 COLOURED FLYING DUCKS,-1,2010-12-01 09:49,4.65,15311.0,United Kingdom
            536390,22941,CHRISTMAS LIGHTS 10 REINDEER,2,2010-11-30 17:00,8.50,14527.0,United Kingdom
            """;

    @Test
    void rule9_aLineLevelExportImportsWithAMappingOnlyAndItsFiguresEqualPlainArithmetic() throws Exception {
        Path file = folder.resolve("Online Retail.csv");
        Files.writeString(file, EXPORT, StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(TestDatabase.clock()).run(new PrintWriter(out), new PrintWriter(err),
                "--db", folder.resolve("test.db").toString(), "import-purchases", file.toString(),
                "--map", "purchase_no=InvoiceNo,item=Description,quantity=Quantity,time=InvoiceDate,"
                        + "unit_price=UnitPrice,member_no=CustomerID",
                "--allow-returns", "--create-members", "--json");
        assertEquals(0, code, err.toString());
        Map<String, Object> json = Json.readObject(out.toString().strip());

        // by hand, cents per invoice (quantity × price, each line rounded half-up):
        // 536365 17850: 6 × 2.55 + 6 × 3.39 = 15.30 + 20.34 = 35.64 | 536366 17850: 6 × 1.85 = 11.10
        // 536367 13047: 32 × 1.69 + 6 × 2.10 (its lines apart) = 54.08 + 12.60 = 66.68 | 536368 13047: 3 × 4.25 = 12.75
        // 536380 17809: 24 × 1.45 = 34.80 | 536381 15311: 3 × 0.001 = 0.003 → 0.00, + 4.95 = 4.95
        // 536390 14527: 2 × 8.50 = 17.00 | returns: C536379 14527 −27.50, C536383 15311 −4.65
        // 7 sales = 182.92, 2 returns = 32.15, net 150.77; 536414 and 536544 name no customer: rejected.
        // Joined: 14527 on 2010-11-30 (its sale, last in the file), the others 2010-12-01.
        Figures expected = Figures.of(EXPORT);
        assertEquals(7, expected.sales);
        assertEquals(2, expected.returns);
        assertEquals(15_077, expected.netCents);
        assertEquals(2, expected.withoutCustomer);
        assertEquals(Map.of("17850", LocalDate.of(2010, 12, 1), "13047", LocalDate.of(2010, 12, 1),
                "14527", LocalDate.of(2010, 11, 30), "17809", LocalDate.of(2010, 12, 1),
                "15311", LocalDate.of(2010, 12, 1)), expected.joined);

        assertEquals(9, json.get("imported"));
        assertEquals(2, json.get("rejected"));
        assertEquals(Map.of("The row names no member (member_no or phone)", 2), json.get("rejected_by_reason"));
        AppContext app = TestDatabase.open(folder);
        PurchaseStore.Totals totals = app.purchases().totals();
        assertEquals(expected.sales, totals.purchases());
        assertEquals(expected.returns, totals.returns());
        assertEquals(expected.netCents, totals.revenueCents());
        Map<String, LocalDate> joined = new TreeMap<>();
        long memberNet = 0;
        for (Member member : app.members().search(MemberQuery.all(), 0, 100)) {
            joined.put(member.details().memberNo(), member.details().joinDate());
            memberNet += member.stats().netSpentCents();
        }
        assertEquals(new TreeMap<>(expected.joined), joined);
        assertEquals(expected.netCents, memberNet);
    }

    /** The same figures by plain arithmetic over the rows: integers only, nothing of the importer's code. */
    record Figures(long sales, long returns, long netCents, long withoutCustomer, Map<String, LocalDate> joined) {
        static Figures of(String export) {
            Map<String, Long> invoiceCents = new LinkedHashMap<>();
            Map<String, LocalDate> joined = new HashMap<>();
            long withoutCustomer = 0;
            List<String> rows = export.lines().skip(1).toList();
            java.util.Set<String> noCustomer = new java.util.HashSet<>();
            for (String row : rows) {
                String[] cell = row.split(",");
                String invoice = cell[0];
                long quantity = Long.parseLong(cell[3]);
                // price in thousandths of a yuan: "2.55" → 2550, "0.001" → 1, "27.50" → 27500, "0" → 0
                String[] price = (cell[5] + (cell[5].contains(".") ? "" : ".")).split("\\.", -1);
                long mills = Long.parseLong(price[0]) * 1000 + Long.parseLong((price[1] + "000").substring(0, 3));
                long lineCents = (Math.abs(quantity) * mills + 5) / 10; // half-up to the cent
                if (cell[6].isEmpty()) {
                    noCustomer.add(invoice);
                    continue;
                }
                String customer = cell[6].substring(0, cell[6].indexOf('.'));
                invoiceCents.merge(invoice, quantity < 0 ? -lineCents : lineCents, Long::sum);
                LocalDate day = LocalDate.parse(cell[4].substring(0, 10));
                joined.merge(customer, day, (a, b) -> a.isBefore(b) ? a : b);
            }
            withoutCustomer = noCustomer.size();
            long sales = invoiceCents.values().stream().filter(c -> c >= 0).count();
            long returns = invoiceCents.values().stream().filter(c -> c < 0).count();
            long net = invoiceCents.values().stream().mapToLong(Long::longValue).sum();
            return new Figures(sales, returns, net, withoutCustomer, joined);
        }
    }
}
