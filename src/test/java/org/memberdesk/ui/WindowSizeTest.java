package org.memberdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowSizeTest {

    @Test
    void defect1_onA1024x700ScreenTheFirstWindowFitsTheUsableArea() {
        // 1024 × 700 with a 30 px taskbar at the bottom: usable 1024 × 670 from (0, 0);
        // width min(1200 + 16, 1024) = 1024, height min(760 + 40, 670) = 670, centred: x = 0, y = 0
        assertEquals(Optional.of(new Rectangle2D(0, 0, 1024, 670)),
                WindowSize.within(new Rectangle2D(0, 0, 1024, 670)));
        // the least size a person may drag it to is no larger than the screen: min(900, 1024), min(600, 670)
        assertEquals(900, WindowSize.minWidth(new Rectangle2D(0, 0, 1024, 670)));
        assertEquals(600, WindowSize.minHeight(new Rectangle2D(0, 0, 1024, 670)));
        // 800 × 600 (a netbook), taskbar 40: usable 800 × 560 → the window and its least size are the usable area
        assertEquals(Optional.of(new Rectangle2D(0, 0, 800, 560)), WindowSize.within(new Rectangle2D(0, 0, 800, 560)));
        assertEquals(800, WindowSize.minWidth(new Rectangle2D(0, 0, 800, 560)));
        assertEquals(560, WindowSize.minHeight(new Rectangle2D(0, 0, 800, 560)));
    }

    @Test
    void aScreenWithRoomKeepsTheUsualSizeAndAShortOneIsCentredInIt() {
        // 1920 × 1080 less a 40 px taskbar: 1216 × 800 fits → the usual 1200 × 760 content, placed by the system
        assertEquals(Optional.empty(), WindowSize.within(new Rectangle2D(0, 0, 1920, 1040)));
        // 1280 × 800 less a 40 px taskbar, as the second screen right of a 1920 one (x from 1920):
        // width min(1216, 1280) = 1216 → x = 1920 + (1280 − 1216) / 2 = 1952; height min(800, 760) = 760 → y = 0
        assertEquals(Optional.of(new Rectangle2D(1952, 0, 1216, 760)),
                WindowSize.within(new Rectangle2D(1920, 0, 1280, 760)));
    }

    @Test
    void aPlaceRememberedFromALargerMonitorIsMadeToFit() {
        Rectangle2D laptop = new Rectangle2D(0, 0, 1366, 728);
        // 1600 × 1000 at (200, 100), now on a 1366 × 728 usable area: width min(1600, 1366) = 1366, height 728,
        // moved in to x = max(0, min(200, 1366 − 1366)) = 0, y = max(0, min(100, 728 − 728)) = 0
        assertEquals(new Rectangle2D(0, 0, 1366, 728),
                WindowSize.remembered(new Rectangle2D(200, 100, 1600, 1000), laptop));
        // 1000 × 700 at (500, 60) fits in size but not in place: right edge 1500 > 1366 → x = 1366 − 1000 = 366;
        // bottom 760 > 728 → y = 728 − 700 = 28
        assertEquals(new Rectangle2D(366, 28, 1000, 700),
                WindowSize.remembered(new Rectangle2D(500, 60, 1000, 700), laptop));
        // seen running the app on a 1024 × 700 Xvfb screen: a window remembered at (40, 13) opened 1024 wide, 40 px
        // past the right edge; now min(1200, 1024) × min(760, 700) at x = 1024 − 1024 = 0, y = 700 − 700 = 0
        assertEquals(new Rectangle2D(0, 0, 1024, 700),
                WindowSize.remembered(new Rectangle2D(40, 13, 1200, 760), new Rectangle2D(0, 0, 1024, 700)));
    }
}
