package vn.motcua.dossier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;

/** Image decodes are bounded per replica, and a refused image gives its turn back. */
class AttachmentFilesTest {

    @Test
    void oneDecodeAtATimePerCoreAndARefusalReleasesItsTurn() throws Exception {
        int permits = AttachmentFiles.DECODES.availablePermits();
        assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors()), permits);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(10_000, 10_000, BufferedImage.TYPE_BYTE_BINARY), "png", bomb);
        ProblemException e = assertThrows(ProblemException.class,
                () -> AttachmentFiles.prepare("image/png", bomb.toByteArray(), 2000, 0.8));
        assertEquals(ProblemType.FILE_TOO_LARGE, e.type());
        assertEquals(permits, AttachmentFiles.DECODES.availablePermits(), "the refused decode gave its turn back");
        ByteArrayOutputStream photo = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB), "png", photo);
        AttachmentFiles.prepare("image/png", photo.toByteArray(), 2000, 0.8);
        assertEquals(permits, AttachmentFiles.DECODES.availablePermits(), "and so did a decode that succeeded");
    }
}
