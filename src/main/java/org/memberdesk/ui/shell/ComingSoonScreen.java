package org.memberdesk.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.common.Messages;

/** The page of an area whose feature has not landed yet: says what it will do, instead of an empty pane. */
public final class ComingSoonScreen implements Screen {
    private final String id;
    private final String titleKey;
    private final Ikon icon;
    private final Messages messages;

    public ComingSoonScreen(String id, String titleKey, Ikon icon, Messages messages) {
        this.id = id;
        this.titleKey = titleKey;
        this.icon = icon;
        this.messages = messages;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String titleKey() {
        return titleKey;
    }

    @Override
    public Ikon icon() {
        return icon;
    }

    @Override
    public Node view() {
        FontIcon big = new FontIcon(icon);
        big.setIconSize(56);
        big.getStyleClass().add("coming-soon-icon");
        Label title = new Label(messages.get(titleKey));
        title.getStyleClass().add("title-2");
        Label what = new Label(messages.get("screen." + id + ".about"));
        what.setWrapText(true);
        what.setMaxWidth(460);
        what.getStyleClass().add("text-muted");
        what.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        Label soon = new Label(messages.get("shell.comingSoon"));
        soon.getStyleClass().addAll("accent", "coming-soon-badge");
        VBox box = new VBox(14, big, title, what, soon);
        box.setAlignment(Pos.CENTER);
        box.setId("coming-soon-" + id);
        return box;
    }
}
