package org.memberdesk.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.LoggedActions;
import org.memberdesk.TestDatabase;
import org.memberdesk.demo.Business;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Role;
import org.memberdesk.BothEngines;

/**
 * Issue 18, findings 1 and 2: the shop's settings are the owner's, and each change says who made it, before → after.
 * A manager is refused and nothing changes; the owner's change is one entry (a save that changes nothing, none).
 */
@BothEngines
class ShopSettingsByStaffTest {
    @TempDir
    Path folder;

    @Test
    void finding2_theOwnersSettingsAreLoggedBeforeAndAfter() {
        AppContext app = TestDatabase.open(folder);
        LoggedActions.become(app, "店主", Role.OWNER);

        app.shopProfile().setName("阳光健身");
        app.shopProfile().setName("阳光健身 "); // the same name once stripped: nothing changed, nothing logged
        app.shopProfile().setName("阳光健身房");
        app.importMappings().remember("members", List.of("卡号", "姓名"), Map.of("member_no", "卡号"));

        assertEquals(List.of("店主|settings|shop name|(none) → 阳光健身",
                "店主|settings|shop name|阳光健身 → 阳光健身房",
                "店主|settings|import columns of a members file|(none) → {\"member_no\":\"卡号\"}"),
                LoggedActions.of(app.database(), "settings"));
    }

    @Test
    void finding1_aManagerMayNotChangeTheShopsSettings() {
        AppContext app = TestDatabase.open(folder);
        LoggedActions.become(app, "店长老陈", Role.MANAGER);

        assertThrows(NotAllowedException.class, () -> app.shopProfile().setName("别家店"));
        assertThrows(NotAllowedException.class, () -> app.shopProfile().setBusiness(Business.values()[0]));
        assertThrows(NotAllowedException.class, () -> app.importMappings().remember("members", List.of("卡号"),
                Map.of("member_no", "卡号")));

        assertEquals(Optional.empty(), app.shopProfile().name());
        assertEquals(Optional.empty(), app.shopProfile().business());
        assertEquals(Map.of(), app.importMappings().remembered("members", List.of("卡号")));
        assertEquals(List.of(), LoggedActions.of(app.database(), "settings"));
    }
}
