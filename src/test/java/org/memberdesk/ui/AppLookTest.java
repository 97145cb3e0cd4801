package org.memberdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import org.junit.jupiter.api.Test;
import org.memberdesk.analytics.charts.ChartStyle;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 17, finding 1: the windows find the app's font. Charts on screen are drawn by JFreeChart's viewer, which
 * asks JavaFX for the charts' font family by name: unknown to JavaFX, it fell back to a font without Chinese
 * (and drew English axis titles as boxes). Where the computer has no Chinese font the windows use it too.
 */
class AppLookTest {
    @Test
    void finding1_chartsOnScreenAndWindowsWithoutASystemChineseFontUseTheBundledFont() throws Exception {
        FxToolkit.registerPrimaryStage();
        Label label = new Label("会员 Members");
        FxToolkit.setupStage(stage -> {
            Scene scene = new Scene(new StackPane(label), 300, 100);
            AppLook.style(scene);
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Noto Sans SC", WaitForAsyncUtils.asyncFx(() -> Font.font(ChartStyle.family(), 12).getFamily()).get());

        boolean systemChinese = WaitForAsyncUtils.asyncFx(() -> Font.getFamilies().stream()
                .anyMatch(AppLook.SYSTEM_CHINESE_FAMILIES::contains)).get();
        assertEquals(!systemChinese, AppLook.bundledFontIsTheUiFont());
        // this computer and CI have only DejaVu: the label must be in the bundled font to show 会员
        String expected = systemChinese ? Font.getDefault().getFamily() : "Noto Sans SC";
        assertEquals(expected, WaitForAsyncUtils.asyncFx(() -> label.getFont().getFamily()).get());
        FxToolkit.cleanupStages();
    }
}
