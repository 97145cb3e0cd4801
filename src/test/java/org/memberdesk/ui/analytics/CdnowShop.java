package org.memberdesk.ui.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.memberdesk.app.AppContext;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.Messages;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.common.Progress;

/**
 * The CDNOW sample of the predictions tests imported as a shop would (members and purchases through the import),
 * each member given a mobile number (139 and the member's number on eight digits) so the win-back list has phones
 * to mask. The database is {@code folder/test.db}.
 */
final class CdnowShop {
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    private CdnowShop() {
    }

    static AppContext importInto(Path folder) throws IOException {
        AppContext app = TestDatabase.open(folder);
        List<String> members = new ArrayList<>();
        for (String line : lines("members.csv")) {
            if (members.isEmpty()) {
                members.add(line + ",phone");
            } else {
                int number = Integer.parseInt(line.substring(1, line.indexOf(',')));
                members.add(line + String.format(Locale.ROOT, ",139%08d", number));
            }
        }
        Path membersFile = folder.resolve("members.csv");
        Files.write(membersFile, members, StandardCharsets.UTF_8);
        assertEquals(2357, app.memberImporter().importFile(membersFile, ImportOptions.defaults(),
                Progress.NONE, Messages.english()).imported());
        Path purchasesFile = folder.resolve("purchases.csv");
        Files.write(purchasesFile, lines("purchases.csv"), StandardCharsets.UTF_8);
        assertEquals(0, app.purchaseImporter().importFile(purchasesFile, ImportOptions.defaults(),
                Progress.NONE, Messages.english()).rejected());
        return app;
    }

    private static List<String> lines(String name) throws IOException {
        try (InputStream in = CdnowShop.class.getResourceAsStream("/cdnow/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
