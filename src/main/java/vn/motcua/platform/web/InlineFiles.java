package vn.motcua.platform.web;

import jakarta.ws.rs.core.Response;

/**
 * A file answered to be shown in the browser (tệp hiển thị trong trình duyệt): a printed form or an attachment, under
 * its name, with its own type never sniffed, never stored (it holds personal data), and the file's policy
 * ({@link SecurityHeaders#FILE_POLICY}): nothing in it runs or loads anything, and no other site frames it.
 */
public final class InlineFiles {

    private InlineFiles() {
    }

    /**
     * The answer for {@code bytes} of {@code type}, with its Content-Disposition ({@code inline; filename…}) as the
     * caller made it: an ASCII name in quotes, or RFC 6266's {@code filename*} for any other.
     */
    public static Response of(byte[] bytes, String type, String disposition) {
        return Response.ok(bytes, type).header("Content-Disposition", disposition).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store").header("Content-Security-Policy", SecurityHeaders.FILE_POLICY).build();
    }
}
