package org.memberdesk.cards;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.BothEngines;
import org.memberdesk.TestDatabase;
import org.memberdesk.common.ValidationException;
import org.memberdesk.members.Member;

/** Member photos: what is refused (too big, not a picture, too many pixels), what is kept (scaled to 480 px). */
@BothEngines
class MemberPhotosTest {
    @TempDir
    Path folder;
    AppContext app;
    Member wang;
    MemberPhotos photos;

    @BeforeEach
    void open() {
        app = TestDatabase.open(folder);
        wang = app.members().add(TestDatabase.member("A1", "王芳", "13812345678"));
        photos = app.memberPhotos();
    }

    private Path picture(String name, int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        Path file = folder.resolve(name);
        assertTrue(ImageIO.write(image, format, file.toFile()));
        return file;
    }

    private static BufferedImage decoded(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private static String refusal(Runnable work) {
        return assertThrows(ValidationException.class, work::run).problems().get(0).key();
    }

    @Test
    void aLargePhotoIsScaledToAtMost480PixelsOnItsLongSideAndKeptAsJpeg() throws IOException {
        // 1600 × 1200 → scale 480 / 1600 = 0.3 → 480 × 360
        MemberPhotos.Stored stored = photos.set(wang.id(), picture("big.png", 1600, 1200, "png"));
        assertEquals(480, stored.width());
        assertEquals(360, stored.height());
        byte[] kept = photos.photo(wang.id()).orElseThrow();
        assertEquals(stored.bytes(), kept.length);
        assertEquals(0xFF, kept[0] & 0xFF, "a JPEG starts FF D8");
        assertEquals(0xD8, kept[1] & 0xFF);
        BufferedImage image = decoded(kept);
        assertEquals(480, image.getWidth());
        assertEquals(360, image.getHeight());
        // the middle of the picture is still the blue oval, a corner still orange
        Color middle = new Color(image.getRGB(240, 180));
        assertTrue(middle.getBlue() > 200 && middle.getRed() < 60, middle.toString());
        Color corner = new Color(image.getRGB(5, 5));
        assertTrue(corner.getRed() > 200 && corner.getBlue() < 60, corner.toString());
    }

    @Test
    void aPortraitJpegIsScaledOnItsHeightAndASmallOneIsNotEnlarged() throws IOException {
        // 600 × 900 → scale 480 / 900 → 320 × 480
        MemberPhotos.Stored portrait = photos.set(wang.id(), picture("portrait.jpg", 600, 900, "jpg"));
        assertEquals(320, portrait.width());
        assertEquals(480, portrait.height());
        MemberPhotos.Stored small = photos.set(wang.id(), picture("small.jpg", 200, 150, "jpg"));
        assertEquals(200, small.width());
        assertEquals(150, small.height());
        assertEquals(200, decoded(photos.photo(wang.id()).orElseThrow()).getWidth(), "the new photo replaced the old");
    }

    @Test
    void aFileOver2MbIsRefusedAndTheOldPhotoKept() throws IOException {
        photos.set(wang.id(), picture("old.png", 100, 100, "png"));
        byte[] old = photos.photo(wang.id()).orElseThrow();
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        Path file = Files.write(folder.resolve("huge.jpg"), big);
        assertEquals("member.photo.tooBig", refusal(() -> photos.set(wang.id(), file)));
        assertArrayEquals(old, photos.photo(wang.id()).orElseThrow());
    }

    @Test
    void aFileThatIsNotAPictureOrIsCutShortIsRefused() throws IOException {
        Path text = Files.writeString(folder.resolve("photo.jpg"), "member_no,name\nA1,王芳\n");
        assertEquals("member.photo.notPicture", refusal(() -> photos.set(wang.id(), text)));
        byte[] jpeg = Files.readAllBytes(picture("whole.jpg", 640, 480, "jpg"));
        Path cut = Files.write(folder.resolve("cut.jpg"), Arrays.copyOf(jpeg, 200));
        assertEquals("member.photo.notPicture", refusal(() -> photos.set(wang.id(), cut)));
        Path gif = picture("photo.gif", 50, 50, "gif");
        assertEquals("member.photo.notPicture", refusal(() -> photos.set(wang.id(), gif)));
        Path missing = folder.resolve("nowhere.jpg");
        assertEquals("member.photo.noFile", refusal(() -> photos.set(wang.id(), missing)));
        assertTrue(photos.photo(wang.id()).isEmpty(), "nothing stored");
    }

    @Test
    void aSmallFileClaimingHugeDimensionsIsRefusedBeforeItIsDecoded() throws IOException {
        // 8,000 × 6,000 = 48 M pixels > 40 M, a few KB as a one-bit PNG; decoded in colour it would need 192 MB
        BufferedImage bomb = new BufferedImage(8_000, 6_000, BufferedImage.TYPE_BYTE_BINARY);
        Path file = folder.resolve("bomb.png");
        ImageIO.write(bomb, "png", file.toFile());
        assertTrue(Files.size(file) < 2 * 1024 * 1024);
        assertEquals("member.photo.tooManyPixels", refusal(() -> photos.set(wang.id(), file)));
    }

    @Test
    void removingAPhotoSaysWhetherThereWasOne() throws IOException {
        photos.set(wang.id(), picture("face.png", 300, 400, "png"));
        assertTrue(photos.remove(wang.id()));
        assertTrue(photos.photo(wang.id()).isEmpty());
        assertFalse(photos.remove(wang.id()));
    }

    @Test
    void aPhotoForAMemberThatDoesNotExistIsRefused() throws IOException {
        Path face = picture("face.png", 30, 40, "png");
        assertEquals("member.photo.unknownMember", refusal(() -> photos.set(9_999, face)));
    }
}
