package org.memberdesk.staff;

import java.util.Locale;

/**
 * What a person at the computer is: 收银员 cashier, 店长 manager, 店主 owner. Each role may do everything the one
 * before it may, and more (see {@link Permission}).
 */
public enum Role {
    CASHIER, MANAGER, OWNER;

    /** As stored and typed: {@code cashier}, {@code manager}, {@code owner}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The bundle key of the role's name (收银员 / Cashier …). */
    public String textKey() {
        return "staff.role." + code();
    }

    /** The role a stored or typed code names. */
    public static Role of(String code) {
        for (Role role : values()) {
            if (role.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("no such role: " + code + " (cashier, manager or owner)");
    }

    /** Whether this role may do what {@code permission} guards. */
    public boolean may(Permission permission) {
        return compareTo(permission.least()) >= 0;
    }
}
