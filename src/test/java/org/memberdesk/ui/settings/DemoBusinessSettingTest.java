package org.memberdesk.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.TestDatabase;
import org.memberdesk.app.AppContext;
import org.memberdesk.cli.Cli;
import org.memberdesk.db.Database;
import org.memberdesk.demo.Business;
import org.memberdesk.ui.common.Language;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.SameThreadTaskExecutor;

/**
 * Settings → General's kind of business (业态) of a shop the command line's {@code demo} made: the business the demo
 * was made for, as the windows' demo records it, not blank.
 */
class DemoBusinessSettingTest {
    @TempDir
    Path folder;

    /** Runs {@code demo} on a new database file and reads its kind of business as Settings → General shows it. */
    private Business shownAfterDemo(String name, String... options) {
        Path db = folder.resolve(name + ".db");
        List<String> args = new java.util.ArrayList<>(List.of("--db", db.toString(), "demo", "--members", "30"));
        args.addAll(List.of(options));
        StringWriter err = new StringWriter();
        int exit = new Cli(TestDatabase.clock()).run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                args.toArray(String[]::new));
        assertEquals(0, exit, err.toString());
        Database database = Database.open(db.toString());
        try {
            AppContext app = new AppContext(database, TestDatabase.clock());
            SettingsViewModel model = new SettingsViewModel(app.shopProfile(),
                    new SameThreadTaskExecutor(new RecordingDialogs(org.memberdesk.common.Messages.chinese())),
                    Language.CHINESE, language -> { });
            model.load();
            assertEquals(app.shopProfile().business(), Optional.ofNullable(model.businessProperty().get()));
            return model.businessProperty().get();
        } finally {
            database.close();
        }
    }

    @Test
    void aGymDemoIsAGym() {
        assertEquals(Business.GYM, shownAfterDemo("gym", "--business", "gym"));
    }

    @Test
    void theDemosDefaultIsAScenicArea() {
        // demo's --business defaults to scenic
        assertEquals(Business.SCENIC, shownAfterDemo("default"));
    }

    @Test
    void aChainsDemoRecordsItsBusinessToo() {
        assertEquals(Business.SHOP, shownAfterDemo("chain", "--business", "shop", "--stores", "3"));
    }
}
