package org.memberdesk.ui.common;

import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;

/**
 * Prints a finished PDF (coupon lists, the analytics report) through the operating system's print dialog (java.awt.print with
 * PDFBox's page renderer), so what comes out of the printer is exactly the PDF: same layout, same
 * embedded font, on whatever printer and paper the person picks. Runs off the JavaFX thread.
 */
public final class SystemPrint {
    private SystemPrint() {
    }

    /** Shows the dialog and prints; false when the person closed the dialog without printing. */
    public static boolean print(Path pdf, String jobName) throws IOException, PrinterException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setJobName(jobName);
            job.setPageable(new PDFPageable(document));
            if (!job.printDialog()) {
                return false;
            }
            job.print();
            return true;
        }
    }
}
