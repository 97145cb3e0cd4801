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
 * The import wizard's screenshots for the README, in Chinese: the column mapping and the summary; and every page of
 * a purchases import (choose, preview, columns, check, summary) in both languages at 1024×700, to check the layout.
 * Skipped in the normal build; run with {@code -Dtest=ImportWizardScreenshots -Dscreenshots.dir=docs/screenshots}
 * (Chinese needs a CJK font: the app's bundled one, or a system one).
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
            clickOn("#wizard-next"); // the check
            UiFixture.waitUntil(() -> lookup("#wizard-check").tryQuery().isPresent());
            settle();
            save(lookup("#import-wizard").query(), out.resolve("import-check.png"));
            clickOn("#wizard-next");
            UiFixture.waitUntil(() -> lookup("#wizard-summary-title").tryQuery().isPresent());
            settle();
            save(lookup("#import-wizard").query(), out.resolve("import-summary.png"));
            clickOn("#wizard-close");
        }
    }

    @Test
    void everyPageOfAPurchasesImportInBothLanguages() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(out);
        for (Language language : List.of(Language.CHINESE, Language.ENGLISH)) {
            try (UiFixture ui = UiFixture.boot("members", language)) {
                ui.importMembers(List.of("A1,王芳,13812341234,F,1990-01-01,2025-01-01,门店,",
                        "A2,李娜,13957120876,F,1992-11-03,2025-02-01,美团,"));
                Path file = Files.write(ui.folder().resolve("收银流水-2026-03.csv"), List.of(
                        "单号,会员卡号,交易时间,商品名称,数量,单价（元）,实收金额（元）,收银员",
                        "S0001,A1,2026-03-01 10:02:11,美式咖啡,2,18.00,36.00,小周",
                        "S0001,A1,2026-03-01 10:02:11,芝士蛋糕,1,28.00,25.20,小周",
                        "S0002,A2,2026-03-01 11:15:40,拿铁,1,22.00,22.00,小王",
                        "S0003,A1,2026-03-02 09:30:05,美式咖啡,1,18.00,-18.00,小周",
                        "S0004,VIP0999,2026-03-02 14:48:00,拿铁,1,22.00,22.00,小王",
                        "S0005,A2,2026-03-03 16:20:31,挂耳咖啡礼盒（10 袋装）,3,59.00,177.00,小王",
                        "S0006,A2,2026-03-0x 08:00,拿铁,1,22.00,22.00,小周"), StandardCharsets.UTF_8);
                String tag = language == Language.CHINESE ? "zh" : "en";
                clickOn("#menu-file");
                clickOn(language == Language.CHINESE ? "导入消费记录…" : "Import purchases…");
                UiFixture.waitUntil(() -> lookup("#import-wizard").tryQuery().isPresent());
                interact(() -> {
                    javafx.stage.Window window = lookup("#import-wizard").query().getScene().getWindow();
                    window.setWidth(1024);
                    window.setHeight(700);
                });
                clickOn("#wizard-file").write(file.toString());
                shoot(out, "wizard-" + tag + "-1-choose.png");
                clickOn("#wizard-next");
                UiFixture.waitUntil(() -> lookup("#wizard-preview").tryQuery().isPresent());
                shoot(out, "wizard-" + tag + "-2-preview.png");
                clickOn("#wizard-next");
                UiFixture.waitUntil(() -> lookup("#wizard-map").tryQuery().isPresent());
                shoot(out, "wizard-" + tag + "-3-columns.png");
                clickOn("#wizard-next");
                UiFixture.waitUntil(() -> lookup("#wizard-check").tryQuery().isPresent());
                shoot(out, "wizard-" + tag + "-4-check.png");
                clickOn("#wizard-next");
                UiFixture.waitUntil(() -> lookup("#wizard-summary-title").tryQuery().isPresent());
                shoot(out, "wizard-" + tag + "-5-summary.png");
                clickOn("#wizard-close");
            }
        }
    }

    private void shoot(Path out, String name) throws InterruptedException {
        settle();
        save(lookup("#import-wizard").query().getScene().getRoot(), out.resolve(name));
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
