package vn.motcua.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** What the tests read back from a PDF the service rendered: its fonts, and a QR code on a rendered page. */
public final class PdfPages {

    private PdfPages() {
    }

    /** The name of every font used on every page, each asserted to be embedded in the file. */
    public static List<String> embeddedFonts(PDDocument doc) throws IOException {
        List<String> names = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertTrue(font.isEmbedded(), () -> font.getName() + " is not embedded");
                names.add(font.getName());
            }
        }
        return names;
    }

    /**
     * Every glyph drawn from a font that lacks it (its {@code .notdef}, glyph 0: an empty box or nothing at all on
     * paper), as "character (font)": empty when every character printed has its own glyph.
     */
    public static List<String> missingGlyphs(PDDocument doc) throws IOException {
        List<String> missing = new ArrayList<>();
        org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper() {
            @Override
            protected void showGlyph(org.apache.pdfbox.util.Matrix textRenderingMatrix, PDFont font, int code,
                    org.apache.pdfbox.util.Vector displacement) throws IOException {
                boolean notdef = font instanceof org.apache.pdfbox.pdmodel.font.PDType0Font t0 ? t0.codeToGID(code) == 0
                        : font instanceof org.apache.pdfbox.pdmodel.font.PDTrueTypeFont tt ? tt.codeToGID(code) == 0 : false;
                if (notdef) {
                    missing.add(font.toUnicode(code) + " (" + font.getName() + ")");
                }
                super.showGlyph(textRenderingMatrix, font, code, displacement);
            }
        };
        stripper.getText(doc);
        return missing;
    }

    /** The text of the QR code in a rendered page, as a phone's reader would find it. */
    public static String qr(BufferedImage image) throws ReaderException {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                Map.of(DecodeHintType.TRY_HARDER, true, DecodeHintType.CHARACTER_SET, "UTF-8")).getText();
    }
}
