package vn.motcua.support;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The birth registration's own questions (procedure 1.001193), one a page, answered as the portal and the counter ask
 * them: written once for {@code ApplyJourneyBrowserTest} and {@code CounterBrowserTest}.
 */
public final class BirthForm {

    private BirthForm() {
    }

    /** "Tiếp tục", expecting the answer to be taken: a refusal fails the test with what the page said. */
    public static void next(Page page) {
        tryNext(page);
        if (page.title().startsWith("Lỗi:")) {
            throw new AssertionError("refused at " + page.url() + ": " + page.locator("#error-summary").textContent());
        }
    }

    /** "Tiếp tục", whatever comes of it. */
    public static void tryNext(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tiếp tục")).click();
        page.waitForLoadState();
    }

    /** The child's name typed on its page (not yet sent). */
    public static void childName(Page page) {
        page.waitForURL("**/f-childFullName");
        page.getByLabel("Họ, chữ đệm và tên của trẻ").fill("Nguyễn Minh Khang");
    }

    /** The child's name sent, then sex, birth date, place of birth and ethnicity: on to the mother's page. */
    public static void restOfChild(Page page) {
        next(page);
        page.getByLabel("Nam", new Page.GetByLabelOptions().setExact(true)).check();
        next(page);
        page.getByLabel("Ngày, tháng, năm sinh").fill("2026-11-20");
        next(page);
        page.getByLabel("Nơi sinh (cơ sở y tế hoặc địa chỉ)").fill("Bệnh viện Phụ sản Hà Nội");
        next(page);
        page.getByLabel("Dân tộc").fill("Kinh");
        next(page);
        page.waitForURL("**/f-mother");
    }

    /** The child, from its name's page to the mother's. */
    public static void child(Page page) {
        childName(page);
        restOfChild(page);
    }

    /** The mother typed in (no card read). */
    public static void motherTyped(Page page) {
        page.waitForURL("**/f-mother");
        page.getByLabel("Họ, chữ đệm và tên").fill("Lê Thị Hạnh");
        page.getByLabel("Số định danh cá nhân (CCCD)").fill("001190012345");
        page.getByLabel("Ngày sinh").fill("1990-03-15");
        next(page);
    }

    /** The father left out (optional), the mother declaring, a contact phone: on to the delivery page. */
    public static void fatherAndDeclarant(Page page) {
        page.waitForURL("**/f-father");
        next(page); // optional: left empty
        page.getByLabel("Mẹ", new Page.GetByLabelOptions().setExact(true)).check();
        next(page);
        page.getByLabel("Số điện thoại liên hệ").fill("0912345678");
        next(page);
        page.waitForURL("**/delivery");
    }
}
