package org.memberdesk.predictions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Messages;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.common.Progress;

/**
 * The CDNOW sample as a shop's data, for tests outside this package (the member pane, the segments templates,
 * campaigns, funnels): its 2,357 members and their purchases imported as a shop would, then fitted at
 * {@link #CALIBRATION_END} in weeks, as {@code PredictionsTest} does. C1516 is a repeat buyer (P(alive) 0.9688),
 * C0003 bought once.
 */
public final class CdnowShop {
    public static final LocalDate CALIBRATION_END = Cdnow.CALIBRATION_END;

    private CdnowShop() {
    }

    /** Imports the members and purchases into the app's database (copies of the CSVs go to {@code folder}). */
    public static void importInto(AppContext app, Path folder) throws IOException {
        app.memberImporter().importFile(copy(folder, "members.csv"), ImportOptions.defaults(), Progress.NONE,
                Messages.english());
        app.purchaseImporter().importFile(copy(folder, "purchases.csv"), ImportOptions.defaults(),
                Progress.NONE, Messages.english());
    }

    /** Imports and fits: the model the rule fields and the member pane read. */
    public static PredictionModel fitted(AppContext app, Path folder) throws IOException {
        importInto(app, folder);
        return app.predictions().fit(CALIBRATION_END, TimeUnit.WEEK);
    }

    private static Path copy(Path folder, String name) throws IOException {
        Path file = folder.resolve("cdnow-" + name);
        try (InputStream in = CdnowShop.class.getResourceAsStream("/cdnow/" + name)) {
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
