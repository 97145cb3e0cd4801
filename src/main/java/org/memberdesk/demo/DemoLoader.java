package org.memberdesk.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;
import org.memberdesk.common.Messages;
import org.memberdesk.db.OutputFiles;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.common.Progress;
import org.memberdesk.io.ImportResult;
import org.memberdesk.io.MemberImporter;
import org.memberdesk.io.PurchaseImporter;

/**
 * Fills a database with demo members and purchases the way a shop would: by writing the import
 * files and importing them, so the demo goes through the same checks as real data.
 */
public final class DemoLoader {
    private final MemberImporter members;
    private final PurchaseImporter purchases;
    private final Clock clock;
    private final OutputFiles guard;
    private final DemoCards cards;

    public DemoLoader(MemberImporter members, PurchaseImporter purchases, DemoCards cards, Clock clock,
                      OutputFiles guard) {
        this.guard = guard;
        this.cards = cards;
        this.members = members;
        this.purchases = purchases;
        this.clock = clock;
    }

    /**
     * The windows' demo database of one kind of business, in {@code folder} (the data folder): a file of its
     * own, never the shop's. One per business, so trying another kind of business never mixes two demos, and
     * trying the same one again reopens what was tried before.
     */
    public static Path databaseIn(Path folder, Business business) {
        return folder.resolve("demo-" + business.code() + ".db");
    }

    public record Loaded(long members, long purchases, long cards, boolean cancelled) {
    }

    /**
     * Progress runs 0..1000: the members file is the first sixth of the work, the purchases file up to 700, then
     * the member cards (gym and scenic area), made through the card services, the rest.
     */
    public Loaded load(Business business, int memberCount, long seed, Progress progress, Messages messages)
            throws IOException {
        Path folder = Files.createTempDirectory("memberdesk-demo");
        try {
            DemoData.Files files = new DemoData(seed, business, LocalDate.now(clock)).write(folder, memberCount, guard);
            ImportResult m = members.importFile(files.members(), ImportOptions.defaults(),
                    scaled(progress, 0, 160), messages);
            if (m.cancelled()) {
                return new Loaded(m.imported(), 0, 0, true);
            }
            ImportResult p = purchases.importFile(files.purchases(), ImportOptions.defaults().withReturns(true),
                    scaled(progress, 160, 540), messages);
            if (p.cancelled()) {
                return new Loaded(m.imported(), p.imported(), 0, true);
            }
            DemoCards.Made made = cards.make(business, memberCount, seed, scaled(progress, 700, 300));
            progress.report(1000, 1000, p.imported());
            return new Loaded(m.imported(), p.imported(), made.cards(), progress.cancelled());
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static Progress scaled(Progress progress, long start, long share) {
        return new Progress() {
            @Override
            public void report(long bytesRead, long bytesTotal, long rows) {
                long part = bytesTotal > 0 ? share * bytesRead / bytesTotal : 0;
                progress.report(start + part, 1000, rows);
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        };
    }
}
