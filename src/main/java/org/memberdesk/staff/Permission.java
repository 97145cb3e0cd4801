package org.memberdesk.staff;

import java.util.Locale;

/**
 * Everything a role may or may not do, each with the least role that may: the whole permission matrix, in one
 * place. Services ask {@link StaffSession#require(Permission)} before they act (so the command line obeys the
 * same rules as the windows); screens ask {@link StaffSession#may(Permission)} to leave out what cannot be used.
 */
public enum Permission {
    // 收银员 cashier: the counter
    SELL(Role.CASHIER),
    CHECK_IN(Role.CASHIER),
    FIND_MEMBERS(Role.CASHIER),
    /** A new member signed up at the counter. */
    ADD_MEMBER(Role.CASHIER),
    SELL_CARD(Role.CASHIER),
    TOP_UP(Role.CASHIER),
    /** A return of a sale made today. */
    RETURN_TODAY(Role.CASHIER),
    REDEEM_COUPON(Role.CASHIER),
    REDEEM_POINTS(Role.CASHIER),

    // 店长 manager: plus the members, marketing and the money that goes back
    EDIT_MEMBER(Role.MANAGER),
    ARCHIVE_MEMBER(Role.MANAGER),
    TAGS(Role.MANAGER),
    CAMPAIGNS(Role.MANAGER),
    PRINT(Role.MANAGER),
    REPORTS(Role.MANAGER),
    /** A return of a sale made on an earlier day. */
    RETURN_ANY_DATE(Role.MANAGER),
    /** 作废: a sale keyed by mistake taken back as if it never happened. */
    VOID_SALE(Role.MANAGER),
    FREEZE_CARD(Role.MANAGER),
    REFUND_CARD(Role.MANAGER),
    /** Points added or taken by hand: a manager up to the shop's limit per adjustment, the owner without. */
    ADJUST_POINTS(Role.MANAGER),
    /** Exports of members and purchases, with phone numbers masked. */
    EXPORT(Role.MANAGER),
    /** The operation log on screen. */
    VIEW_LOG(Role.MANAGER),

    // 店主 owner: everything else
    SETTINGS(Role.OWNER),
    STAFF(Role.OWNER),
    BACKUP(Role.OWNER),
    RESTORE(Role.OWNER),
    IMPORT(Role.OWNER),
    /** Full phone numbers, on screen and in exports (each unmasked export is logged). */
    FULL_PHONES(Role.OWNER),
    /** The operation log exported to a file. */
    EXPORT_LOG(Role.OWNER),
    /** Points adjusted by more than the manager's limit. */
    ADJUST_POINTS_UNLIMITED(Role.OWNER);

    private final Role least;

    Permission(Role least) {
        this.least = least;
    }

    /** The least role that may. */
    public Role least() {
        return least;
    }

    /** The bundle key of what it allows, in the shop's words ("refund a card" / "退卡"). */
    public String textKey() {
        return "staff.permission." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
