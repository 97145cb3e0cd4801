package org.memberdesk.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.LoggedActions;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Messages;
import org.memberdesk.predictions.FitProgress;
import org.memberdesk.predictions.TimeUnit;
import org.memberdesk.staff.NotAllowedException;
import org.memberdesk.staff.Role;
import org.memberdesk.BothEngines;

/**
 * Issue 18, finding 1: reports are a manager's or the owner's. A cashier gets neither the figures nor a chart or
 * report PDF written to a file, nor a forecast refit; a manager's files are each logged as an export (figures, no
 * member's details, so never "full phones").
 */
@BothEngines
class ReportsByStaffTest {
    @TempDir
    Path folder;
    AppContext app;
    final Period november = Period.of("2026-11-01", "2026-11-22");

    @BeforeEach
    void shop() {
        app = TestDatabase.open(folder.resolve("shop"));
        app.members().add(TestDatabase.member("M1", "王芳", "13812345678"));
    }

    @Test
    void finding1_aCashierGetsNoFiguresChartsReportsOrRefit() {
        LoggedActions.become(app, "小王", Role.CASHIER);
        Path png = folder.resolve("chart.png");
        Path pdf = folder.resolve("report.pdf");

        assertThrows(NotAllowedException.class, () -> app.analytics().report(november));
        assertThrows(NotAllowedException.class, () -> app.analytics().tiers());
        assertThrows(NotAllowedException.class, () -> app.analyticsCharts().png("tiers", november, Messages.english(),
                png, 800, 500));
        assertThrows(NotAllowedException.class, () -> app.dashboardPdf().write(november, Messages.english(), pdf));
        assertThrows(NotAllowedException.class, () -> app.predictions().refit(TestDatabase.NOW.toLocalDate(),
                TimeUnit.WEEK, FitProgress.NONE));

        assertFalse(Files.exists(png));
        assertFalse(Files.exists(pdf));
        assertEquals(List.of(), LoggedActions.of(app.database(), "export", "print"));
    }

    @Test
    void finding2_aManagersChartAndReportFilesAreLoggedAsExports() throws Exception {
        LoggedActions.become(app, "店长老陈", Role.MANAGER);
        Path csv = folder.resolve("tiers.csv");
        Path pdf = folder.resolve("report.pdf");

        app.analyticsCharts().csv(app.analyticsCharts().data("tiers", november), csv);
        app.dashboardPdf().write(november, Messages.english(), pdf);

        assertTrue(Files.size(csv) > 0);
        assertTrue(Files.size(pdf) > 0);
        assertEquals(List.of("店长老陈|export|tiers.csv|chart figures (distribution)",
                "店长老陈|export|report.pdf|report PDF of " + november),
                LoggedActions.of(app.database(), "export", "print"));
    }
}
