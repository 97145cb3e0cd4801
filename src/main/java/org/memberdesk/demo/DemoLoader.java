package org.memberdesk.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.memberdesk.common.Messages;
import org.memberdesk.db.OutputFiles;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.common.Progress;
import org.memberdesk.io.ImportResult;
import org.memberdesk.io.MemberImporter;
import org.memberdesk.io.PurchaseImporter;
import org.memberdesk.stores.Store;
import org.memberdesk.stores.StoreService;

/**
 * Fills a database with demo members and purchases the way a shop would: by writing the import
 * files and importing them, so the demo goes through the same checks as real data. The one way a demo is made,
 * for the windows and for the command line's {@code demo}: the kind of business it records, a chain's stores
 * (本店, 二店 …), the members, purchases and cards.
 */
public final class DemoLoader {
    private final MemberImporter members;
    private final PurchaseImporter purchases;
    private final Clock clock;
    private final OutputFiles guard;
    private final DemoCards cards;
    private final StoreService stores;
    private final BusinessSetting profile;

    public DemoLoader(MemberImporter members, PurchaseImporter purchases, DemoCards cards, StoreService stores,
                      BusinessSetting profile, Clock clock, OutputFiles guard) {
        this.stores = stores;
        this.profile = profile;
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
        return databaseIn(folder, business, 1);
    }

    /** The same for a chain's demo of {@code storeCount} stores: a file of its own, never the single shop's. */
    public static Path databaseIn(Path folder, Business business, int storeCount) {
        return folder.resolve("demo-" + business.code() + (storeCount > 1 ? "-" + storeCount + "-stores" : "")
                + ".db");
    }

    /** What the demo made: members and purchases imported, rows refused (none expected), the cards' work. */
    public record Loaded(long members, long purchases, long rejected, DemoCards.Made cards, boolean cancelled) {
    }

    /** A demo chain asked of a database that already has stores of its own: nothing was changed. */
    public static final class StoresOfItsOwn extends IllegalStateException {
        StoresOfItsOwn() {
            super("the database already has its own stores; a demo chain goes only into a new database");
        }
    }

    /** The demo of a single shop: {@link #load(Business, int, int, long, Progress, Messages)} of one store. */
    public Loaded load(Business business, int memberCount, long seed, Progress progress, Messages messages)
            throws IOException {
        return load(business, memberCount, 1, seed, progress, messages);
    }

    /**
     * Progress runs 0..1000: the members file is the first sixth of the work, the purchases file up to 700, then
     * the member cards (gym and scenic area), made through the card services, the rest.
     */
    public Loaded load(Business business, int memberCount, int storeCount, long seed, Progress progress,
                       Messages messages) throws IOException {
        List<Store> chain = chain(storeCount);
        // the kind of business is the shop's setting (Settings → General): a demo's is the one it was made for,
        // whichever way it was made (the windows' first run already recorded it: then nothing changes)
        if (!profile.business().equals(Optional.of(business))) {
            profile.setBusiness(business);
        }
        Path folder = Files.createTempDirectory("memberdesk-demo");
        try {
            DemoData.Files files = new DemoData(seed, business, LocalDate.now(clock), storeCount)
                    .write(folder, memberCount, guard);
            ImportResult m = members.importFile(files.members(), ImportOptions.defaults(),
                    scaled(progress, 0, 160), messages);
            if (m.cancelled()) {
                return new Loaded(m.imported(), 0, m.rejected(), DemoCards.Made.NONE, true);
            }
            ImportResult p = purchases.importFile(files.purchases(), ImportOptions.defaults().withReturns(true),
                    scaled(progress, 160, 540), messages);
            if (p.cancelled()) {
                return new Loaded(m.imported(), p.imported(), m.rejected() + p.rejected(), DemoCards.Made.NONE,
                        true);
            }
            DemoCards.Made made = cards.make(business, memberCount, seed, chain, scaled(progress, 700, 300));
            progress.report(1000, 1000, p.imported());
            return new Loaded(m.imported(), p.imported(), m.rejected() + p.rejected(), made, progress.cancelled());
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * A chain's stores, made before its files are imported (their store columns name them): the one store a new
     * database is made with, 本店, then 二店 …; empty for a single shop. Refused where the shop has stores of its own.
     */
    private List<Store> chain(int storeCount) {
        if (storeCount == 1) {
            return List.of();
        }
        List<String> names = DemoData.storeNames(storeCount);
        List<Store> there = stores.all();
        if (there.size() > 1 || !there.get(0).keepsMainName()) {
            throw new StoresOfItsOwn();
        }
        List<Store> chain = new ArrayList<>(there);
        for (String name : names.subList(1, storeCount)) {
            chain.add(stores.add(name));
        }
        return List.copyOf(chain);
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
