package org.memberdesk.ui.tags;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.memberdesk.purchases.PurchaseDraft;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;

/** The tags screen at 1024×700 in both languages, to look at (-Dscreenshots.dir=DIR; skipped otherwise). */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class TagsScreenshot extends FxRobot {
    @Test
    void tagsScreenInBothLanguages() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(out);
        for (Language language : Language.values()) {
            try (UiFixture ui = UiFixture.prepare()) {
                ui.importMembers(List.of("M00000001,王芳,13812341234,F,,2025-01-01,抖音,",
                        "M00000002,李娜,13900005678,F,,2025-01-01,门店,",
                        "M00000003,张伟,13700001111,M,,2025-01-01,抖音,"));
                LocalDate today = LocalDate.now();
                for (int i = 0; i < 3; i++) {
                    long id = ui.app().members().byNumber("M00000001").orElseThrow().id();
                    ui.app().purchases().record(new PurchaseDraft(null, id, LocalDateTime.of(today.minusDays(40 + i * 10),
                            LocalTime.NOON), List.of(new PurchaseLine("门票", 1, 30_000)), null), false);
                }
                ui.app().tags().create("重要流失",
                        "purchases >= 3 and days_since_last_purchase between 30 and 60 and total_spent >= 500");
                ui.app().tags().create("抖音来的", "channel in (抖音, 小程序) or gender = F and not tag = VIP");
                ui.app().tags().addByNumbers("VIP", List.of("M00000001", "M00000003"));
                ui.open("tags", language);
                interact(() -> {
                    ui.stage().setWidth(1024);
                    ui.stage().setHeight(700);
                });
                clickOn("#rule-text").write("purchases >= 3 and days_since_last_purchase between 30 and 60");
                UiFixture.waitUntil(() -> lookup("#tags-list").queryListView().getItems().size() == 3);
                clickOn((javafx.scene.Node) lookup("#tags-list .list-cell").nth(1).query());
                Thread.sleep(1500);
                interact(() -> {
                    try {
                        ImageIO.write(SwingFXUtils.fromFXImage(ui.stage().getScene().getRoot().snapshot(null, null),
                                null), "png", out.resolve("tags-" + language.name().toLowerCase() + ".png").toFile());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
