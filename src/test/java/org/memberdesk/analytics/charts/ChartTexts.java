package org.memberdesk.analytics.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.Font;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;

/**
 * Every text a chart draws, with the font it is drawn in: titles, subtitles, legend items, axis labels, tick
 * labels (categories, symbols, digits), item labels and text annotations. {@link #assertAllHaveGlyphs} fails
 * when any of them would show a box: that font cannot display one of its characters.
 */
public final class ChartTexts {
    /** What a number, date or share tick or item label may contain. */
    private static final String DIGITS = "0123456789.,-+%¥— 2026-01 01-31";

    public record Text(Font font, String text) {
    }

    private ChartTexts() {
    }

    public static List<Text> of(JFreeChart chart) {
        List<Text> texts = new ArrayList<>();
        if (chart.getTitle() != null) {
            texts.add(new Text(chart.getTitle().getFont(), chart.getTitle().getText()));
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title title = chart.getSubtitle(i);
            if (title instanceof TextTitle text) {
                texts.add(new Text(text.getFont(), text.getText()));
            } else if (title instanceof LegendTitle legend) {
                for (Iterator<LegendItem> items = chart.getPlot().getLegendItems().iterator(); items.hasNext(); ) {
                    texts.add(new Text(legend.getItemFont(), items.next().getLabel()));
                }
            }
        }
        plot(chart.getPlot(), texts);
        return texts;
    }

    private static void plot(Plot plot, List<Text> texts) {
        if (plot instanceof CombinedDomainXYPlot combined) {
            axis(combined.getDomainAxis(), texts);
            for (XYPlot sub : combined.getSubplots()) {
                plot(sub, texts);
            }
        } else if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i), texts);
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i), texts);
            }
            for (XYAnnotation annotation : xy.getAnnotations()) {
                if (annotation instanceof XYTextAnnotation text) {
                    texts.add(new Text(text.getFont(), text.getText()));
                }
            }
        } else if (plot instanceof CategoryPlot category) {
            CategoryAxis domain = category.getDomainAxis();
            axis(domain, texts);
            for (Object key : category.getCategories()) {
                texts.add(new Text(domain.getTickLabelFont((Comparable<?>) key), key.toString()));
            }
            for (int i = 0; i < category.getRangeAxisCount(); i++) {
                axis(category.getRangeAxis(i), texts);
            }
            CategoryItemRenderer renderer = category.getRenderer();
            if (renderer != null && renderer.getDefaultItemLabelsVisible()) {
                texts.add(new Text(renderer.getDefaultItemLabelFont(), DIGITS));
            }
        }
    }

    private static void axis(Axis axis, List<Text> texts) {
        if (axis == null) {
            return;
        }
        if (axis.getLabel() != null) {
            texts.add(new Text(axis.getLabelFont(), axis.getLabel()));
        }
        if (axis instanceof SymbolAxis symbols) {
            for (String symbol : symbols.getSymbols()) {
                texts.add(new Text(axis.getTickLabelFont(), symbol));
            }
        } else if (!(axis instanceof CategoryAxis)) {
            texts.add(new Text(axis.getTickLabelFont(), DIGITS));
        }
    }

    /** Every text of the chart has a glyph for each character in the font it is drawn in; returns the texts. */
    public static List<Text> assertAllHaveGlyphs(JFreeChart chart, String which) {
        List<Text> texts = of(chart);
        assertFalse(texts.isEmpty(), which + ": no text found");
        for (Text text : texts) {
            // -1: the font can display the whole text, no box
            assertEquals(-1, text.font().canDisplayUpTo(text.text()), which + ": \"" + text.text()
                    + "\" in " + text.font().getFamily() + " has no glyph at the character shown");
        }
        return texts;
    }
}
