package org.memberdesk.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The encodings shop files come in: UTF-8 (with or without BOM) and GBK, as Excel in China saves CSV.
 *
 * <p>{@code AUTO} looks at the whole file, not its start (a file joined from two systems can change
 * encoding anywhere): one streaming pass that checks every line as strict UTF-8, at the speed of a byte
 * loop. A UTF-8 BOM, or a file that is valid UTF-8 throughout, is read as UTF-8. Otherwise the lines that
 * are not valid UTF-8 are counted against the lines that are valid UTF-8 beyond ASCII: when the UTF-8 lines
 * are as many or more, the file is UTF-8 with a few damaged or foreign rows, and those rows are rejected
 * ("not valid UTF-8"); when they are fewer, the file is GBK and each line is read on its own
 * ({@link LineDecoder.Mode#MIXED}). An explicit UTF-8 or GBK is the person's word for the whole file:
 * every line is read strictly in it, and a line that does not decode is rejected.
 */
public enum TextEncoding {
    AUTO, UTF8, GBK;

    public static TextEncoding parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT).replace("-", "")) {
            case "auto" -> AUTO;
            case "utf8" -> UTF8;
            case "gbk", "gb2312", "gb18030" -> GBK;
            default -> throw new IllegalArgumentException("encoding must be auto, utf-8 or gbk, not '" + text + "'");
        };
    }

    /** How to read this file's lines: as chosen, or for AUTO, as the whole file shows. */
    LineDecoder.Mode modeFor(Path file) throws IOException {
        return switch (this) {
            case UTF8 -> LineDecoder.Mode.UTF8;
            case GBK -> LineDecoder.Mode.GBK;
            case AUTO -> guess(file);
        };
    }

    static LineDecoder.Mode guess(Path file) throws IOException {
        // nearly every file is valid UTF-8: the JDK's decoder (much faster than a byte loop) says so in one pass;
        // only a file that is not is counted line by line
        if (validUtf8(file)) {
            return LineDecoder.Mode.UTF8;
        }
        long invalid = 0;
        long wide = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int length = 0;
            boolean first = true;
            while (true) {
                if (length == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
                }
                int n = in.read(buffer, length, buffer.length - length);
                boolean end = n < 0;
                length += Math.max(n, 0);
                if (first && length >= 3) {
                    first = false;
                    if ((buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
                        return LineDecoder.Mode.UTF8; // a BOM is the file saying what it is
                    }
                }
                int start = 0;
                for (int i = 0; i < length; i++) {
                    if (buffer[i] == '\n') {
                        int kind = Utf8.kind(buffer, start, i);
                        invalid += kind == Utf8.INVALID ? 1 : 0;
                        wide += kind == Utf8.WIDE ? 1 : 0;
                        start = i + 1;
                    }
                }
                if (end) {
                    int kind = Utf8.kind(buffer, start, length);
                    invalid += kind == Utf8.INVALID ? 1 : 0;
                    wide += kind == Utf8.WIDE ? 1 : 0;
                    break;
                }
                System.arraycopy(buffer, start, buffer, 0, length - start);
                length -= start;
            }
        }
        return invalid == 0 || wide >= invalid ? LineDecoder.Mode.UTF8 : LineDecoder.Mode.MIXED;
    }

    private static boolean validUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        try (ReadableByteChannel in = Files.newByteChannel(file)) {
            boolean end = false;
            while (!end) {
                end = in.read(bytes) < 0;
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                if (result.isError()) {
                    return false;
                }
                chars.clear(); // the text itself is not needed; a character cut at the buffer's end waits in bytes
                bytes.compact();
            }
            return !decoder.flush(chars).isError();
        }
    }
}
