package org.memberdesk.pdf;

import com.google.zxing.WriterException;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Barcodes drawn as vector rectangles straight into the page (ZXing computes the modules): sharp
 * at any printer resolution, and far smaller and faster than an image per coupon or card. Used by the coupon
 * printouts and the member cards.
 */
public final class Barcodes {
    private Barcodes() {
    }

    /** The Code128 modules of a code, without quiet zones. */
    public static boolean[] code128(String code) {
        boolean[] withQuietZones = new Code128Writer().encode(code);
        int first = 0;
        int last = withQuietZones.length - 1;
        while (first < last && !withQuietZones[first]) {
            first++;
        }
        while (last > first && !withQuietZones[last]) {
            last--;
        }
        boolean[] modules = new boolean[last - first + 1];
        System.arraycopy(withQuietZones, first, modules, 0, modules.length);
        return modules;
    }

    /** Draws a Code128 barcode of {@code width} × {@code height} points with its lower left corner at (x, y). */
    public static void drawCode128(PDPageContentStream content, String code, float x, float y, float width,
                                   float height) throws IOException {
        boolean[] modules = code128(code);
        float module = width / modules.length;
        int i = 0;
        while (i < modules.length) {
            if (modules[i]) {
                int start = i;
                while (i < modules.length && modules[i]) {
                    i++;
                }
                content.addRect(x + start * module, y, (i - start) * module, height);
            } else {
                i++;
            }
        }
        content.fill();
    }

    /** The QR modules of a code (medium error correction: survives a crease or a smudge). */
    public static ByteMatrix qr(String text) {
        try {
            return Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode '" + text + "' as a QR code", e);
        }
    }

    /** Draws a QR code as a {@code size}-point square with its lower left corner at (x, y). */
    public static void drawQr(PDPageContentStream content, String text, float x, float y, float size)
            throws IOException {
        ByteMatrix matrix = qr(text);
        int n = matrix.getWidth();
        float module = size / n;
        for (int row = 0; row < n; row++) {
            float top = y + size - (row + 1) * module;
            int col = 0;
            while (col < n) {
                if (matrix.get(col, row) == 1) {
                    int start = col;
                    while (col < n && matrix.get(col, row) == 1) {
                        col++;
                    }
                    content.addRect(x + start * module, top, (col - start) * module, module);
                } else {
                    col++;
                }
            }
        }
        content.fill();
    }
}
