package org.memberdesk.cards;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberStore;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

/**
 * A member's photo, shown at check-in so staff can see the card is used by its holder (scenic areas and gyms
 * require it against lending a card). Taken from a JPEG or PNG file of at most 2 MB, checked to decode, scaled
 * down to at most 480 pixels on its long side and kept as a JPEG (a few tens of KB): a passport-size face needs
 * no more, and the database stays small. Re-encoding also drops the file's metadata (camera, place).
 */
public final class MemberPhotos {
    static final long MAX_FILE_BYTES = 2L * 1024 * 1024;
    static final int MAX_SIDE = 480;
    /** Decoding a picture this large would take gigabytes of memory: a 2 MB PNG can claim 20,000 × 20,000. */
    static final long MAX_PIXELS = 40_000_000L;
    private static final float JPEG_QUALITY = 0.85f;

    /** A photo as stored. */
    public record Stored(int width, int height, int bytes) {
    }

    private final Database database;
    private final MemberStore members;
    private final MemberPhotoStore store = new MemberPhotoStore();
    private final Clock clock;
    private final StaffSession session;
    private final OperationLog log;

    /**
     * Setting or removing a photo changes a member's record: a manager's edit (the app has no photo at sign-up,
     * and a cashier who could replace photos could make a pass usable by someone else at check-in). Logged.
     */
    public MemberPhotos(Database database, MemberStore members, Clock clock, StaffSession session, OperationLog log) {
        this.database = database;
        this.members = members;
        this.clock = clock;
        this.session = session;
        this.log = log;
    }

    /** Sets (or replaces) the member's photo from a picture file; refused with the reason when it is not one. */
    public Stored set(long memberId, Path imageFile) {
        session.require(Permission.EDIT_MEMBER);
        byte[] image = scaled(read(imageFile));
        BufferedImage check = decode(image);
        LocalDateTime now = LocalDateTime.now(clock);
        database.write(connection -> {
            Member member = members.findById(connection, memberId).orElseThrow(() ->
                    new ValidationException(Problem.of("member", "member.photo.unknownMember", memberId)));
            store.put(connection, memberId, image, now);
            log.record(connection, OperationLog.Entry.of(Operation.MEMBER_EDIT, memberId, member.memberNo(),
                    "photo set (" + check.getWidth() + "×" + check.getHeight() + ")"));
            return null;
        });
        return new Stored(check.getWidth(), check.getHeight(), image.length);
    }

    public Optional<byte[]> photo(long memberId) {
        return database.read(connection -> store.get(connection, memberId));
    }

    /** Removes the member's photo; false when there was none. */
    public boolean remove(long memberId) {
        session.require(Permission.EDIT_MEMBER);
        return database.write(connection -> {
            boolean removed = store.delete(connection, memberId);
            if (removed) {
                log.record(connection, OperationLog.Entry.of(Operation.MEMBER_EDIT, memberId,
                        members.findById(connection, memberId).map(Member::memberNo).orElse(null), "photo removed"));
            }
            return removed;
        });
    }

    private static byte[] read(Path file) {
        try {
            if (file == null || !Files.isRegularFile(file)) {
                throw new ValidationException(Problem.of("file", "member.photo.noFile", String.valueOf(file)));
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ValidationException(Problem.of("file", "member.photo.tooBig",
                        String.format(java.util.Locale.ROOT, "%.1f", size / 1048576.0)));
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the photo " + file + ": " + e.getMessage(), e);
        }
    }

    /** The picture as a JPEG at most {@link #MAX_SIDE} pixels on its long side. */
    static byte[] scaled(byte[] file) {
        if (!isJpeg(file) && !isPng(file)) {
            throw notAPicture();
        }
        BufferedImage source = decode(file);
        int width = source.getWidth();
        int height = source.getHeight();
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(width, height));
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        // drawn on white: a PNG's transparent parts would turn black in a JPEG
        BufferedImage target = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(scale < 1.0 ? halvedTowards(source, w, h) : source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return jpeg(target);
    }

    /**
     * Halves the picture until it is less than twice the target: one bicubic step from 4000 to 480 pixels skips
     * most source pixels and looks jagged; steps of a half average them.
     */
    private static BufferedImage halvedTowards(BufferedImage image, int w, int h) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= w && current.getHeight() / 2 >= h) {
            int half = Math.max(1, current.getWidth() / 2);
            int halfHeight = Math.max(1, current.getHeight() / 2);
            BufferedImage next = new BufferedImage(half, halfHeight, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(current, 0, 0, half, halfHeight, null);
            } finally {
                g.dispose();
            }
            current = next;
        }
        return current;
    }

    private static BufferedImage decode(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw notAPicture();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new ValidationException(Problem.of("file", "member.photo.tooManyPixels",
                            reader.getWidth(0), reader.getHeight(0)));
                }
                BufferedImage image = reader.read(0);
                if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                    throw notAPicture();
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException refused) {
                throw refused;
            }
            // a truncated or damaged file, or an encoding ImageIO does not read (e.g. a CMYK JPEG)
            throw notAPicture();
        }
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static ValidationException notAPicture() {
        return new ValidationException(Problem.of("file", "member.photo.notPicture"));
    }
}
