package org.memberdesk.ui.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.analytics.Cohort;
import org.memberdesk.analytics.Distribution;
import org.memberdesk.analytics.Funnel;
import org.memberdesk.analytics.Period;
import org.memberdesk.analytics.ShopFixture;
import org.memberdesk.analytics.charts.ChartExport;
import org.memberdesk.common.Messages;
import org.memberdesk.coupons.Target;
import org.memberdesk.db.Database;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.SameThreadTaskExecutor;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.dashboard.PeriodReport;
import org.memberdesk.ui.dashboard.StepMembersDialog;
import org.memberdesk.ui.dashboard.StepMembersModel;

/**
 * The Analytics screen's state without a screen, on the hand-built shop of the analytics tests
 * (see org.memberdesk.analytics.Shop for its members and purchases), "today" being 2026-04-10.
 */
class AnalyticsViewModelTest {
    private static final Period JANUARY = Period.of("2026-01-01", "2026-01-31");

    @TempDir
    Path folder;
    private UiContext context;
    private AnalyticsViewModel model;
    private RecordingDialogs dialogs;

    @BeforeEach
    void setUp() {
        Path db = ShopFixture.build(folder);
        Clock clock = Clock.fixed(LocalDateTime.of(2026, 4, 10, 10, 0).atZone(ZoneId.systemDefault()).toInstant(),
                ZoneId.systemDefault());
        dialogs = new RecordingDialogs(Messages.english());
        context = new UiContext(new AppContext(Database.open(db), clock), Messages.english(),
                new SameThreadTaskExecutor(dialogs), dialogs, new DataChanges());
        model = AnalyticsScreen.model(context);
    }

    private static List<Long> counts(Funnel funnel) {
        return funnel.steps().stream().map(Funnel.Step::count).toList();
    }

