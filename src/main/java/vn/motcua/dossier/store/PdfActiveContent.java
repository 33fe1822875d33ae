package vn.motcua.dossier.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;

/**
 * A PDF an applicant uploads keeps its pages and loses what could act when an officer opens it (nội dung chủ động):
 * scripts run on opening or on a page or a field, launch and submit actions, embedded files. Officers open
 * attachments in their browser's PDF viewer all day; a dossier is no way into an office's PCs. A PDF with none of
 * these is kept byte for byte (its checksum is the uploader's); one PDFBox cannot read (damaged, or locked with a
 * password the officer would not have either) is refused.
 */
public final class PdfActiveContent {

    /** Actions a link may keep: going to a page of the document, or opening a web address in the browser. */
    private static final List<COSName> HARMLESS_ACTIONS = List.of(COSName.getPDFName("GoTo"), COSName.getPDFName("URI"));

    private PdfActiveContent() {
    }

    /** Why a PDF is refused. */
    public static final class Unreadable extends Exception {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The PDF without active content: {@code pdf} itself when it had none. Blocking: run on a worker. */
    public static byte[] strip(byte[] pdf) throws Unreadable {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.isEncrypted()) {
                throw new Unreadable("encrypted", null);
            }
            boolean changed = false;
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            changed |= remove(catalog.getCOSObject(), COSName.OPEN_ACTION, COSName.AA);
            if (catalog.getNames() != null) {
                changed |= remove(catalog.getNames().getCOSObject(), COSName.JAVA_SCRIPT, COSName.EMBEDDED_FILES);
            }
            for (PDPage page : doc.getPages()) {
                changed |= remove(page.getCOSObject(), COSName.AA);
                for (PDAnnotation annotation : page.getAnnotations()) {
                    COSDictionary a = annotation.getCOSObject();
                    changed |= remove(a, COSName.AA);
                    if (a.getDictionaryObject(COSName.A) instanceof COSDictionary action
                            && !HARMLESS_ACTIONS.contains(action.getCOSName(COSName.S))) {
                        a.removeItem(COSName.A);
                        changed = true;
                    }
                    if (COSName.getPDFName("FileAttachment").equals(a.getCOSName(COSName.SUBTYPE))) {
                        changed |= remove(a, COSName.FS);
                    }
                }
            }
            PDAcroForm form = catalog.getAcroForm(null);
            if (form != null) {
                for (PDField field : form.getFieldTree()) {
                    changed |= remove(field.getCOSObject(), COSName.AA);
                }
            }
            if (!changed) {
                return pdf;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new Unreadable("unreadable", e);
        }
    }

    private static boolean remove(COSDictionary dictionary, COSName... keys) {
        boolean removed = false;
        for (COSName key : keys) {
            COSBase value = dictionary.getItem(key);
            if (value != null) {
                dictionary.removeItem(key);
                removed = true;
            }
        }
        return removed;
    }
}
