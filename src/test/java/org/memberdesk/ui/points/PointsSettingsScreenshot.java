package org.memberdesk.ui.points;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.coupons.Validity;
import org.memberdesk.demo.Business;
import org.memberdesk.points.PointsTemplate;
import org.memberdesk.points.Reward;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The screenshot of Settings → Points for docs/points-and-tiers.md, in Chinese, with the scenic
 * template and a reward of each kind: run {@code bench/screenshots.sh} (skipped in the normal build).
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class PointsSettingsScreenshot extends FxRobot {

    @Test
    void takeScreenshot() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(out);
        try (UiFixture ui = UiFixture.prepare()) {
            ui.app().shopProfile().setBusiness(Business.SCENIC);
            ui.app().points().applyTemplate(PointsTemplate.scenic());
            ui.app().tiers().applyTemplate("scenic");
            Coupon coupon = ui.app().campaigns().createCoupon(new Coupon(0, "二次消费满100减20", CouponKind.THRESHOLD,
                    2_000, null, null, 10_000, List.of(), Validity.days(30)));
            ui.app().points().saveReward(new Reward(0, "景区纪念徽章", Reward.Kind.GIFT, 300, 0, true));
            ui.app().points().saveReward(new Reward(0, "10元抵用", Reward.Kind.CASH, 500, 1_000, true));
            ui.app().points().saveReward(new Reward(0, "索道满减券", Reward.Kind.COUPON, 800, 0, true, coupon.id(),
                    null));
            ui.open("settings", Language.CHINESE);
            interact(() -> {
                // the headless screen is 1280x800; a larger window makes Monocle complain
                ui.stage().setWidth(1280);
                ui.stage().setHeight(800);
            });
            clickOn("#settings-tab-points");
            UiFixture.waitUntil(() -> lookup("#points-example").queryAs(Label.class).getText().contains("积分")
                    && lookup("#multiplier-name-3").tryQuery().isPresent());
            clickOn("#multiplier-percent-1");
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(600);
            WaitForAsyncUtils.waitForFxEvents();
            interact(() -> {
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(ui.stage().getScene().getRoot().snapshot(null, null),
                            null), "png", out.resolve("settings-points.png").toFile());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
