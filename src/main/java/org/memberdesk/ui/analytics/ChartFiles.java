package org.memberdesk.ui.analytics;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.analytics.charts.ChartExport;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.UiContext;

/**
 * Every Analytics chart to a PNG file and its numbers to CSV, through the engine's {@link ChartExport}
 * (the same chart and the same columns as the command line's {@code chart --png --csv}). Files are
 * chosen through the app's dialogs and written in the background.
 */
final class ChartFiles {
    static final int WIDTH = 1200;
    static final int HEIGHT = 700;

    private final UiContext context;

    ChartFiles(UiContext context) {
        this.context = context;
    }

    BackgroundTask<Path> png(ChartExport.ChartData data, Path file, Consumer<Path> written) {
        return context.tasks().execute(BackgroundTask.of(() -> {
            ChartExport charts = context.app().analyticsCharts();
            charts.writePng(charts.chart(data, context.messages()), file, WIDTH, HEIGHT);
            return file;
        }).onSuccess(written));
    }

    BackgroundTask<Path> csv(ChartExport.ChartData data, Path file, Consumer<Path> written) {
        return context.tasks().execute(BackgroundTask.of(() -> {
            context.app().analyticsCharts().csv(data, file);
            return file;
        }).onSuccess(written));
    }

    /** "PNG" and "CSV" buttons for the chart whose numbers {@code data} holds (disabled while there are none). */
    HBox buttons(String idPrefix, String fileName, ObservableValue<? extends ChartExport.ChartData> data) {
        Button png = new Button(context.text("analytics.ui.png"), new FontIcon(Feather.IMAGE));
        png.setId(idPrefix + "-png");
        png.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> data.getValue() == null,
                data));
        png.setOnAction(e -> context.chooseOutputFile(context.text("analytics.ui.exportPng"), fileName + ".png",
                "PNG", "*.png").ifPresent(file -> png(data.getValue(), file, this::saved)));
        Button csv = new Button(context.text("analytics.ui.csv"), new FontIcon(Feather.FILE_TEXT));
        csv.setId(idPrefix + "-csv");
        csv.disableProperty().bind(png.disableProperty());
        csv.setOnAction(e -> context.chooseOutputFile(context.text("analytics.ui.exportCsv"), fileName + ".csv",
                "CSV", "*.csv").ifPresent(file -> csv(data.getValue(), file, this::saved)));
        return new HBox(6, png, csv);
    }

    private void saved(Path file) {
        context.dialogs().showInfo(context.text("analytics.ui.export"), context.text("analytics.ui.exported", file));
    }
}
