package org.memberdesk.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * English as a shop owner reads it (issue 19, defect 7): "1 member", never "1 members"; no full-width punctuation.
 * Counted nouns go through MessageFormat's choice format in the English bundle; Chinese has no plural.
 */
class EnglishTextTest {
    private final Messages english = Messages.english();
    private final Messages chinese = Messages.chinese();

    @Test
    void defect7plurals_messagesSayOneAndTwoRightForASampleOfKeys() {
        assertEquals("1 member", english.get("members.count", 1L));
        assertEquals("2 members", english.get("members.count", 2L));
        assertEquals("no members", english.get("members.count", 0L));
        // grouping kept as the pattern had it (#,##0): 12345 -> "12,345"
        assertEquals("12,345 members", english.get("members.count", 12345L));
        assertEquals("Wrote 1 row to a.csv", english.get("export.summary", 1L, "a.csv"));
        assertEquals("Wrote 2 rows to a.csv", english.get("export.summary", 2L, "a.csv"));
        // no grouping where the pattern had none ({0,number,#}): 12345 -> "12345"
        assertEquals("12345 rows read", english.get("import.progress.rows", 12345L));
        assertEquals("1 row read", english.get("import.progress.rows", 1L));
        assertEquals("1 coupon printed to c.pdf", english.get("coupons.print.done", 1, "c.pdf"));
        assertEquals("2 coupons printed to c.pdf", english.get("coupons.print.done", 2, "c.pdf"));
        assertEquals("1 card ends within 1 day.", english.get("cards.expiring.count", 1, 1));
        assertEquals("2 cards end within 30 days.", english.get("cards.expiring.count", 2, 30));
        assertEquals("1 point owed", english.get("points.owed", 1L));
        assertEquals("1,200 points owed", english.get("points.owed", 1200L));
        assertEquals("Intact: the one entry is as it was written.", english.get("log.ui.intact", 1L));
        assertEquals("Intact: all 2 entries are as they were written.", english.get("log.ui.intact", 2L));
        assertEquals("1 purchase, 2 returns", english.get("member.spend.visits", 1L, 2L));
        // Chinese: one form, the number as before
        assertEquals(chinese.get("members.count", 2L).replace("2", "1"), chinese.get("members.count", 1L));
    }

    /** Every choice pattern formats for 0, 1 and 2 in both languages (a '#' inside a choice must be quoted). */
    @Test
    void defect7plurals_everyChoicePatternFormatsForZeroOneAndTwo() throws IOException {
        for (String file : new String[] {"/i18n/messages.properties", "/i18n/messages_zh_CN.properties"}) {
            Properties bundle = BundlesTest.load(file);
            for (String key : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(key);
                if (!pattern.contains(",choice,")) {
                    continue;
                }
                for (long n = 0; n <= 2; n++) {
                    Object[] args = new Object[10];
                    java.util.Arrays.fill(args, n);
                    try {
                        new MessageFormat(pattern, Locale.ROOT).format(args);
                    } catch (IllegalArgumentException e) {
                        throw new AssertionError(file + " " + key + " with " + n + ": " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    /*
     * A placeholder followed by a plural noun ("{0} members", "{1,number,#} rows", "{0} card(s)") outside a choice.
     * Checked: with members.count put back to "{0,number,#,##0} members" the test below names it.
     */
    private static final Pattern COUNTED =
            Pattern.compile("\\{(\\d+)(,number[^}]*)?\\} ([a-zA-Z-]+s|[a-z]+\\(s\\))\\b");

    /** Words after a placeholder that end in s but are no counted noun; the placeholder there is a name or amount. */
    private static final Set<String> NOT_NOUNS = Set.of("is", "has", "was", "does", "takes", "needs", "belongs",
            "comes", "leaves", "starts", "looks", "applies", "leads", "keeps", "differs", "works", "vs");

    /** Nouns after an amount of money or an average, not a count: "¥1 sales", "1.3 orders per buyer". */
    private static final Set<String> NOT_COUNTS = Set.of("analytics.pdf.decompositionTotal: {0} sales",
            "analytics.pdf.decompositionTotal: {1} returns", "analytics.pdf.decompositionFactors: {4} orders");

    @Test
    void defect7plurals_noCountInTheEnglishBundleIsFollowedByAPluralNounOutsideAChoice() throws IOException {
        Properties bundle = BundlesTest.load("/i18n/messages.properties");
        List<String> found = new ArrayList<>();
        for (String key : bundle.stringPropertyNames()) {
            String outsideChoices = withoutChoices(bundle.getProperty(key));
            Matcher matcher = COUNTED.matcher(outsideChoices);
            while (matcher.find()) {
                String at = key + ": " + matcher.group();
                if (!NOT_NOUNS.contains(matcher.group(3)) && !NOT_COUNTS.contains(at)) {
                    found.add(at);
                }
            }
        }
        found.sort(null);
        assertEquals(List.of(), found, "counted nouns outside a choice format: '1 ...s' would show");
    }

    /** The English text has no full-width or curly punctuation (it came from typing with a Chinese keyboard). */
    @Test
    void defect7apostrophe_theEnglishBundleHasNoFullWidthPunctuation() throws IOException {
        Properties bundle = BundlesTest.load("/i18n/messages.properties");
        Pattern fullWidth = Pattern.compile("[\\u3000-\\u303F\\uFF00-\\uFFEF\\u2018\\u2019]");
        List<String> found = new ArrayList<>();
        for (String key : bundle.stringPropertyNames()) {
            Matcher matcher = fullWidth.matcher(bundle.getProperty(key));
            if (matcher.find()) {
                found.add(key + ": " + matcher.group());
            }
        }
        found.sort(null);
        assertEquals(List.of(), found);
    }

    @Test
    void defect7plurals_theLogsEnglishCountsAreRight() {
        assertEquals("1 member", Counted.of(1, "member"));
        assertEquals("0 members", Counted.of(0, "member"));
        assertEquals("2 entries", Counted.of(2, "entry", "entries"));
    }

    /** The text with every {N,choice,...} argument cut out (nested braces counted). */
    static String withoutChoices(String pattern) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            int start = pattern.indexOf(",choice,", i);
            if (start < 0) {
                out.append(pattern, i, pattern.length());
                break;
            }
            int open = pattern.lastIndexOf('{', start);
            out.append(pattern, i, open);
            int depth = 0;
            int j = open;
            for (; j < pattern.length(); j++) {
                char c = pattern.charAt(j);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    break;
                }
            }
            i = j + 1;
        }
        return out.toString();
    }
}
