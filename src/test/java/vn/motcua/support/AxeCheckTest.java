package vn.motcua.support;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * The accessibility check every browser test leans on ({@link Chromium#assertAccessible}) can fail: a page with known
 * faults is refused naming each rule, with JavaScript on and off (the copy checked on the checker page), again on a
 * document that already holds axe, and a clean page passes. Without this, a check that silently ran no rule would
 * pass every page.
 */
class AxeCheckTest {

    static final String CLEAN = """
            <!doctype html><html lang="vi"><head><title>Trang sạch</title></head>
            <body><main><h1>Tra cứu hồ sơ</h1><label for="code">Mã hồ sơ</label><input id="code" name="code"></main></body></html>""";

    /** An image without a text alternative, a field without a label, and grey text on white below 4.5:1. */
    static final String FAULTY = """
            <!doctype html><html lang="vi"><head><title>Trang lỗi</title></head>
            <body><main><h1>Tra cứu hồ sơ</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            <input id="code" name="code"><p style="color:#bbb;background:#fff">Chữ mờ khó đọc</p></main></body></html>""";

    @Test
    void aFaultyPageIsRefusedNamingEachRuleWithAndWithoutJavaScript() {
        for (boolean js : new boolean[] { true, false }) {
            try (BrowserContext context = Chromium.context(Chromium.PHONE, js)) {
                Page page = context.newPage();
                page.setContent(CLEAN);
                assertDoesNotThrow(() -> Chromium.assertAccessibleAtEveryWidth(page, "clean"));
                page.setContent(FAULTY);
                for (int round = 0; round < 2; round++) {
                    // The second round runs on a document (or checker page) that already holds axe.
                    AssertionError e = assertThrows(AssertionError.class, () -> Chromium.assertAccessibleAtEveryWidth(page, "faulty"));
                    String m = e.getMessage();
                    assertTrue(m.contains("image-alt") && m.contains("label") && m.contains("color-contrast"), "js " + js + ": " + m);
                }
                page.setContent(CLEAN);
                assertDoesNotThrow(() -> Chromium.assertAccessible(page, "clean again"));
            }
        }
    }
}
