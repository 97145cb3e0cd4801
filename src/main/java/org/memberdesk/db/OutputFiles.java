package org.memberdesk.db;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The one way MemberDesk writes a file a person named (exports, charts, PDFs, reports). It refuses
 * a path that is — by name, through {@code ..}, a symbolic link (of the file or of a folder on the
 * way) or a hard link — the open database, one of SQLite's working files beside it ({@code -wal},
 * {@code -shm}, {@code -journal}), the window's lock file, anything in the backups folder, or the
 * file the same operation reads. Writing there would destroy the shop's data, so the refusal comes
 * before anything is touched.
 * <p>
 * An accepted file is written to a private temporary file in the same folder and then renamed over
 * the target, so a failed or cancelled write leaves the old file (if any) as it was and never half a
 * file; the temporary file is removed on failure. Written files are private (see {@link PrivateFiles}).
 */
public final class OutputFiles {
    /** Writes the whole content of a file; the stream is closed by {@link OutputFiles}, not by the writer. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    private static final int MAX_LINKS = 40;

    private final Path database;
    private final Path backupsFolder;
    private final Path reportsFolder;
    private final Predicate<Path> writableFolder;
    private final Supplier<Optional<Path>> copyFolder;
    private final Pattern backupNames;

    /** The guard of one database; its backups folder is {@link Backups#folderFor(Path)}. */
    public OutputFiles(Path database) {
        this(database, OutputFiles::canWriteIn);
    }

    /** With another "can files be written in this folder" check (tests: a read-only folder as root). */
    public OutputFiles(Path database, Predicate<Path> writableFolder) {
        this(database, writableFolder, Optional::empty);
    }

    private OutputFiles(Path database, Predicate<Path> writableFolder, Supplier<Optional<Path>> copyFolder) {
        this.database = database.toAbsolutePath();
        this.backupsFolder = Backups.folderFor(this.database);
        this.reportsFolder = this.database.getParent().resolve("reports");
        this.writableFolder = writableFolder;
        this.copyFolder = copyFolder;
        this.backupNames = Pattern.compile(Pattern.quote(Backups.stem(this.database))
                + "-\\d{8}-\\d{6}-\\d{3}(?:-\\d+)?-[a-z-]+\\.db(?:\\..*\\.partial)?");
    }

    /**
     * The same guard, also refusing this database's backup copies in the folder the owner chose for them
     * ({@link BackupCopies}; read at each check, so a folder chosen later is guarded too). That folder may be a
     * USB drive's root where other files are saved: only the copies' names, and links to them, are refused.
     */
    public OutputFiles guardingCopiesIn(Supplier<Optional<Path>> copies) {
        return new OutputFiles(database, writableFolder, copies);
    }

    /** Where reports go when the folder they belong in cannot be written: {@code reports} beside the database. */
    public Path reportsFolder() {
        return reportsFolder;
    }