    @Test
    void aNewPeriodRecomputesTheFunnelTheCohortsAndTheDistributions() {
        // this month: 2026-04-01 … 04-10, nobody joined
        model.load();
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L), counts(model.funnels().funnelProperty().get()));
        model.showing(AnalyticsViewModel.Tab.COHORTS);
        assertEquals("2025-05", model.cohorts().fromProperty().get());
        assertEquals("2026-04", model.cohorts().toProperty().get());
        model.showing(AnalyticsViewModel.Tab.FUNNELS);

        model.choice().fromProperty().set(LocalDate.of(2026, 1, 1));
        model.choice().toProperty().set(LocalDate.of(2026, 1, 31));
        model.apply();
        // the funnel's tab is shown: the other tabs wait until they are opened (cohorts still April's)
        assertEquals("2026-04", model.cohorts().toProperty().get());
        assertNull(model.distributions().chartProperty("rfm").get());
        // January's joiners B C D E F I = 6; bought by 01-31: B C D F = 4; twice: B C F = 3;
        // net spend ≥ ¥500: nobody (C has 40 + 40 + 25 = ¥105); referred someone by 01-31: —
        assertEquals(List.of(6L, 4L, 3L, 0L, 0L), counts(model.funnels().funnelProperty().get()));
        // twelve cohorts ending with the period's month
        model.showing(AnalyticsViewModel.Tab.COHORTS);
        List<Cohort> cohorts = model.cohorts().cohortsProperty().get();
        assertEquals(12, cohorts.size());
        assertEquals(YearMonth.of(2025, 2), cohorts.get(0).month());
        assertEquals(YearMonth.of(2026, 1), cohorts.get(11).month());
        // RFM as of 01-31: the members who had bought by then: A B C D F G H = 7
        model.showing(AnalyticsViewModel.Tab.DISTRIBUTIONS);
        ChartExport.DistributionData rfm = (ChartExport.DistributionData) model.distributions().chartProperty("rfm").get();
        assertEquals(7, rfm.distribution().total());
        assertEquals(LocalDate.of(2026, 1, 31), rfm.distribution().asOf());
        assertEquals("", model.problemProperty().get());
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefusedAndNothingIsComputed() {
        model.choice().days(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1));
        model.load();
        assertEquals("Choose a first and a last day, the last not before the first", model.problemProperty().get());
        assertNull(model.funnels().funnelProperty().get());
    }

    @Test
    void theAarrrSpendStepTakesTheAmountTyped() {
        FunnelsViewModel funnels = model.funnels();
        funnels.minSpentProperty().set("100");
        funnels.compute(JANUARY);
        // of B C F (bought twice), net spend by 01-31: B 30 + 20 − 20 = 30, C 105, F 12 + 8 = 20 → C;
        // C referred I (joined 01-25) → C
        assertEquals(List.of(6L, 4L, 3L, 1L, 1L), counts(funnels.funnelProperty().get()));
        funnels.minSpentProperty().set("a lot");
        funnels.compute(JANUARY);
        assertEquals("“a lot” is not an amount in yuan, e.g. 500 or 99.50", funnels.problemProperty().get());
    }

    @Test
    void aCustomFunnelWithAnInvalidStepIsNotComputedUntilTheStepIsARule() {
        FunnelsViewModel funnels = model.funnels();
        funnels.kindProperty().set(FunnelsViewModel.Kind.CUSTOM);
        // the editor starts with one step, "purchases >= 1"
        FunnelStep first = funnels.steps().get(0);
        first.ruleProperty().set("purchases >= 2");
        FunnelStep second = funnels.addStep("total_spent >=");
        assertTrue(second.errorProperty().get().startsWith("at position "), second.errorProperty().get());
        funnels.compute(JANUARY);
        assertEquals("Some steps are not rules yet: see the message under each", funnels.problemProperty().get());
        assertNull(funnels.funnelProperty().get());

        second.ruleProperty().set("total_spent >= 60");
        assertEquals("", second.errorProperty().get());
        funnels.compute(JANUARY);
        // joined 6; 2+ purchases by 01-31: B C F; of them net spend ≥ ¥60: C (105) → 6, 3, 1
        Funnel funnel = funnels.funnelProperty().get();
        assertEquals(List.of(6L, 3L, 1L), counts(funnel));
        assertEquals(List.of("joined", "purchases >= 2", "total_spent >= 60"),
                funnel.steps().stream().map(Funnel.Step::name).toList());
        assertEquals(0.5, funnel.conversion(1).share());

        // reordered: spend first (C only, ¥105; B 30, F 20, D 99.99 → C and D), then 2+ purchases: C
        funnels.moveStep(1, -1);
        funnels.compute(JANUARY);
        assertEquals(List.of(6L, 2L, 1L), counts(funnels.funnelProperty().get()));
        funnels.removeStep(0);
        funnels.compute(JANUARY);
        assertEquals(List.of(6L, 3L), counts(funnels.funnelProperty().get()));
    }

    @Test
    void customFunnelsAreSavedReopenedAndDeleted() {
        FunnelsViewModel funnels = model.funnels();
        funnels.kindProperty().set(FunnelsViewModel.Kind.CUSTOM);
        funnels.steps().get(0).ruleProperty().set("purchases >= 2");
        funnels.addStep("channel = \"门店\"");
        funnels.save();
        assertEquals("Give the funnel a name to save it", funnels.problemProperty().get().replace("name: ", ""));
        funnels.nameProperty().set("一月回头客");
        funnels.save();
        assertEquals("Saved the funnel “一月回头客”", funnels.messageProperty().get());
        assertEquals(1, funnels.saved().size());

        // the editor emptied through its commands (the list the view shows is read-only)
        while (!funnels.steps().isEmpty()) {
            funnels.removeStep(0);
        }
        funnels.kindProperty().set(FunnelsViewModel.Kind.AARRR);
        funnels.open(funnels.saved().get(0), JANUARY);
        assertEquals(FunnelsViewModel.Kind.CUSTOM, funnels.kindProperty().get());
        assertEquals(List.of("purchases >= 2", "channel = \"门店\""),
                funnels.steps().stream().map(s -> s.ruleProperty().get()).toList());
        // B C F bought twice; of them C and F came through 门店
        assertEquals(List.of(6L, 3L, 2L), counts(funnels.funnelProperty().get()));

        funnels.delete(funnels.saved().get(0));
        assertTrue(funnels.saved().isEmpty());
    }

    @Test
    void cohortsOfTheMonthsTyped() {
        CohortsViewModel cohorts = model.cohorts();
        cohorts.fromProperty().set("2025-12");
        cohorts.toProperty().set("2026-01");
        cohorts.load();
        List<Cohort> result = cohorts.cohortsProperty().get();
        // December: A (first 2025-12-10), bought again in January (month 1), then not; months up to April begun
        assertEquals(1, result.get(0).size());
        assertEquals(List.of(1L, 0L, 0L, 0L), result.get(0).active());
        // January: B C D F H; February (month 1) D and H, March C, April nobody yet
        assertEquals(5, result.get(1).size());
        assertEquals(List.of(2L, 1L, 0L), result.get(1).active());
        cohorts.toProperty().set("2025-11");
        cohorts.load();
        assertEquals("Type two months as YYYY-MM, the last not before the first", cohorts.problemProperty().get());
    }

    @Test
    void channelsAreTheCurrentMembers() {
        model.distributions().load(LocalDate.of(2026, 1, 31));
        Distribution channels = ((ChartExport.DistributionData) model.distributions().chartProperty("channels").get())
                .distribution();
        // 门店 A C F H; 转介绍 I J; 公众号 B, 抖音 D, 美团 G, none E (K is archived) = 10
        assertEquals(10, channels.total());
        assertEquals(4, channels.slices().stream().filter(s -> "门店".equals(s.key())).findFirst().orElseThrow()
                .count());
        assertEquals(false, model.distributions().loadingProperty().get());
    }

    @Test
    void chartsAndTheReportAreWrittenToFiles() throws Exception {
        FunnelsViewModel funnels = model.funnels();
        funnels.compute(JANUARY);
        ChartFiles files = new ChartFiles(context);
        Path png = folder.resolve("out/funnel.png");
        Path csv = folder.resolve("out/funnel.csv");
        List<Path> written = new ArrayList<>();
        files.png(funnels.chartDataProperty().get(), png, written::add);
        files.csv(funnels.chartDataProperty().get(), csv, written::add);
        assertEquals(List.of(png, csv), written);
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals("PNG", new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("\uFEFFstep,name,count,conversion_from_previous", lines.get(0));
        assertEquals("2,purchases >= 1,4,0.6666666666666666", lines.get(2));

        Path pdf = folder.resolve("report.pdf");
        new PeriodReport(context).save(JANUARY, pdf, written::add);
        assertEquals(pdf, written.get(2));
        assertEquals("%PDF", new String(Files.readAllBytes(pdf), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void aStepsMembersBecomeACampaignTarget() {
        model.funnels().compute(JANUARY);
        Funnel funnel = model.funnels().funnelProperty().get();
        StepMembersModel twice = StepMembersDialog.model(context, funnel.steps().get(2).memberIds());
        List<Target> targets = new ArrayList<>();
        // without a tag name: the member numbers of B, C, F
        twice.campaignTarget("", targets::add);
        assertEquals(new Target(Target.Kind.LIST, "M2, M3, M6"), targets.get(0));
        // with one: the step is tagged and the campaign targets the tag
        twice.campaignTarget(" 一月复购 ", targets::add);
        assertEquals(new Target(Target.Kind.TAG, "一月复购"), targets.get(1));
        assertEquals(List.of("一月复购"), context.app().tags().tagsOf(context.app().members().byNumber("M6")
                .orElseThrow().id()));
        // the last step (referred someone by 01-31) is empty
        StepMembersDialog.model(context, funnel.steps().get(4).memberIds()).campaignTarget("", targets::add);
        assertEquals(2, targets.size());
    }
}
