package org.memberdesk.analytics.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.ui.RectangleInsets;
import org.memberdesk.fonts.BundledFont;

/**
 * One look for every chart (analytics, predictions, a campaign's funnel): a flat white theme, a few calm
 * colours, and every text in the font the app carries ({@link BundledFont}), which has Chinese, Latin and
 * digits alike. Java's logical "SansSerif" shows Chinese only where the computer has a Chinese font, and a
 * family picked from what is installed differed between computers (and left some labels as boxes), so
 * charts never depend on the computer's fonts.
 */
public final class ChartStyle {

    static final Color INK = new Color(0x24, 0x29, 0x2f);
    static final Color MUTED = new Color(0x57, 0x60, 0x6a);
    static final Color GRID = new Color(0xd8, 0xde, 0xe4);
    static final Color BLUE = new Color(0x09, 0x69, 0xda);
    static final Color GREEN = new Color(0x1a, 0x7f, 0x37);
    static final Color ORANGE = new Color(0xbc, 0x4c, 0x00);
    static final Color PURPLE = new Color(0x82, 0x50, 0xdf);
    static final Color[] SERIES = {BLUE, ORANGE, GREEN, PURPLE, new Color(0xcf, 0x22, 0x2e),
        new Color(0x1b, 0x7c, 0x83), new Color(0x9a, 0x67, 0x00), new Color(0x6e, 0x77, 0x81)};

    private ChartStyle() {
    }

    /** The font family every chart text is in (JFreeChart's JavaFX viewer finds it by this name). */
    public static String family() {
        return BundledFont.FAMILY;
    }

    static Font font(int style, float size) {
        return BundledFont.awt(style, Math.round(size));
    }

    /** Applies the theme; call after the chart's plot and renderers are built. */
    public static JFreeChart apply(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("MemberDesk");
        theme.setExtraLargeFont(font(Font.BOLD, 20));
        theme.setLargeFont(font(Font.BOLD, 14));
        theme.setRegularFont(font(Font.PLAIN, 13));
        theme.setSmallFont(font(Font.PLAIN, 11));
        theme.setTitlePaint(INK);
        theme.setSubtitlePaint(MUTED);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisLabelPaint(MUTED);
        theme.setTickLabelPaint(MUTED);
        theme.setItemLabelPaint(INK);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setLegendItemPaint(INK);
        theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setDrawingSupplier(new DefaultDrawingSupplier(SERIES, SERIES, SERIES,
                new java.awt.Stroke[] {new BasicStroke(2.5f)}, new java.awt.Stroke[] {new BasicStroke(1f)},
                DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(12, 12, 12, 16));
        return chart;
    }

    static void flatBars(BarRenderer renderer) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
    }
}
