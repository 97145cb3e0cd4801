package org.memberdesk.ui.sales;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.memberdesk.members.Member;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.sales.CounterSales;
import org.memberdesk.ui.UiFixture;
import org.memberdesk.ui.common.Language;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A picture of the return dialog in Chinese, at the step that shows the refund (skipped in the normal build):
 * {@code ./mvnw -q test -Dtest=ReturnDialogScreenshot -Dscreenshots.dir=DIR}. Needs a CJK font.
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class ReturnDialogScreenshot extends FxRobot {

    @Test
    void returnDialog() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(out);
        try (UiFixture ui = UiFixture.prepare()) {
            ui.importMembers(List.of("M00000001,王芳,13812341234,F,,2025-01-01,门店,"));
            Member wang = ui.app().members().byNumber("M00000001").orElseThrow();
            ui.app().counterSales().sell(wang.id(), List.of(new PurchaseLine("年卡", 1, 300_000)), null);
            String saleNo = ui.app().counterSales().sell(wang.id(), List.of(new PurchaseLine("瑜伽课", 1, 12_000),
                    new PurchaseLine("毛巾", 3, 9_000), new PurchaseLine("运动饮料", 2, 1_600)), null)
                    .purchase().purchaseNo();
            ui.app().counterSales().giveBack(saleNo, List.of(new CounterSales.LineReturn(2, 1)), "破损");
            ui.open("counter", Language.CHINESE);
            UiFixture.waitUntil(() -> lookup("#counter-lookup").query().isFocused());
            write("1234").type(KeyCode.ENTER);
            UiFixture.waitUntil(() -> lookup("#counter-item").query().isFocused());
            press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
            UiFixture.waitUntil(() -> lookup("#return-dialog").tryQuery().isPresent());
            targetWindow(lookup("#return-dialog").query().getScene().getWindow());
            UiFixture.waitUntil(() -> !lookup("#return-sales").queryListView().getItems().isEmpty());
            write(saleNo).type(KeyCode.ENTER);
            UiFixture.waitUntil(() -> lookup("#return-quantity-2").tryQuery().isPresent());
            interact(() -> lookup("#return-quantity-2").queryTextInputControl().requestFocus());
            write("1").type(KeyCode.TAB).type(KeyCode.TAB);
            write("尺码不合适").type(KeyCode.ENTER);
            UiFixture.waitUntil(() -> !lookup("#return-refund").queryLabeled().getText().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(600);
            interact(() -> {
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(lookup("#return-dialog").query().getScene().getRoot()
                            .snapshot(null, null), null), "png", out.resolve("return-dialog.png").toFile());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            type(KeyCode.ESCAPE);
        }
    }

    @Test
    void counterWithTheTierDiscountThenAfterTheSale() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(out);
        try (UiFixture ui = UiFixture.prepare()) {
            ui.importMembers(List.of("M00000001,王芳,13812341234,F,,2025-01-01,门店,"));
            Member wang = ui.app().members().byNumber("M00000001").orElseThrow();
            ui.app().counterSales().sell(wang.id(), List.of(new PurchaseLine("年卡", 1, 300_000)), null);
            ui.open("counter", Language.CHINESE);
            UiFixture.waitUntil(() -> lookup("#counter-lookup").query().isFocused());
            write("1234").type(KeyCode.ENTER);
            UiFixture.waitUntil(() -> lookup("#counter-item").query().isFocused());
            write("毛巾").type(KeyCode.ENTER).write("128");
            UiFixture.waitUntil(() -> !lookup("#counter-tier-line").queryLabeled().getText().isEmpty());
            snap(ui, out.resolve("counter-tier-discount.png"));
            type(KeyCode.ENTER);
            UiFixture.waitUntil(() -> !lookup("#counter-after-points").queryLabeled().getText().isEmpty());
            snap(ui, out.resolve("counter-after-sale.png"));
        }
    }

    private void snap(UiFixture ui, Path file) throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(600);
        interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(ui.stage().getScene().getRoot().snapshot(null, null), null),
                        "png", file.toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
