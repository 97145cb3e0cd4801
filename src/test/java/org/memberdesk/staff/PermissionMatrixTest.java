package org.memberdesk.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The permission matrix, every permission × every role, against a table written out by hand from the issue
 * (cashier: the counter; manager: plus members, marketing and the money that goes back; owner: everything).
 */
class PermissionMatrixTest {
    /** C = cashier, M = manager, O = owner: who may. Written by hand, not derived from Permission.least(). */
    private static final String TABLE = """
            SELL                     C M O
            CHECK_IN                 C M O
            FIND_MEMBERS             C M O
            ADD_MEMBER               C M O
            SELL_CARD                C M O
            TOP_UP                   C M O
            RETURN_TODAY             C M O
            REDEEM_COUPON            C M O
            REDEEM_POINTS            C M O
            EDIT_MEMBER              - M O
            ARCHIVE_MEMBER           - M O
            TAGS                     - M O
            CAMPAIGNS                - M O
            PRINT                    - M O
            REPORTS                  - M O
            RETURN_ANY_DATE          - M O
            VOID_SALE                - M O
            FREEZE_CARD              - M O
            REFUND_CARD              - M O
            ADJUST_POINTS            - M O
            EXPORT                   - M O
            VIEW_LOG                 - M O
            SETTINGS                 - - O
            STAFF                    - - O
            BACKUP                   - - O
            RESTORE                  - - O
            IMPORT                   - - O
            FULL_PHONES              - - O
            EXPORT_LOG               - - O
            ADJUST_POINTS_UNLIMITED  - - O
            """;

