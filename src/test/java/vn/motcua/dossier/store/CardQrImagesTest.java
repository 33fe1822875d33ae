package vn.motcua.dossier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.support.CardPhotos;

/**
 * The QR code in a photo, found within the attachments' decode bounds: every way a read ends gives the decode permit
 * back, so a burst of bad photos cannot starve the attachments.
 */
class CardQrImagesTest {

    @Test
    void aTurnedCardInANoisyPhotoIsRead() throws Exception {
        int permits = AttachmentFiles.DECODES.availablePermits();
        CardQrImages.Result r = CardQrImages.read(CardPhotos.photo(CardPhotos.CARD, true), 2400);
        assertEquals(Optional.of(CardPhotos.CARD), r.text());
        assertEquals(null, r.failure());
        assertEquals(permits, AttachmentFiles.DECODES.availablePermits());
    }

    @Test
    void whatIsNotAPhotoOfACodeSaysWhy() throws Exception {
        int permits = AttachmentFiles.DECODES.availablePermits();
        assertEquals(CardQrImages.Failure.NO_QR, CardQrImages.read(CardPhotos.photo(null, false), 2400).failure());
        // A JPEG's first bytes and nothing a decoder can use.
        byte[] broken = java.util.Arrays.copyOf(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F' }, 64);
        assertEquals(CardQrImages.Failure.NOT_AN_IMAGE, CardQrImages.read(broken, 2400).failure());
        assertEquals(CardQrImages.Failure.NOT_AN_IMAGE, CardQrImages.read("không phải ảnh".getBytes(), 2400).failure());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(10_000, 10_000, BufferedImage.TYPE_BYTE_BINARY), "png", out);
        ProblemException e = assertThrows(ProblemException.class, () -> CardQrImages.read(out.toByteArray(), 2400));
        assertEquals(ProblemType.FILE_TOO_LARGE, e.type());
        assertEquals(permits, AttachmentFiles.DECODES.availablePermits());
    }
}
