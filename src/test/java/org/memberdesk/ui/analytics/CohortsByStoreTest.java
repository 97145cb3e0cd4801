package org.memberdesk.ui.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.TestDatabase;
import org.memberdesk.analytics.Cohort;
import org.memberdesk.analytics.StoreShop;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.SameThreadTaskExecutor;

/** Issue 21: the Cohorts tab's store picker, on {@link StoreShop} (first sales in November: 2 at 本店, 1 at 二店). */
class CohortsByStoreTest {
    @TempDir
    Path folder;

    private static CohortsViewModel model(AppContext app) {
        CohortsViewModel model = new CohortsViewModel(app.analytics(), app.stores(), app.clock(),
                new SameThreadTaskExecutor(new RecordingDialogs(Messages.english())), Messages.english());
        model.fromProperty().set("2026-11");
        model.toProperty().set("2026-11");
        return model;
    }

    private static long size(CohortsViewModel model) {
        List<Cohort> cohorts = model.cohortsProperty().get();
        return cohorts.get(0).size();
    }

    @Test
    void aChainPicksAStoreAndSeesTheBuyersItWon() {
        CohortsViewModel model = model(StoreShop.build(TestDatabase.open(folder)).app);
        model.loadStores();
        assertTrue(model.chainProperty().get());
        assertEquals(List.of("All stores", "Main store", "二店"),
                model.storeChoices().stream().map(Object::toString).toList());
        model.load();
        // 王芳, 张三, 李雷
        assertEquals(3, size(model));
        model.storeProperty().set(model.storeChoices().get(2));
        model.load();
        // 张三's first sale was at 二店
        assertEquals(1, size(model));
        // the chart (and the PNG the tab exports) is of 二店, and its title says so (ChartExport.chart)
        assertEquals(java.util.Optional.of("二店"), ((org.memberdesk.analytics.charts.ChartExport.CohortData)
                model.chartDataProperty().get()).store().map(org.memberdesk.stores.Store::name));
        model.storeProperty().set(model.storeChoices().get(1));
        model.load();
        assertEquals(2, size(model));
        model.storeProperty().set(model.storeChoices().get(0));
        model.load();
        assertEquals(java.util.Optional.empty(), ((org.memberdesk.analytics.charts.ChartExport.CohortData)
                model.chartDataProperty().get()).store());
    }

    @Test
    void aShopOfOneStoreHasNoPicker() {
        CohortsViewModel model = model(TestDatabase.open(folder));
        model.loadStores();
        assertEquals(2, model.storeChoices().size());
        assertFalse(model.chainProperty().get());
    }
}
