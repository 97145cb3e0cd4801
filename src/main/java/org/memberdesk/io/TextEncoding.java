package org.memberdesk.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The encodings shop files come in: UTF-8 (with or without BOM) and GBK, as Excel in China saves CSV. */
public enum TextEncoding {
    AUTO, UTF8, GBK;

    private static final int SNIFF_BYTES = 256 * 1024;

    public static TextEncoding parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT).replace("-", "")) {
            case "auto" -> AUTO;
            case "utf8" -> UTF8;
            case "gbk", "gb2312", "gb18030" -> GBK;
            default -> throw new IllegalArgumentException("encoding must be auto, utf-8 or gbk, not '" + text + "'");
        };
    }

    /** The charset to read a file with: this one, or for AUTO, UTF-8 when the start of the file is valid UTF-8. */
    public Charset charsetFor(Path file) throws IOException {
        return switch (this) {
            case UTF8 -> StandardCharsets.UTF_8;
            case GBK -> Charset.forName("GBK");
            case AUTO -> looksLikeUtf8(file) ? StandardCharsets.UTF_8 : Charset.forName("GBK");
        };
    }

    static boolean looksLikeUtf8(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        int length = head.length;
        if (length == SNIFF_BYTES) {
            // do not let a character cut in half at the end of the sample decide
            while (length > 0 && (head[length - 1] & 0xC0) == 0x80) {
                length--;
            }
            if (length > 0 && (head[length - 1] & 0x80) != 0) {
                length--;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
