package org.memberdesk.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;

/**
 * What kind of file an import was given, told by its content rather than its name (a workbook saved as
 * {@code .csv} by mistake, a CSV file named {@code .xlsx}), and the facts about a workbook its reader needs.
 */
final class WorkbookFiles {
    /** The formats an import file can be. */
    enum Format {
        /** A text file (CSV); {@link CsvSource} refuses other binary files itself. */
        TEXT,
        /** An Excel workbook of Excel 2007 and later: a zip holding {@code xl/workbook.xml}. */
        XLSX,
        /** An Excel 97–2003 workbook (or a password-protected .xlsx): an OLE2 compound file. */
        XLS
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    private WorkbookFiles() {
    }

    static Format formatOf(Path file) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(OLE2.length);
        }
        if (startsWith(start, OLE2)) {
            return Format.XLS;
        }
        if (startsWith(start, ZIP)) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                // an OpenDocument sheet, a Word file or any other zip is none of ours
                return zip.getEntry("xl/workbook.xml") != null ? Format.XLSX : Format.TEXT;
            } catch (ZipException damaged) {
                // a workbook cut short (half copied) has lost its zip directory: said as such when its name says
                // it is one; any other broken zip is refused as binary by CsvSource
                if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
                    throw new ValidationException(Problem.of("file", "import.file.damagedWorkbook",
                            file.getFileName().toString()));
                }
                return Format.TEXT;
            }
        }
        return Format.TEXT;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many rows a sheet holds (its {@code <row>} elements), for the progress of reading it. The sheet's
     * {@code <dimension>} cannot be trusted for this: streaming writers (fastexcel's among them) write "A1".
     * Counting inflates the sheet once more and scans its bytes without parsing (a 500,000-row sheet is 128 MB of
     * XML, which unzip inflates in 0.8 s: ~1 % of importing it, BENCHMARKS.md); 0 when the sheet cannot be found,
     * and then the progress stays at the start until the end.
     *
     * @param relationId the sheet's id in {@code xl/_rels/workbook.xml.rels} ({@code rId1})
     */
    static long rowsOf(Path file, String relationId) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String part = sheetPart(zip, relationId);
            ZipEntry entry = part == null ? null : zip.getEntry(part);
            if (entry == null) {
                return 0;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return countRows(in);
            }
        }
    }

    /** {@code <row} or {@code <x:row} followed by a space, {@code >} or {@code /}: a row element starts. */
    static long countRows(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long rows = 0;
        // the last bytes seen, so a tag split between two buffers still counts: ... 'r' 'o' 'w' then next
        int last3 = 0;
        int last4 = 0;
        boolean closing = false; // in a closing tag: </row>, </x:row>
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                int b = buffer[i];
                if ((last3 & 0xFF) == '<') {
                    closing = b == '/';
                }
                if ((b == ' ' || b == '>' || b == '/') && last3 == ('r' << 16 | 'o' << 8 | 'w')
                        && (last4 == '<' || last4 == ':') && !closing) {
                    rows++;
                }
                last4 = last3 >>> 16;
                last3 = (last3 << 8 | (b & 0xFF)) & 0xFFFFFF;
            }
        }
        return rows;
    }

    /** The zip entry of a sheet, from the workbook's relationships. */
    private static String sheetPart(ZipFile zip, String relationId) throws IOException {
        ZipEntry rels = zip.getEntry("xl/_rels/workbook.xml.rels");
        if (rels == null || relationId == null) {
            return null;
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (InputStream in = zip.getInputStream(rels)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamReader.START_ELEMENT && "Relationship".equals(reader.getLocalName())
                        && relationId.equals(reader.getAttributeValue(null, "Id"))) {
                    String target = reader.getAttributeValue(null, "Target");
                    return target == null ? null : target.startsWith("/") ? target.substring(1) : "xl/" + target;
                }
            }
            return null;
        } catch (XMLStreamException e) {
            return null;
        }
    }
}
