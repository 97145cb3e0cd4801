package org.memberdesk.ui.dashboard;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.memberdesk.coupons.Target;
import org.memberdesk.members.Member;
import org.memberdesk.ui.common.UiContext;

/**
 * The members of a funnel step in a window: the first of them listed, a tag for all of them, and (when
 * the screen can open the campaign wizard) a campaign for all of them.
 */
public final class StepMembersDialog {
    /** How many members the list shows; tagging and campaigns take the whole step. */
    public static final int SHOWN = 200;

    private StepMembersDialog() {
    }

    /** Loads the first members in the background, then opens the window; {@code campaign} null: no campaign button. */
    public static void open(UiContext context, String step, long[] memberIds, Consumer<Target> campaign) {
        StepMembersModel model = new StepMembersModel(context, memberIds);
        model.load(SHOWN, members -> show(context, model, step, members, campaign));
    }

    private static void show(UiContext context, StepMembersModel model, String step, List<Member> members,
                             Consumer<Target> campaign) {
        ListView<String> list = new ListView<>();
        list.setId("funnel-members-list");
        for (Member member : members) {
            list.getItems().add(member.details().memberNo() + "  " + member.details().name()
                    + (member.details().phone() == null ? "" : "  "
                    + context.app().session().phone(member.details().phone())));
        }
        list.setPrefSize(460, 360);
        long total = model.count();
        Label note = new Label(context.text("analytics.ui.stepMembersNote", total, members.size()));
        note.getStyleClass().add("text-muted");
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(step);
        dialog.setHeaderText(step);
        TextField tag = new TextField();
        tag.setId("funnel-tag-name");
        tag.setPromptText(context.text("analytics.ui.tagName"));
        Button tagAll = new Button(context.text("analytics.ui.tagStep", total));
        tagAll.setId("funnel-tag-step");
        tagAll.disableProperty().bind(tag.textProperty().isEmpty());
        Label done = new Label();
        done.setId("funnel-tagged");
        done.setWrapText(true);
        tagAll.setOnAction(e -> model.tag(tag.getText(),
                count -> done.setText(context.text("analytics.ui.tagged", count, tag.getText().strip()))));
        HBox actions = new HBox(8, tag, tagAll);
        if (campaign != null) {
            Button target = new Button(context.text("analytics.ui.targetCampaign"));
            target.setId("funnel-target-campaign");
            target.setOnAction(e -> model.campaignTarget(tag.getText(), chosen -> {
                dialog.close();
                campaign.accept(chosen);
            }));
            actions.getChildren().add(target);
        }
        actions.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.setId("funnel-members-problem");
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        Label hint = new Label(context.text("analytics.ui.campaignHint", StepMembersModel.LIST_TARGET_LIMIT));
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        hint.setVisible(campaign != null);
        hint.setManaged(campaign != null);
        VBox content = new VBox(8, note, list, actions, hint, done, problem);
        content.setPadding(new Insets(8));
        content.setPrefWidth(560);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setResizable(true);
        dialog.show();
    }
}
