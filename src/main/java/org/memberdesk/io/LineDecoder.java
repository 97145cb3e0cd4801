package org.memberdesk.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An import file's bytes as text, decoded strictly, line by line (a line ends at a {@code \n} byte, which
 * is never part of a UTF-8 or GBK character). Nothing is ever guessed into the text: a line that does
 * not decode is noted by its line number with the reason ({@link #unreadable}) and handed on with every
 * byte beyond ASCII shown as U+FFFD, only so that the CSV parser still sees the line's commas and quotes;
 * the row it belongs to is rejected, never stored.
 *
 * <p>Fast path: a run of whole lines is decoded in one call; only a run with a bad line is decoded line
 * by line. In {@link Mode#MIXED} (a file that is not valid UTF-8 and mostly not UTF-8) every line is
 * looked at on its own:
 * <ul>
 *   <li>not valid UTF-8: read as GBK (neither: rejected);</li>
 *   <li>valid UTF-8 whose reading is ordinary Chinese text (Chinese characters, CJK, full-width and general
 *       punctuation, emoji): UTF-8. GBK text practically never reads so: none of a million random strings of
 *       1 to 6 common (GB2312 level 1) characters did;</li>
 *   <li>valid UTF-8 otherwise: GBK text that happens to be valid UTF-8 is common (谢 alone reads as л,
 *       伟 as ΰ) and reads as lone letters of mixed scripts; UTF-8 text in an alphabet (Café, Иван) reads as
 *       words. So: GBK when the line's two-byte characters are all GB2312 and its UTF-8 reading has no word
 *       (a letter beyond ASCII next to an ASCII letter, or three letters of one script); UTF-8 when GBK cannot
 *       read it; otherwise rejected as ambiguous.</li>
 * </ul>
 */
final class LineDecoder extends Reader {
    enum Mode { UTF8, GBK, MIXED }

    private static final Charset GBK = Charset.forName("GBK");

    private final InputStream in;
    private final Mode mode;
    private final CharsetDecoder utf8 = strict(StandardCharsets.UTF_8);
    private final CharsetDecoder gbk = strict(GBK);
    /** Line number → the bundle key saying why it does not decode; lines the parser has passed are dropped. */
    private final NavigableMap<Long, String> unreadable = new TreeMap<>();
    private byte[] bytes = new byte[1 << 16];
    /** Bytes read but not yet decoded: the start of a line whose end is not read yet. */
    private int length;
    private CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
    /** The line number of the next line to decode (the first line of the file is 1). */
    private long line = 1;
    private boolean end;
    private boolean first = true;

    LineDecoder(InputStream in, Mode mode) {
        this.in = in;
        this.mode = mode;
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * Why a line of {@code [from, to]} does not decode (the first such line's reason), or null when all do.
     * Lines before {@code from} are forgotten: rows are asked about in file order.
     */
    String unreadable(long from, long to) {
        if (unreadable.isEmpty()) {
            return null; // the usual case, first
        }
        unreadable.headMap(from, false).clear();
        var bad = unreadable.subMap(from, true, to, true);
        return bad.isEmpty() ? null : bad.firstEntry().getValue();
    }

    @Override
    public int read(char[] buffer, int offset, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(count, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    /** Reads and decodes the next whole lines; false at the end of the file. */
    private boolean fill() throws IOException {
        while (true) {
            if (end && length == 0) {
                return false;
            }
            if (!end) {
                if (length == bytes.length) {
                    bytes = Arrays.copyOf(bytes, bytes.length * 2); // a line longer than the buffer
                }
                int n = in.read(bytes, length, bytes.length - length);
                if (n < 0) {
                    end = true;
                } else {
                    length += n;
                }
            }
            if (first && length >= 3) {
                first = false;
                if (mode != Mode.GBK && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                        && (bytes[2] & 0xFF) == 0xBF) {
                    // the UTF-8 byte order mark says how to read; it is not text
                    System.arraycopy(bytes, 3, bytes, 0, length - 3);
                    length -= 3;
                }
            }
            int from = 0;
            int to = end ? length : lastNewline() + 1;
            if (to <= from) {
                if (end) {
                    length = 0;
                }
                continue; // no whole line yet: read more
            }
            decode(from, to);
            System.arraycopy(bytes, to, bytes, 0, length - to);
            length -= to;
            if (chars.hasRemaining()) {
                return true;
            }
        }
    }

    private int lastNewline() {
        for (int i = length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Decodes the whole lines in {@code bytes[from, to)} into {@link #chars}. */
    private void decode(int from, int to) {
        if (chars.capacity() < to - from) {
            chars = CharBuffer.allocate(to - from); // neither UTF-8 nor GBK gives more chars than bytes
        }
        chars.clear();
        if (mode != Mode.MIXED && decodeAll(mode == Mode.UTF8 ? utf8 : gbk, from, to)) {
            line += newlines(from, to);
        } else {
            chars.clear();
            int start = from;
            for (int i = from; i < to; i++) {
                if (bytes[i] == '\n' || i == to - 1) {
                    decodeLine(start, i + 1);
                    start = i + 1;
                    line++;
                }
            }
        }
        chars.flip();
    }

    private boolean decodeAll(CharsetDecoder decoder, int from, int to) {
        decoder.reset();
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, from, to - from), chars, true);
        return !result.isError() && !decoder.flush(chars).isError();
    }

    private void decodeLine(int from, int to) {
        int mark = chars.position();
        String problem = switch (mode) {
            case UTF8 -> decodeAll(utf8, from, to) ? null : "import.row.notUtf8";
            case GBK -> decodeAll(gbk, from, to) ? null : "import.row.notGbk";
            case MIXED -> mixed(from, to, mark);
        };
        if (problem != null) {
            unreadable.put(line, problem);
            chars.position(mark);
            for (int i = from; i < to; i++) {
                chars.put(bytes[i] >= 0 ? (char) bytes[i] : '\uFFFD');
            }
        }
    }

    /** One line of a file that mixes UTF-8 and GBK: its reading, or the reason it has none that is certain. */
    private String mixed(int from, int to, int mark) {
        int kind = Utf8.kind(bytes, from, to);
        if (kind == Utf8.INVALID) {
            return decodeAll(gbk, from, to) ? null : "import.row.notText";
        }
        decodeAll(utf8, from, to); // valid: cannot fail
        if (kind == Utf8.ASCII || ordinary(mark, chars.position())) {
            return null;
        }
        // valid UTF-8 but not Chinese: GBK text that happens to be valid UTF-8 (one in five common characters
        // alone is: 谢 reads as л, 伟 as ΰ), or UTF-8 text in another alphabet (Café, Иван)
        boolean word = wordLike(mark, chars.position());
        chars.position(mark);
        if (!decodeAll(gbk, from, to)) {
            chars.position(mark);
            decodeAll(utf8, from, to); // only UTF-8 reads it: UTF-8 it is, whatever its characters
            return null;
        }
        return gb2312(from, to) && !word ? null : "import.row.ambiguous";
    }

    /**
     * Whether every two-byte character of the line is in GB2312 (the common Chinese set of GBK): GBK text
     * almost always is; UTF-8 letters read as GBK mostly are not (Иван: D0 98 …).
     */
    private boolean gb2312(int from, int to) {
        int i = from;
        while (i < to) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int trail = i + 1 < to ? bytes[i + 1] & 0xFF : 0;
            if (lead < 0xA1 || lead > 0xF7 || trail < 0xA1 || trail > 0xFE) {
                return false;
            }
            i += 2;
        }
        return true;
    }

    /**
     * Whether the UTF-8 reading at {@code [from, to)} of {@link #chars} has a word in an alphabet: a letter beyond
     * ASCII next to an ASCII letter (Café), or three letters of one script in a row, one beyond ASCII (Иван).
     * GBK bytes read as UTF-8 give single letters of mixed scripts between the commas.
     */
    private boolean wordLike(int from, int to) {
        Character.UnicodeScript script = null;
        int run = 0;
        boolean wide = false;
        int previous = -1;
        int i = from;
        while (i < to) {
            int codePoint = codePointAt(i, to);
            i += Character.charCount(codePoint);
            if (!Character.isLetter(codePoint)) {
                script = null;
                run = 0;
                wide = false;
                previous = -1;
                continue;
            }
            if (previous >= 0 && (previous < 0x80) != (codePoint < 0x80)) {
                return true; // a letter beyond ASCII next to an ASCII letter
            }
            Character.UnicodeScript now = Character.UnicodeScript.of(codePoint);
            run = now == script ? run + 1 : 1;
            wide = now == script ? wide || codePoint >= 0x80 : codePoint >= 0x80;
            script = now;
            previous = codePoint;
            if (run >= 3 && wide) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the text decoded at {@code [from, to)} of {@link #chars} is ordinary Chinese shop text:
     * ASCII, Chinese characters, CJK and full-width punctuation, general punctuation (“”…—), emoji.
     */
    private boolean ordinary(int from, int to) {
        int i = from;
        while (i < to) {
            int codePoint = codePointAt(i, to);
            i += Character.charCount(codePoint);
            boolean ordinary = codePoint < 0x80
                    || codePoint >= 0x4E00 && codePoint <= 0x9FFF
                    || codePoint >= 0x3000 && codePoint <= 0x303F
                    || codePoint >= 0xFF00 && codePoint <= 0xFFEF
                    || codePoint >= 0x2010 && codePoint <= 0x2027
                    || codePoint >= 0x2030 && codePoint <= 0x205E
                    || codePoint == 0x200D || codePoint == 0xFE0F // joiner and emoji presentation
                    || codePoint >= 0x1F000 && codePoint <= 0x1FAFF;
            if (!ordinary) {
                return false;
            }
        }
        return true;
    }

    /**
     * The code point at {@code i} of {@link #chars}; a surrogate pair counts as one only when both halves are before
     * {@code to}.
     */
    private int codePointAt(int i, int to) {
        char c = chars.get(i);
        if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(chars.get(i + 1))) {
            return Character.toCodePoint(c, chars.get(i + 1));
        }
        return c;
    }

    private long newlines(int from, int to) {
        long count = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
