package org.memberdesk.ui;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import org.testfx.api.FxRobot;

/** Scrolls the pane around a node so it is in view, as a person would before clicking it. */
public final class Scrolling {
    private Scrolling() {
    }

    /** Returns the query, for {@code clickOn(Scrolling.reveal(robot, "#id"))}. */
    public static String reveal(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> {
            for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
                if (parent instanceof ScrollPane scroll) {
                    Node content = scroll.getContent();
                    double y = content.sceneToLocal(node.localToScene(0, 0)).getY();
                    double extra = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                    scroll.setVvalue(extra <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / extra)));
                    return;
                }
            }
        });
        return query;
    }
}
