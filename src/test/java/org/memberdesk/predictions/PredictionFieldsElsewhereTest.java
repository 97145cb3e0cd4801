package org.memberdesk.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.analytics.Funnel;
import org.memberdesk.analytics.Period;
import org.memberdesk.coupons.Target;
import org.memberdesk.tags.Rule;
import org.memberdesk.BothEngines;

/**
 * The prediction fields in funnels and campaign targets on a shop with no model yet: the model is fitted before their
 * own read opens (a fit inside it would not be seen, and the step or target would count nobody).
 */
@BothEngines
class PredictionFieldsElsewhereTest {
    private static final LocalDate CALIBRATION_END = Cdnow.CALIBRATION_END;
    @TempDir
    Path folder;
    AppContext app;

    @BeforeEach
    void importWithoutAModel() throws IOException {
        app = TestDatabase.open(folder);
        CdnowShop.importInto(app, folder);
        assertTrue(app.predictions().models().isEmpty());
    }

    @Test
    void aFunnelStepOnPAliveCountsTheModelItFitsFirst() {
        Funnel funnel = app.analytics().custom(Period.of("1997-01-01", "1997-09-30"), List.of("p_alive < 0.3"));
        // every CDNOW customer joined in the first quarter of 1997, so the step is the rule's count at its last day
        long expected = app.rules().count(Rule.parse("p_alive < 0.3"), CALIBRATION_END);
        assertTrue(expected > 0);
        assertEquals(expected, funnel.steps().get(1).count());
        assertEquals(CALIBRATION_END, app.predictions().models().get(0).asOf(), "fitted at the funnel's last day");
    }

    @Test
    void aCampaignTargetOnPAliveCountsTheModelItFitsFirst() {
        var preview = app.campaigns().preview(new Target(Target.Kind.RULE, "p_alive < 0.3"), null, 0);
        LocalDate today = TestDatabase.NOW.toLocalDate();
        long expected = app.rules().count(Rule.parse("p_alive < 0.3"), today);
        assertTrue(expected > 0);
        assertEquals(expected, preview.matched());
    }
}