    /**
     * {@code wanted} when its folder can be written, else the same name in {@link #reportsFolder()}
     * (an import from a CD, a read-only share or a folder of another user).
     */
    public Path writableOrInReports(Path wanted) {
        Path absolute = wanted.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder != null && writableFolder.test(folder)) {
            return absolute;
        }
        return reportsFolder.resolve(absolute.getFileName().toString());
    }

    /**
     * True when a file can be created in {@code folder} (or in the nearest existing folder above it, which
     * would hold the new folders): {@link Files#isWritable} and then a real try, because a read-only medium
     * or share may say yes to the first and no to the second.
     */
    public static boolean canWriteIn(Path folder) {
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            return false;
        }
        try {
            Path probe = Files.createTempFile(existing, ".memberdesk-", ".probe");
            Files.delete(probe);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Refuses (with {@link OutputRefusedException}) a file that must not be written; else does nothing. */
    public void check(Path target) {
        check(target, null);
    }

    /** As {@link #check(Path)}, also refusing {@code input}, the file the same operation reads (may be null). */
    public void check(Path target, Path input) {
        checked(target, input);
    }

    /** Writes {@code target} whole or not at all; returns the path the person gave. */
    public Path write(Path target, Content content) throws IOException {
        return write(target, null, content);
    }

    /** As {@link #write(Path, Content)}, also refusing {@code input}, the file the same operation reads. */
    public Path write(Path target, Path input, Content content) throws IOException {
        try (Output output = open(target, input)) {
            content.write(output.stream());
            output.commit();
        }
        return target;
    }

    /**
     * A file written over time (the rejected-rows report of an import): write to {@link Output#stream()},
     * then {@link Output#commit()} puts it in place; closing without a commit removes what was written.
     */
    public Output open(Path target, Path input) throws IOException {
        Path real = checked(target, input);
        Path folder = real.getParent();
        Path temp;
        try {
            PrivateFiles.createFolders(folder);
            // a writer of the same file killed earlier left its temporary file here: nobody else will remove it
            Leftovers.removeStaleOutputs(folder, real.getFileName().toString());
            temp = Files.createTempFile(folder, Leftovers.outputPrefix(real.getFileName().toString()), ".partial",
                    PrivateFiles.fileAttributes(folder));
        } catch (IOException e) {
            if (!canWriteIn(folder)) {
                // a CD, a read-only share, a folder of another user, or a name below a file: say so plainly
                throw new OutputRefusedException("output.refused.readOnly", target.toAbsolutePath().normalize()
                        .toString(), folder.toString());
            }
            throw e;
        }
        try {
            return new Output(target, input, real, temp);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** A file being written: a private temporary file beside its target until {@link #commit()}. */
    public final class Output implements AutoCloseable {
        private final Path target;
        private final Path input;
        private final Path real;
        private final Path temp;
        private final FileOutputStream file;
        private final OutputStream shielded;
        private boolean committed;
        private boolean closed;

        private Output(Path target, Path input, Path real, Path temp) throws IOException {
            this.target = target;
            this.input = input;
            this.real = real;
            this.temp = temp;
            this.file = new FileOutputStream(temp.toFile());
            // writers close their printers; the file stays open until it is flushed to disk here
            this.shielded = new FilterOutputStream(file) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void flush() throws IOException {
                    if (!closed) {
                        out.flush();
                    }
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }

        public OutputStream stream() {
            return shielded;
        }

        /** The path the person gave. */
        public Path target() {
            return target;
        }

        /** Flushes the file to disk and renames it over the target (atomically where the system can). */
        public Path commit() throws IOException {
            if (closed) {
                throw new IOException("already closed: " + target);
            }
            shielded.flush();
            file.getFD().sync();
            file.close();
            closed = true;
            // checked again: the target may have become a link to the database while the file was written
            checked(target, input);
            try {
                Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
            return target;
        }

        /** Without a commit: removes the temporary file, leaving any earlier file at the target as it was. */
        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                file.close();
            }
            if (!committed) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** The real path the target resolves to, after the refusals. */
    private Path checked(Path target, Path input) {
        String shown = target.toAbsolutePath().normalize().toString();
        Path real;
        try {
            real = resolve(target);
        } catch (IOException e) {
            throw new OutputRefusedException("output.refused.unreadable", shown, e.getMessage());
        }
        if (Files.isDirectory(real)) {
            throw new OutputRefusedException("output.refused.folder", shown);
        }
        // a device, a pipe or a socket (/dev/full, /dev/stdout, a FIFO): the rename below would put an ordinary
        // file in its place — as root, even over a device node of the system
        if (Files.exists(real) && !Files.isRegularFile(real)) {
            throw new OutputRefusedException("output.refused.special", shown);
        }
        for (Path file : databaseFiles()) {
            if (same(real, file)) {
                throw new OutputRefusedException("output.refused.database", shown);
            }
        }
        for (Path folder : variants(backupsFolder)) {
            if (real.startsWith(folder)) {
                throw new OutputRefusedException("output.refused.backups", shown);
            }
        }
        if (Files.exists(real) && inBackupsByLink(real)) {
            throw new OutputRefusedException("output.refused.backups", shown);
        }
        Optional<Path> copies = copyFolder.get();
        if (copies.isPresent() && isBackupCopy(real, copies.get())) {
            throw new OutputRefusedException("output.refused.backupCopies", shown, copies.get().toString());
        }
        if (input != null) {
            for (Path read : variants(input.toAbsolutePath())) {
                if (same(real, read)) {
                    throw new OutputRefusedException("output.refused.input", shown);
                }
            }
        }
        return real;
    }

    /** The database and the files SQLite and MemberDesk keep beside it, by the given and by the real name. */
    private List<Path> databaseFiles() {
        List<Path> files = new ArrayList<>();
        for (Path db : variants(database)) {
            String name = db.getFileName().toString();
            files.add(db);
            for (String suffix : List.of("-wal", "-shm", "-journal")) {
                files.add(db.resolveSibling(name + suffix));
            }
            files.add(DatabaseLock.lockFile(db));
        }
        return files;
    }

    /** A path as given (made absolute and tidied) and as it really resolves. */
    private static List<Path> variants(Path path) {
        Path plain = path.toAbsolutePath().normalize();
        try {
            Path real = resolve(path);
            return real.equals(plain) ? List.of(plain) : List.of(plain, real);
        } catch (IOException e) {
            return List.of(plain);
        }
    }

    /** Same file by name, or (both existing) the same file on disk: a hard link, another spelling. */
    private static boolean same(Path real, Path other) {
        if (real.equals(other)) {
            return true;
        }
        try {
            return Files.exists(real) && Files.exists(other) && Files.isSameFile(real, other);
        } catch (IOException e) {
            return false;
        }
    }

    /** One of this database's backups in the chosen folder: by its name there, or a hard link to one. */
    private boolean isBackupCopy(Path real, Path folder) {
        for (Path variant : variants(folder)) {
            if (variant.equals(real.getParent()) && backupNames.matcher(real.getFileName().toString()).matches()) {
                return true;
            }
        }
        return Files.exists(real) && linkedInto(real, folder, backupNames);
    }

    /** A hard link elsewhere to one of the backups. */
    private boolean inBackupsByLink(Path real) {
        return linkedInto(real, backupsFolder, null);
    }

    /** {@code real} is the same file as one in {@code folder} (whose name matches {@code names}, when given). */
    private static boolean linkedInto(Path real, Path folder, Pattern names) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (DirectoryStream<Path> backups = Files.newDirectoryStream(folder)) {
            for (Path backup : backups) {
                if ((names == null || names.matcher(backup.getFileName().toString()).matches()) && same(real, backup)) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /**
     * Where writing {@code path} would really put the file: every symbolic link on the way followed (also
     * a link whose target does not exist yet), {@code ..} applied to the real folder it follows, as the
     * operating system does. Names that do not exist yet are kept as they are.
     */
    static Path resolve(Path path) throws IOException {
        return resolve(path.toAbsolutePath(), 0);
    }

    private static Path resolve(Path absolute, int links) throws IOException {
        Path current = absolute.getRoot();
        for (Path name : absolute) {
            String part = name.toString();
            if (part.equals(".") || part.isEmpty()) {
                continue;
            }
            if (part.equals("..")) {
                current = current.getParent() == null ? current : current.getParent();
                continue;
            }
            Path next = current.resolve(part);
            if (Files.isSymbolicLink(next)) {
                if (links >= MAX_LINKS) {
                    throw new IOException("too many symbolic links at " + next);
                }
                next = resolve(current.resolve(Files.readSymbolicLink(next)).toAbsolutePath(), links + 1);
            } else if (Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                next = next.toRealPath(LinkOption.NOFOLLOW_LINKS);
            }
            current = next;
        }
        return current;
    }
}