    private static Map<Permission, Set<Role>> expected() {
        Map<Permission, Set<Role>> table = new LinkedHashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.strip().split("\\s+");
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (cells[1].equals("C")) {
                roles.add(Role.CASHIER);
            }
            if (cells[2].equals("M")) {
                roles.add(Role.MANAGER);
            }
            if (cells[3].equals("O")) {
                roles.add(Role.OWNER);
            }
            table.put(Permission.valueOf(cells[0]), roles);
        }
        return table;
    }

    @Test
    void everyPermissionHasARowInTheHandWrittenTable() {
        // a new permission must be decided here by hand, not slip in with whatever least role it was given
        assertEquals(EnumSet.allOf(Permission.class), expected().keySet());
    }

    @Test
    void everyRoleMayExactlyWhatTheTableSays() {
        expected().forEach((permission, roles) -> {
            for (Role role : Role.values()) {
                assertEquals(roles.contains(role), role.may(permission), role + " × " + permission);
                Actor actor = new Actor(7L, "小王", role);
                assertEquals(roles.contains(role), actor.may(permission), "actor " + role + " × " + permission);
                StaffSession session = new StaffSession(actor);
                assertEquals(roles.contains(role), session.may(permission), "session " + role + " × " + permission);
                if (roles.contains(role)) {
                    session.require(permission);
                } else {
                    NotAllowedException refused = assertThrows(NotAllowedException.class,
                            () -> session.require(permission), role + " × " + permission);
                    assertEquals("staff.refused", refused.textKey());
                }
            }
        });
    }

    @Test
    void aCashierMaySellButNotRefundACardNorRestore() {
        StaffSession cashier = new StaffSession(new Actor(3L, "小王", Role.CASHIER));
        cashier.require(Permission.SELL);
        NotAllowedException refused = assertThrows(NotAllowedException.class,
                () -> cashier.require(Permission.REFUND_CARD));
        assertEquals("cashier 小王 may not refund a card (a manager may)", refused.getMessage());
        refused = assertThrows(NotAllowedException.class, () -> cashier.require(Permission.RESTORE));
        assertEquals("cashier 小王 may not restore a backup (an owner may)", refused.getMessage());
    }

    /** A permission's words are put into the refusal as they are: one apostrophe, not MessageFormat's doubled one. */
    @Test
    void aRefusalInTheShopsWordsReadsRightInBothLanguages() {
        StaffSession manager = new StaffSession(new Actor(2L, "李店长", Role.MANAGER));
        NotAllowedException refused = assertThrows(NotAllowedException.class,
                () -> manager.require(Permission.ADJUST_POINTS_UNLIMITED));
        assertEquals("李店长 (Manager) may not adjust points beyond the manager's limit. Nothing was changed. Ask someone"
                + " who may (Owner), or switch staff.", refused.describe(org.memberdesk.common.Messages.english()));
        assertEquals("take back today's sales",
                org.memberdesk.common.Messages.english().get(Permission.RETURN_TODAY.textKey()));
        assertTrue(refused.describe(org.memberdesk.common.Messages.chinese()).contains("超出店长限额调整积分"));
    }

    @Test
    void nobodyIsRefusedEverythingAndAskedForAPin() {
        StaffSession nobody = new StaffSession(Actor.NOBODY);
        assertTrue(Actor.NOBODY.isNobody());
        for (Permission permission : Permission.values()) {
            assertFalse(Actor.NOBODY.may(permission), permission.name());
            NotAllowedException refused = assertThrows(NotAllowedException.class, () -> nobody.require(permission));
            assertEquals("staff.refused.nobody", refused.textKey());
        }
        assertThrows(NotAllowedException.class, () -> nobody.requirePointsAdjustment(1, 500));
        assertFalse(nobody.seesFullPhones());
    }

    @Test
    void theCommandLineAndTheAppItselfActAsTheOwner() {
        Actor cli = Actor.commandLine("alice");
        assertEquals("cli:alice", cli.name());
        assertEquals(Role.OWNER, cli.role());
        assertEquals(null, cli.staffId());
        assertEquals("cli:unknown", Actor.commandLine(" ").name());
        for (Permission permission : Permission.values()) {
            assertTrue(cli.may(permission), permission.name());
            assertTrue(Actor.SYSTEM.may(permission), permission.name());
        }
    }

    @Test
    void aManagerMayAdjustPointsUpToTheLimitEitherWay() {
        StaffSession manager = new StaffSession(new Actor(2L, "李店长", Role.MANAGER));
        manager.requirePointsAdjustment(500, 500);
        manager.requirePointsAdjustment(-500, 500);
        manager.requirePointsAdjustment(0, 500);
        NotAllowedException over = assertThrows(NotAllowedException.class,
                () -> manager.requirePointsAdjustment(501, 500));
        assertEquals("staff.refused.pointsLimit", over.textKey());
        // taking points away is measured by its size: −501 is one over as well
        assertThrows(NotAllowedException.class, () -> manager.requirePointsAdjustment(-501, 500));
        // |Long.MIN_VALUE| does not fit in a long; it must be refused, not wrap round to a negative "size"
        assertThrows(NotAllowedException.class, () -> manager.requirePointsAdjustment(Long.MIN_VALUE, 500));
        assertThrows(NotAllowedException.class, () -> manager.requirePointsAdjustment(Long.MAX_VALUE, 500));
        // a limit of 0: a manager may not adjust at all, except by nothing
        assertThrows(NotAllowedException.class, () -> manager.requirePointsAdjustment(1, 0));
    }

    @Test
    void theOwnerMayAdjustAnyAmountAndACashierNone() {
        StaffSession owner = new StaffSession(new Actor(1L, "老板", Role.OWNER));
        owner.requirePointsAdjustment(1_000_000, 500);
        owner.requirePointsAdjustment(Long.MIN_VALUE, 500);
        owner.requirePointsAdjustment(Long.MAX_VALUE, 500);
        StaffSession cashier = new StaffSession(new Actor(3L, "小王", Role.CASHIER));
        NotAllowedException refused = assertThrows(NotAllowedException.class,
                () -> cashier.requirePointsAdjustment(1, 500));
        assertEquals("staff.refused", refused.textKey());
        assertThrows(NotAllowedException.class, () -> cashier.requirePointsAdjustment(0, 500));
    }

    @Test
    void onlyTheOwnerSeesFullPhones() {
        assertEquals("13812345678", new StaffSession(new Actor(1L, "老板", Role.OWNER)).phone("13812345678"));
        String masked = new StaffSession(new Actor(2L, "李店长", Role.MANAGER)).phone("13812345678");
        assertFalse(masked.contains("12345678"), masked);
        assertEquals(masked, new StaffSession(new Actor(3L, "小王", Role.CASHIER)).phone("13812345678"));
        assertEquals(null, new StaffSession(Actor.NOBODY).phone(null));
    }
}
