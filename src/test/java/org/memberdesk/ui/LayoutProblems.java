package org.memberdesk.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;
import org.memberdesk.fonts.BundledFont;

/**
 * What a shop owner would see as broken in a window as it is laid out now, one readable line per problem:
 * <ul>
 *   <li>a visible {@link Labeled} whose text is shown cut ("本…"): JavaFX puts the shortened text in the label's
 *   {@code .text} child, so it differs from the label's own text;</li>
 *   <li>a visible {@link Control} reaching past the window's right or bottom edge with no scroll pane (or scrolled
 *   list) around it to bring it in;</li>
 *   <li>a word broken over two lines by a wrapping label too narrow for it ("Channe / l");</li>
 *   <li>a character the text's font has no glyph for (drawn as a box).</li>
 * </ul>
 * Cells of tables are left out of the first rule: a name longer than its column is cut by design there (the
 * column can be widened); the tables' headers are checked. Call on the JavaFX thread after layout.
 */
public final class LayoutProblems {
    private final Map<String, java.awt.Font> fonts = new HashMap<>();

    /** Every problem of the scene's visible nodes, each line starting with {@code where}. */
    public List<String> of(Scene scene, String where) {
        List<String> problems = new ArrayList<>();
        walk(scene.getRoot(), scene, where, false, false, problems);
        return problems;
    }

    private void walk(Node node, Scene scene, String where, boolean scrolled, boolean inTable,
                      List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        boolean outside = false;
        if (node instanceof Labeled labeled && !(inTable && node instanceof IndexedCell)) {
            cutText(labeled).ifPresent(shown -> problems.add(where + ": text cut to \"" + shown + "\": "
                    + describe(labeled)));
        }
        if (node instanceof Labeled labeled && labeled.isWrapText() && !(inTable && node instanceof IndexedCell)) {
            brokenWord(labeled).ifPresent(word -> problems.add(where + ": word \"" + word
                    + "\" broken over two lines: " + describe(labeled)));
        }
        if (node instanceof Control control && !scrolled && outsideWindow(control, scene)) {
            Bounds b = control.localToScene(control.getLayoutBounds());
            problems.add(where + ": outside the window (right " + Math.round(b.getMaxX()) + " of "
                    + Math.round(scene.getWidth()) + ", bottom " + Math.round(b.getMaxY()) + " of "
                    + Math.round(scene.getHeight()) + "): " + describe(control));
            outside = true; // its own parts are outside too: one line for the control
        }
        if (node instanceof Text text && !(node instanceof FontIcon)) {
            missingGlyph(text).ifPresent(c -> problems.add(where + ": no glyph for '" + c + "' (U+"
                    + String.format("%04X", c.codePointAt(0)) + ") in " + text.getFont().getFamily() + ": "
                    + describe(text)));
        }
        if (outside || !(node instanceof Parent parent)) {
            return;
        }
        // a table's header scrolls sideways with its rows: what is past the table's edge is a scroll away
        boolean childScrolled = scrolled || node instanceof ScrollPane || node instanceof VirtualFlow
                || node instanceof TableView || node instanceof TreeTableView;
        boolean childInTable = inTable || node instanceof TableView || node instanceof TreeTableView;
        for (Node child : parent.getChildrenUnmodifiable()) {
            walk(child, scene, where, childScrolled, childInTable, problems);
        }
    }

    /** The text as shown when it differs from the label's own (cut or elided); empty otherwise. */
    static java.util.Optional<String> cutText(Labeled labeled) {
        String own = labeled.getText();
        if (own == null || own.isEmpty() || labeled.getWidth() <= 0) {
            return java.util.Optional.empty();
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && !(child instanceof FontIcon) && child.getStyleClass().contains("text")) {
                String displayed = shown.getText();
                boolean same = displayed.equals(own)
                        || labeled.isMnemonicParsing() && displayed.equals(own.replaceFirst("_", ""));
                return same || !child.isVisible() ? java.util.Optional.empty() : java.util.Optional.of(displayed);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * A word of letters wider than the wrapping label, which JavaFX then breaks mid-word ("Channe / l"): the text
     * is whole, so {@link #cutText} does not see it. Chinese wraps between any two characters and is left out.
     */
    static java.util.Optional<String> brokenWord(Labeled labeled) {
        String own = labeled.getText();
        if (own == null || own.isEmpty() || labeled.getWidth() <= 0) {
            return java.util.Optional.empty();
        }
        double room = labeled.getWidth() - labeled.snappedLeftInset() - labeled.snappedRightInset();
        if (labeled.getGraphic() != null && labeled.getGraphic().isManaged()) {
            room -= labeled.getGraphic().getLayoutBounds().getWidth() + labeled.getGraphicTextGap();
        }
        for (String word : own.split("\\s+")) {
            if (word.isEmpty() || !word.chars().allMatch(c -> c < 0x2E80)) {
                continue;
            }
            Text measure = new Text(word);
            measure.setFont(labeled.getFont());
            if (measure.getLayoutBounds().getWidth() > room + 0.5) {
                return java.util.Optional.of(word);
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean outsideWindow(Control control, Scene scene) {
        if (control.getWidth() <= 0 || control.getHeight() <= 0) {
            return false;
        }
        Bounds b = control.localToScene(control.getLayoutBounds());
        // half a pixel: borders drawn on the edge are not "outside"
        return b.getMaxX() > scene.getWidth() + 0.5 || b.getMaxY() > scene.getHeight() + 0.5;
    }

    /** The first character of the text its font cannot draw, as a string (a code point); empty when all can. */
    java.util.Optional<String> missingGlyph(Text text) {
        String s = text.getText();
        if (s == null || s.isEmpty()) {
            return java.util.Optional.empty();
        }
        java.awt.Font font = awtFont(text.getFont().getFamily());
        return firstMissing(font, s);
    }

    /** The first character {@code font} has no glyph for (line breaks and invisible format characters aside). */
    static java.util.Optional<String> firstMissing(java.awt.Font font, String s) {
        for (int i = 0; i < s.length(); i = s.offsetByCodePoints(i, 1)) {
            int c = s.codePointAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT) {
                continue;
            }
            if (!font.canDisplay(c)) {
                return java.util.Optional.of(new String(Character.toChars(c)));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The same font file for Java2D: the bundled family is the app's own file (what JavaFX loaded from it); any
     * other family is looked up among the computer's fonts — one unknown to Java2D too (a font JavaFX alone has)
     * falls back to a logical font, which can draw at least what the physical one can.
     */
    private java.awt.Font awtFont(String family) {
        return fonts.computeIfAbsent(family, name -> BundledFont.FAMILY.equals(name)
                ? BundledFont.awt(java.awt.Font.PLAIN, 13) : new java.awt.Font(name, java.awt.Font.PLAIN, 13));
    }

    /** The node as a person finding it in the code would name it: class, id, style class, text. */
    static String describe(Node node) {
        StringBuilder s = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            s.append('#').append(node.getId());
        }
        node.getStyleClass().stream().findFirst().ifPresent(c -> s.append('.').append(c));
        String text = node instanceof Labeled l ? l.getText() : node instanceof Text t ? t.getText() : null;
        if (text != null && !text.isEmpty()) {
            s.append(" \"").append(text.length() > 60 ? text.substring(0, 60) + "…" : text).append('"');
        }
        // the nearest ancestor with an id says where on the screen it is
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up.getId() != null) {
                s.append(" in #").append(up.getId());
                break;
            }
        }
        return s.toString();
    }
}
