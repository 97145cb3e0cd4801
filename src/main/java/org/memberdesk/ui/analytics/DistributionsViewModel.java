package org.memberdesk.ui.analytics;

import java.time.LocalDate;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memberdesk.analytics.Period;
import org.memberdesk.analytics.charts.ChartExport;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * The Distributions tab: members by tier, RFM segment, lifecycle stage, channel and spend band, each
 * computed in the background by the engine (RFM and stages as of the period's last day; the others
 * are the current members). Each chart has its own property so it shows as soon as it is ready.
 */
public final class DistributionsViewModel {
    /** The charts of the tab, by the engine's chart names, in the order shown. */
    public static final List<String> KINDS = List.of("tiers", "rfm", "stages", "channels", "spend");

    private final java.util.Map<String, ReadOnlyObjectWrapper<ChartExport.ChartData>> shown =
            new java.util.LinkedHashMap<>();
    private final java.util.Map<String, Latest<ChartExport.ChartData>> computing = new java.util.HashMap<>();
    private final ChartExport charts;
    private final BooleanBinding loading;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public DistributionsViewModel(ChartExport charts, TaskExecutor tasks, Messages messages) {
        this.charts = charts;
        BooleanBinding any = Bindings.createBooleanBinding(() -> false);
        for (String kind : KINDS) {
            shown.put(kind, new ReadOnlyObjectWrapper<>());
            computing.put(kind, new Latest<>(tasks, messages));
            any = any.or(computing.get(kind).loadingProperty());
        }
        this.loading = any;
    }

    /** Computes every distribution as of {@code asOf} (RFM, stages) in the background, each on its own. */
    public void load(LocalDate asOf) {
        Period day = new Period(asOf, asOf);
        problem.set("");
        for (String kind : KINDS) {
            computing.get(kind).run(() -> charts.data(kind, day), shown.get(kind)::set,
                    problem::set);
        }
    }

    /** One chart's numbers (kind from {@link #KINDS}); null until computed. */
    public ReadOnlyObjectProperty<ChartExport.ChartData> chartProperty(String kind) {
        return shown.get(kind).getReadOnlyProperty();
    }

    public BooleanBinding loadingProperty() {
        return loading;
    }

    /** Why a distribution could not be computed; empty when all were. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
