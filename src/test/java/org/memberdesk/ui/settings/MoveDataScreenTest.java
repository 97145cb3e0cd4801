package org.memberdesk.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.ServerTestDatabases;
import org.memberdesk.app.AppContext;
import org.memberdesk.db.Database;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.ui.Scrolling;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/**
 * Settings → Data → Move the data (issue 21, item 4) as an owner does it: the shop on this computer's file is moved
 * onto an empty PostgreSQL database, typed in the same dialog as File → Connect to a server…; a server that cannot be
 * reached leaves everything as it was and says so.
 */
class MoveDataScreenTest extends FxRobot {
    private UiFixture ui;

    @BeforeEach
    void boot() throws Exception {
        ui = UiFixture.prepare();
        ui.importMembers(java.util.List.of("M1,张三,13900000001,,,2025-01-01,,", "M2,李四,13900000002,,,2025-01-01,,"));
        ui.open("settings", Language.ENGLISH);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    private String status() {
        return lookup("#move-status").queryAs(Label.class).getText();
    }

    private void typeServer(String address) {
        clickOn(Scrolling.reveal(this, "#move-to-server"));
        UiFixture.waitUntil(() -> lookup("#server-address").tryQuery().isPresent());
        clickOn("#server-address").write(address);
        clickOn("Move");
    }

    @Test
    void aServerThatCannotBeReachedLeavesTheShopAsItWasAndSaysSo() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        typeServer("postgresql://memberdesk@127.0.0.1:" + closed + "/shop");
        UiFixture.waitUntil(() -> status().startsWith("The data was not moved"));
        assertTrue(status().contains("Cannot reach the PostgreSQL server at 127.0.0.1:" + closed), status());
        assertEquals(2, ui.app().members().count(MemberQuery.all()));
    }

    @Test
    void theShopIsMovedOntoAnEmptyServerDatabaseAndChecked() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ServerTestDatabases.configured().isPresent()
                && ServerTestDatabases.unreachable().isEmpty(), "needs a PostgreSQL server (memberdesk.test.db)");
        var empty = ServerTestDatabases.configured().orElseThrow().empty();
        typeServer(empty.toString());
        UiFixture.waitUntil(() -> status().startsWith("Moved "));
        assertTrue(status().contains("were checked and agree"), status());
        Database moved = Database.openServer(empty);
        try {
            assertEquals(2, new AppContext(moved, org.memberdesk.TestDatabase.clock()).members()
                    .count(MemberQuery.all()));
        } finally {
            moved.close();
        }
    }
}
