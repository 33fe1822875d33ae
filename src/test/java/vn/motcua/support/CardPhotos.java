package vn.motcua.support;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import vn.motcua.platform.pdf.QrCodes;

/** Photos of a citizen ID card as a phone takes them, for the tests of reading its QR code. */
public final class CardPhotos {

    /** What the QR code of a real card says. */
    public static final String CARD = "001085006789|012345678|Nguyễn Thị Hồng Nhung|15081985|Nữ|Số 12 Điện Biên Phủ, Phường Điện Biên, Quận Ba Đình, Hà Nội|20042021";

    private CardPhotos() {
    }

    /**
     * A phone photo of a card on a table: 3000 x 2250 pixels of noise and shading, a pale card turned by 12 degrees,
     * and on it the QR code of {@code text} (none when {@code null}), the whole saved as a JPEG at quality 0.8.
     */
    public static byte[] photo(String text, boolean turned) throws IOException {
        int w = 3000;
        int h = 2250;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setPaint(new GradientPaint(0, 0, new Color(120, 95, 70), w, h, new Color(60, 45, 35)));
        g.fillRect(0, 0, w, h);
        Random random = new Random(42);
        for (int i = 0; i < 4000; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 60));
            g.fillOval(random.nextInt(w), random.nextInt(h), 3 + random.nextInt(30), 3 + random.nextInt(30));
        }
        AffineTransform plain = g.getTransform();
        if (turned) {
            g.rotate(Math.toRadians(12), w / 2.0, h / 2.0);
        }
        // The card: 85.6 x 54 mm, about 1700 pixels wide, light with printed lines.
        int cw = 1700;
        int ch = 1072;
        int cx = (w - cw) / 2;
        int cy = (h - ch) / 2;
        g.setColor(new Color(232, 236, 230));
        g.fillRoundRect(cx, cy, cw, ch, 60, 60);
        g.setColor(new Color(90, 90, 110));
        g.setStroke(new BasicStroke(6));
        for (int y = cy + 420; y < cy + ch - 80; y += 90) {
            g.drawLine(cx + 520, y, cx + cw - 120, y);
        }
        if (text != null) {
            BufferedImage qr = QrCodes.image(text, 6);
            g.drawImage(qr, cx + cw - 120 - 380, cy + 60, 380, 380, null);
        }
        g.setTransform(plain);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.8f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
