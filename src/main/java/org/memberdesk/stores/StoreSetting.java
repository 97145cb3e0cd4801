package org.memberdesk.stores;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * This computer's store for one database, kept on this computer (never in the shared database: each counter of a
 * chain is set to its own store). A small file beside the database's local place: {@code memberdesk.db.store} next
 * to a SQLite file, {@code memberdesk.server.store} in a server's folder. It holds the store's id, so a renamed
 * store stays this computer's.
 */
public final class StoreSetting {
    private final Path file;

    /** The setting of the database whose local place is {@code databasePlace} (Database.file()). */
    public StoreSetting(Path databasePlace) {
        this.file = databasePlace.resolveSibling(databasePlace.getFileName() + ".store");
    }

    /** The store id set on this computer, if one was. A damaged file counts as none (store 1 is used). */
    public OptionalLong storeId() {
        if (!Files.isRegularFile(file)) {
            return OptionalLong.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return Optional.ofNullable(properties.getProperty("store"))
                    .map(String::strip).filter(id -> id.matches("[1-9][0-9]{0,17}"))
                    .map(id -> OptionalLong.of(Long.parseLong(id))).orElse(OptionalLong.empty());
        } catch (IOException | IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }

    /** Sets this computer's store: written whole to a new file, then moved in place (never half written). */
    public void save(long storeId) {
        try {
            Files.createDirectories(file.getParent());
            Path written = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new");
            try (Writer writer = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
                writer.write("# MemberDesk: the store (门店) this computer works in, by its id in the database\n");
                writer.write("store=" + storeId + "\n");
            }
            try {
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("This computer's store could not be saved: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }
}
