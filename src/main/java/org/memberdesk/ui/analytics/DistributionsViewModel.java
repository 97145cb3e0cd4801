package org.memberdesk.ui.analytics;

import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.memberdesk.analytics.charts.ChartExport;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.UiContext;

/**
 * The Distributions tab: members by tier, RFM segment, lifecycle stage, channel and spend band, each
 * computed in the background by the engine (RFM and stages as of the period's last day; the others
 * are the current members). Each chart has its own property so it shows as soon as it is ready.
 */
public final class DistributionsViewModel {
    /** The charts of the tab, by the engine's chart names, in the order shown. */
    public static final List<String> KINDS = List.of("tiers", "rfm", "stages", "channels", "spend");

    private final UiContext context;
    private final java.util.Map<String, ReadOnlyObjectWrapper<ChartExport.ChartData>> charts =
            new java.util.LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final java.util.List<BackgroundTask<ChartExport.ChartData>> running = new java.util.ArrayList<>();

    public DistributionsViewModel(UiContext context) {
        this.context = context;
        KINDS.forEach(kind -> charts.put(kind, new ReadOnlyObjectWrapper<>()));
    }

    /** Computes every distribution as of {@code asOf} (RFM, stages) in the background; older loads are dropped. */
    public void load(LocalDate asOf) {
        running.forEach(BackgroundTask::cancel);
        running.clear();
        org.memberdesk.analytics.Period period = new org.memberdesk.analytics.Period(asOf, asOf);
        loading.set(true);
        for (String kind : KINDS) {
            BackgroundTask<ChartExport.ChartData> task = BackgroundTask.of(
                    () -> context.app().analyticsCharts().data(kind, period));
            running.add(task);
            task.onSuccess(data -> {
                if (running.contains(task)) {
                    charts.get(kind).set(data);
                }
            }).onFinished(() -> {
                if (running.remove(task) && running.isEmpty()) {
                    loading.set(false);
                }
            });
            context.tasks().execute(task);
        }
    }

    /** One chart's numbers (kind from {@link #KINDS}); null until computed. */
    public ReadOnlyObjectProperty<ChartExport.ChartData> chartProperty(String kind) {
        return charts.get(kind).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
