package vn.motcua.dossier.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An attachment's name: no folder, no hidden character, composed, bounded, with the extension of what is stored. */
class AttachmentNamesTest {

    @Test
    void theExtensionIsTheStoredTypesNotTheClients() {
        assertEquals("giay-bao-tu.pdf", AttachmentService.safeName("giay-bao-tu.exe", "application/pdf"));
        assertEquals("IMG_2041.jpg", AttachmentService.safeName("IMG_2041.PNG", "image/jpeg"), "a PNG photo kept as JPEG");
        assertEquals("scan.png", AttachmentService.safeName("scan", "image/png"));
        assertEquals("tep.pdf", AttachmentService.safeName(".pdf", "application/pdf"));
        assertEquals("tep.pdf", AttachmentService.safeName(null, "application/pdf"));
    }

    @Test
    void noFolderNoHiddenCharacterComposedAndBounded() {
        assertEquals("passwd.pdf", AttachmentService.safeName("../../etc/passwd", "application/pdf"));
        assertEquals("anh.pdf", AttachmentService.safeName("C:\\Users\\me\\anh.pdf", "application/pdf"));
        // A right-to-left override would have shown "anhgpj.exe" as "anhexe.jpg".
        assertEquals("anhgpj.jpg", AttachmentService.safeName("anh\u202Egpj.exe", "image/jpeg"));
        assertEquals("Giấy khai sinh.pdf", AttachmentService.safeName("Gia\u0302\u0301y khai sinh\u0000.pdf", "application/pdf"));
        assertEquals(100 + ".pdf".length(), AttachmentService.safeName("a".repeat(5000) + ".pdf", "application/pdf").length());
    }
}
