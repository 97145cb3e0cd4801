package org.memberdesk.ui.transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The import wizard's screenshots for the README, in Chinese: the column mapping and the summary.
 * Skipped in the normal build; run with {@code -Dtest=ImportWizardScreenshots -Dscreenshots.dir=docs/screenshots}
 * (needs a CJK font such as fonts-wqy-microhei).
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class ImportWizardScreenshots extends FxRobot {

    @Test
    void mappingAndSummary() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(out);
        try (UiFixture ui = UiFixture.boot("members", Language.CHINESE)) {
            // a typical export from another shop system: its own column names, one bad phone, one bad date
            Path file = Files.write(ui.folder().resolve("老系统会员导出.csv"), List.of(
                    "会员卡号,客户姓名,手机号码,性别,生日,开卡日期,来源,所在城市",
                    "VIP0001,王芳,13812341234,女,1988-04-12,2024-03-01,美团,杭州",
                    "VIP0002,李娜,13957120876,女,1992-11-03,2024-03-05,朋友推荐,杭州",
                    "VIP0003,张伟,1390000567,男,1985-07-21,2024-03-09,门店,绍兴",
                    "VIP0004,刘洋,13605718822,男,1990-02-30,2024-04-18,抖音,宁波",
                    "VIP0005,陈静,18868102345,女,1995-09-14,2024-05-02,门店,杭州",
                    "VIP0006,杨帆,15167133490,男,1987-12-08,2024-05-20,大众点评,嘉兴",
                    "VIP0007,赵敏,13735809911,女,1993-06-25,2024-06-11,朋友推荐,杭州",
                    "VIP0008,黄磊,18958016672,男,1982-01-17,2024-07-03,美团,湖州"), StandardCharsets.UTF_8);
            clickOn("#menu-file");
            clickOn("导入会员…");
            UiFixture.waitUntil(() -> lookup("#import-wizard").tryQuery().isPresent());
            clickOn("#wizard-file").write(file.toString());
            settle();
            save(lookup("#import-wizard").query(), out.resolve("import-choose.png"));
            clickOn("#wizard-next");
            UiFixture.waitUntil(() -> lookup("#wizard-preview").tryQuery().isPresent());
            settle();
            save(lookup("#import-wizard").query(), out.resolve("import-preview.png"));
            clickOn("#wizard-next");
            UiFixture.waitUntil(() -> lookup("#wizard-map").tryQuery().isPresent());
            clickOn("#wizard-map-name");
            clickOn(lookup(".combo-box-popup .list-cell").match(
                    org.testfx.matcher.control.LabeledMatchers.hasText("客户姓名")).<Node>query());
            settle();
            save(lookup("#import-wizard").query(), out.resolve("import-wizard.png"));
            clickOn("#wizard-next");
            UiFixture.waitUntil(() -> lookup("#wizard-summary-title").tryQuery().isPresent());
            settle();
            save(lookup("#import-wizard").query(), out.resolve("import-summary.png"));
            clickOn("#wizard-close");
        }
    }

    private static void settle() throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void save(Node node, Path file) {
        interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(node.snapshot(null, null), null), "png", file.toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
