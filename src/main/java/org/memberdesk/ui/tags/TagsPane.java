package org.memberdesk.ui.tags;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.memberdesk.common.Messages;
import org.memberdesk.tags.Tag;

/**
 * The saved tags beside the segment editor (a view of {@link TagsViewModel}): each tag's name and count, its rule
 * in words and when it was refreshed; rename, refresh now (with Stop) and delete for the chosen one. Clicking a tag
 * also opens its members in the editor ({@code open}).
 */
final class TagsPane {
    private static final double WIDTH = 250;

    private TagsPane() {
    }

    static Node build(TagsViewModel model, Messages messages, Consumer<Tag> open) {
        ListView<Tag> list = new ListView<>(model.tags());
        list.setId("tags-list");
        list.setPrefWidth(WIDTH);
        list.setPlaceholder(org.memberdesk.ui.common.Placeholders.of(messages.get("tags.none")));
        list.setCellFactory(v -> new TagCell(model, list));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, tag) -> model.chosenProperty().set(tag));
        model.chosenProperty().addListener((obs, old, tag) -> {
            if (tag != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(tag);
            }
        });
        list.setOnMouseClicked(e -> {
            Tag tag = list.getSelectionModel().getSelectedItem();
            if (tag != null) {
                open.accept(tag);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        TextField name = new TextField();
        name.setId("tag-new-name");
        name.setPromptText(messages.get("tags.rename.prompt"));
        name.textProperty().bindBidirectional(model.newNameProperty());
        HBox.setHgrow(name, Priority.ALWAYS);
        name.setMinWidth(60);
        name.setPrefColumnCount(8);
        Button rename = new Button(messages.get("tags.rename"));
        rename.setMinWidth(Region.USE_PREF_SIZE);
        rename.setId("tag-rename");
        rename.setOnAction(e -> model.rename());
        name.setOnAction(e -> model.rename());
        Button refresh = new Button(messages.get("tags.refreshNow"));
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setId("tag-refresh");
        refresh.setOnAction(e -> model.refreshNow());
        Button delete = new Button(messages.get("tags.delete"));
        delete.setMinWidth(Region.USE_PREF_SIZE);
        delete.setId("tag-delete");
        delete.getStyleClass().add("danger");
        delete.setOnAction(e -> model.delete());
        var none = model.chosenProperty().isNull();
        name.disableProperty().bind(none);
        rename.disableProperty().bind(none.or(model.refreshingProperty()));
        delete.disableProperty().bind(none.or(model.refreshingProperty()));
        refresh.disableProperty().bind(model.ruleTagChosen().not().or(model.refreshingProperty()));

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        Button stop = new Button(messages.get("tags.stop"));
        stop.setId("tag-refresh-stop");
        stop.setOnAction(e -> model.stopRefresh());
        HBox running = new HBox(6, busy, stop);
        running.visibleProperty().bind(model.refreshingProperty());
        running.managedProperty().bind(running.visibleProperty());
        Label status = new Label();
        status.setId("tags-status");
        status.setWrapText(true);
        status.setMaxWidth(WIDTH);
        status.textProperty().bind(model.statusProperty());

        VBox pane = new VBox(6, new Label(messages.get("segments.tags")), list, new HBox(6, name, rename),
                new HBox(6, refresh, delete), running, status);
        pane.setPadding(new Insets(12));
        pane.setPrefWidth(WIDTH + 24);
        pane.setMinWidth(WIDTH / 1.5);
        return pane;
    }

    /** A tag in three lines: name and count, its rule in words, when it was refreshed. */
    private static final class TagCell extends ListCell<Tag> {
        private final TagsViewModel model;
        private final Label title = new Label();
        private final Label rule = new Label();
        private final Label refreshed = new Label();
        private final VBox box = new VBox(2, title, rule, refreshed);

        TagCell(TagsViewModel model, ListView<Tag> list) {
            this.model = model;
            title.getStyleClass().add("text-bold");
            rule.getStyleClass().add("text-muted");
            refreshed.getStyleClass().addAll("text-muted", "text-small");
            rule.setWrapText(true);
            title.setWrapText(true);
            // the cell's width less its padding and a scroll bar: long rules wrap instead of being cut
            for (Label label : new Label[] {title, rule, refreshed}) {
                label.prefWidthProperty().bind(list.widthProperty().subtract(36));
                label.maxWidthProperty().bind(label.prefWidthProperty());
                label.setMinHeight(Region.USE_PREF_SIZE);
            }
            setPrefWidth(0); // the list's width, not the longest rule's
            refreshed.managedProperty().bind(refreshed.visibleProperty());
        }

        @Override
        protected void updateItem(Tag tag, boolean empty) {
            super.updateItem(tag, empty);
            setText(null);
            if (empty || tag == null) {
                setGraphic(null);
                return;
            }
            title.setText(model.title(tag));
            rule.setText(model.rule(tag));
            refreshed.setText(model.refreshed(tag));
            refreshed.setVisible(tag.isRuleTag());
            setGraphic(box);
        }
    }
}
