package org.memberdesk.ui.transfer;

import java.util.List;
import java.util.Map;
import org.memberdesk.io.CardImporter;
import org.memberdesk.io.MemberImporter;
import org.memberdesk.io.PurchaseImporter;

/** What a file is imported as: its fields (in the importer's order) and which of them a file must have. */
public enum ImportKind {
    MEMBERS("members", "import.members.title", MemberImporter.FIELDS, List.of("name")),
    PURCHASES("purchases", "import.purchases.title", PurchaseImporter.FIELDS, List.of("time")),
    CARDS("cards", "wizard.cards.title", CardImporter.FIELDS, List.of("member_no", "product"));

    private final String code;
    private final String titleKey;
    private final Map<String, List<String>> fields;
    private final List<String> required;

    ImportKind(String code, String titleKey, Map<String, List<String>> fields, List<String> required) {
        this.code = code;
        this.titleKey = titleKey;
        this.fields = fields;
        this.required = required;
    }

    /** The kind as the import log and the remembered mappings name it. */
    public String code() {
        return code;
    }

    public String titleKey() {
        return titleKey;
    }

    /** Field → the header names it is recognised by. */
    public Map<String, List<String>> fields() {
        return fields;
    }

    public List<String> fieldNames() {
        return List.copyOf(fields.keySet());
    }

    /** The field of a store (门店) column: mapped only in a chain (a single shop never sees stores). */
    public static final String STORE = "store";

    /** The fields a shop maps: a single shop's without the store, a chain's all of them. */
    public List<String> fieldNames(boolean chain) {
        return fieldNames().stream().filter(field -> chain || !field.equals(STORE)).toList();
    }

    /** Field → header names as the shop's files are read: a single shop's store column is never guessed. */
    public Map<String, List<String>> fields(boolean chain) {
        if (chain || !fields.containsKey(STORE)) {
            return fields;
        }
        Map<String, List<String>> single = new java.util.LinkedHashMap<>(fields);
        single.remove(STORE);
        return single;
    }

    /** Fields that must each have a column. */
    public List<String> required() {
        return required;
    }

    /** A purchase must name its member one way or the other: by number or by phone. */
    public boolean needsMemberColumn() {
        return this == PURCHASES;
    }

    /** A purchase's amount is read from an amount column, or worked out from the unit price (× quantity). */
    public boolean needsAmountColumn() {
        return this == PURCHASES;
    }

    /** Marked as required in the mapping step (member_no and phone, amount and unit price as "one of"). */
    public boolean isMarked(String field) {
        return required.contains(field)
                || (needsMemberColumn() && (field.equals("member_no") || field.equals("phone")))
                || (needsAmountColumn() && (field.equals("amount") || field.equals("unit_price")));
    }
}
