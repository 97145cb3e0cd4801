package org.memberdesk.staff;

import java.util.Locale;

/**
 * What an operation log entry records. The code is what the log stores and {@code audit --action} takes; money
 * marks the actions that move money or its equivalents (refunds, voids, manual adjustments, stored value), which
 * the log screen highlights.
 */
public enum Operation {
    SALE("sale", false),
    RETURN("return", true),
    VOID("void", true),
    CHECK_IN("check-in", false),
    CARD_SALE("card-sale", false),
    TOP_UP("top-up", true),
    FREEZE("freeze", false),
    UNFREEZE("unfreeze", false),
    CARD_REFUND("card-refund", true),
    POINTS_ADJUST("points-adjust", true),
    POINTS_REDEEM("points-redeem", false),
    POINTS_EXPIRE("points-expire", false),
    CAMPAIGN("campaign", false),
    COUPON_REDEEM("coupon-redeem", false),
    MEMBER_ADD("member-add", false),
    MEMBER_EDIT("member-edit", false),
    MEMBER_ARCHIVE("member-archive", false),
    TAG("tag", false),
    RULES("rules", false),
    SETTINGS("settings", false),
    IMPORT("import", false),
    EXPORT("export", false),
    /** An export with full phone numbers (the owner's): each one logged. */
    EXPORT_FULL_PHONES("export-full-phones", false),
    PRINT("print", false),
    BACKUP("backup", false),
    RESTORE("restore", false),
    STAFF("staff", false),
    /** A store added or renamed, or a computer set to its store. */
    STORES("stores", false),
    SIGN_IN("sign-in", false),
    PIN_REFUSED("pin-refused", false),
    /** An action a staff member tried and was refused by their role (nothing else changed). */
    REFUSED("refused", false);

    private final String code;
    private final boolean money;

    Operation(String code, boolean money) {
        this.code = code;
        this.money = money;
    }

    public String code() {
        return code;
    }

    /** Moves money or stored value (highlighted on the log screen). */
    public boolean money() {
        return money;
    }

    /** The bundle key of its name (销售 / Sale …). */
    public String textKey() {
        return "log.action." + code;
    }

    /** The operation a stored or typed code names. */
    public static Operation of(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (Operation operation : values()) {
            if (operation.code.equals(wanted)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("no such action: " + code);
    }
}
