package org.memberdesk.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 5: the columns of real exports are found by their own names, Chinese or English, however they are
 * spelled (case, spaces, underscores, full-width letters, a unit in brackets); where two columns compete for a field
 * the documented one wins. The same aliases serve the wizard and the command line (one list per file kind).
 */
class HeaderGuessingTest {

    private static Map<String, String> guess(Map<String, List<String>> fields, String... header) {
        return FieldColumns.resolve(List.of(header), fields, Map.of()).asNames();
    }

    @Test
    void finding5_theOnlineRetailExportIsMappedByItsOwnNames() {
        // the UCI "Online Retail" line-level export: no amount column, quantity × unit price makes it
        FieldColumns columns = FieldColumns.resolve(List.of("InvoiceNo", "StockCode", "Description", "Quantity",
                "InvoiceDate", "UnitPrice", "CustomerID", "Country"), PurchaseImporter.FIELDS, Map.of());
        assertEquals(Map.of("purchase_no", "InvoiceNo", "member_no", "CustomerID", "time", "InvoiceDate",
                "item", "Description", "quantity", "Quantity", "unit_price", "UnitPrice"), columns.asNames());
        assertFalse(columns.has("amount"));
        assertEquals(List.of(1, 7), columns.unclaimed()); // StockCode and Country are no field of ours
    }

    @Test
    void finding5_aChineseCashierExportIsMappedByItsOwnNames() {
        assertEquals(Map.of("purchase_no", "单号", "member_no", "会员卡号", "time", "交易时间", "item", "商品名称",
                        "quantity", "数量", "unit_price", "单价", "amount", "实收金额"),
                guess(PurchaseImporter.FIELDS, "单号", "会员卡号", "交易时间", "商品名称", "数量", "单价", "实收金额"));
        assertEquals(Map.of("purchase_no", "小票号", "member_no", "客户编号", "phone", "联系电话", "time", "日期",
                        "quantity", "Qty", "unit_price", "Price", "amount", "Total"),
                guess(PurchaseImporter.FIELDS, "小票号", "客户编号", "联系电话", "日期", "Qty", "Price", "Total"));
        assertEquals(Map.of("purchase_no", "Invoice Number", "member_no", "Customer ID", "time", "Date",
                        "item", "Product", "quantity", "Quantity", "unit_price", "Unit Price", "amount", "Amount"),
                guess(PurchaseImporter.FIELDS, "Invoice Number", "Customer ID", "Date", "Product", "Quantity",
                        "Unit Price", "Amount"));
    }

    @Test
    void finding5_namesAreComparedForgivingly() {
        // case, spaces, underscores, hyphens, full-width letters and brackets, a unit in brackets
        assertEquals(Map.of("purchase_no", "ＩＮＶＯＩＣＥ－ＮＯ", "member_no", "customer_id", "time", "Invoice Date",
                        "unit_price", "单价（元）", "amount", "金额(元)", "quantity", "数量【件】"),
                guess(PurchaseImporter.FIELDS, "ＩＮＶＯＩＣＥ－ＮＯ", "customer_id", "Invoice Date", "单价（元）",
                        "金额(元)", "数量【件】"));
        assertEquals(Map.of("amount", "Amount (¥)", "purchase_no", " order no. "),
                guess(PurchaseImporter.FIELDS, "Amount (¥)", " order no. "));
        assertEquals("jine", FieldColumns.key("Ji_Ne (元)"));
        assertEquals("(元)", FieldColumns.key("(元)")); // a bracket alone is the whole name, not a unit
    }

    @Test
    void finding5_whereTwoColumnsCompeteTheDocumentedOneWins() {
        // what was paid beats what was due, whichever comes first in the file
        assertEquals("实收", guess(PurchaseImporter.FIELDS, "单号", "应收", "实收").get("amount"));
        assertEquals("实收金额", guess(PurchaseImporter.FIELDS, "应收金额", "金额", "实收金额").get("amount"));
        assertEquals("金额", guess(PurchaseImporter.FIELDS, "应收金额", "金额").get("amount"));
        // 应收 alone is the only amount there is
        assertEquals("应收", guess(PurchaseImporter.FIELDS, "单号", "应收").get("amount"));
        // a date-and-time column beats a date only one; 时间 beats 日期
        assertEquals("交易时间", guess(PurchaseImporter.FIELDS, "日期", "交易时间").get("time"));
        assertEquals("时间", guess(PurchaseImporter.FIELDS, "日期", "时间").get("time"));
        // one column is never taken for two fields: 会员卡号 is the member number, 卡号 then finds nothing else
        Map<String, String> both = guess(PurchaseImporter.FIELDS, "会员卡号", "手机");
        assertEquals(Map.of("member_no", "会员卡号", "phone", "手机"), both);
    }

    @Test
    void finding5_aColumnChosenByNameIsTakenAsWrittenBeforeAForgivingMatch() {
        // two columns the forgiving comparison cannot tell apart: the one the person named is read
        FieldColumns columns = FieldColumns.resolve(List.of("Amount", "amount (¥)"), PurchaseImporter.FIELDS,
                Map.of("amount", "amount (¥)"));
        assertEquals(1, columns.index("amount"));
        assertEquals(0, FieldColumns.resolve(List.of("Amount", "amount (¥)"), PurchaseImporter.FIELDS,
                Map.of("amount", "AMOUNT")).index("amount"));
    }

    @Test
    void finding5_membersFilesFromOtherSystemsAreMapped() {
        assertEquals(Map.of("member_no", "客户编号", "name", "客户姓名", "phone", "联系电话", "join_date", "开卡时间",
                        "birthday", "出生日期"),
                guess(MemberImporter.FIELDS, "客户编号", "客户姓名", "联系电话", "开卡时间", "出生日期"));
        assertEquals(Map.of("member_no", "Customer ID", "name", "Customer Name", "phone", "Mobile",
                        "join_date", "Signup Date", "notes", "Remarks"),
                guess(MemberImporter.FIELDS, "Customer ID", "Customer Name", "Mobile", "Signup Date", "Remarks"));
        // 客户 alone may be a name or a number: the person says which
        assertEquals(Map.of(), guess(MemberImporter.FIELDS, "客户"));
    }

    @Test
    void finding5_cardFilesFromOtherSystemsAreMapped() {
        assertEquals(Map.of("member_no", "会员卡号", "product", "卡种", "principal", "余额(元)", "bonus", "赠送金额",
                        "sessions_left", "剩余次数", "valid_from", "开始日期", "valid_to", "到期时间"),
                guess(CardImporter.FIELDS, "会员卡号", "卡种", "余额(元)", "赠送金额", "剩余次数", "开始日期", "到期时间"));
        // 卡号 in a cards file is the card's own number, not the member's
        assertEquals(Map.of("product", "卡名"), guess(CardImporter.FIELDS, "卡号", "卡名"));
    }
}
