package org.memberdesk.ui.coupons;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/**
 * Pictures to look at (issue 19): the campaign wizard's targeting step with the tag picker, and the Points screen
 * with a member found, in both languages at 1024×700. Skipped in the normal build; run with
 * {@code -Dscreenshots.dir=DIR -Dtest=CouponsPointsScreenshots}.
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class CouponsPointsScreenshots extends FxRobot {

    @Test
    void wizardTargetingAndPoints() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(out);
        for (Language language : List.of(Language.CHINESE, Language.ENGLISH)) {
            try (UiFixture ui = UiFixture.prepare()) {
                ui.importMembers(List.of("M00000001,王芳,13812341234,F,,2025-01-01,门店,",
                        "M00000002,李娜,13900005678,F,,2025-01-01,门店,",
                        "M00000003,赵敏,13700005678,F,,2025-01-01,门店,"));
                ui.app().tags().create("VIP", null);
                ui.app().tags().addByNumbers("VIP", List.of("M00000001", "M00000002"));
                ui.app().tags().create("常客", null);
                ui.app().tags().addByNumbers("常客", List.of("M00000003"));
                ui.app().tags().create("沉睡会员", null);
                long wang = ui.app().members().byNumber("M00000001").orElseThrow().id();
                ui.app().points().adjust(wang, 150, "开业赠送", "店长");
                ui.open("coupons", language);
                interact(() -> {
                    ui.stage().setWidth(1024);
                    ui.stage().setHeight(700);
                });
                clickOn("#coupons-new");
                clickOn("#wizard-name").write("Autumn");
                clickOn("#wizard-value").write("10");
                clickOn("#wizard-coupon-next");
                clickOn("#wizard-target-kind").type(KeyCode.DOWN, 3).type(KeyCode.ENTER);
                UiFixture.waitUntil(() -> lookup("#wizard-tag-list").queryListView().getItems().size() == 3);
                clickOn((javafx.scene.Node) lookup("#wizard-tag-list .list-cell").match(node ->
                        ((javafx.scene.control.ListCell<?>) node).getText() != null
                                && ((javafx.scene.control.ListCell<?>) node).getText().startsWith("VIP")).query());
                clickOn("#wizard-preview-button");
                UiFixture.waitUntil(() -> !lookup("#wizard-preview").queryAs(Label.class).getText().isEmpty());
                shoot(ui, out.resolve("wizard-target-" + language.name().toLowerCase() + ".png"));

                interact(() -> ui.window().show("points"));
                clickOn("#points-lookup").write("5678").type(KeyCode.ENTER);
                UiFixture.waitUntil(() -> !lookup("#points-problem").queryAs(Label.class).getText().isEmpty());
                shoot(ui, out.resolve("points-matches-" + language.name().toLowerCase() + ".png"));
                doubleClickOn("#points-lookup").eraseText(4).write("1234").type(KeyCode.ENTER);
                UiFixture.waitUntil(() -> lookup("#points-member").queryAs(Label.class).getText().contains("王芳"));
                shoot(ui, out.resolve("points-" + language.name().toLowerCase() + ".png"));
            }
        }
    }

    private void shoot(UiFixture ui, Path file) throws Exception {
        javafx.scene.image.Image shot = capture(ui.stage().getScene().getRoot()).getImage();
        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", file.toFile());
    }
}
