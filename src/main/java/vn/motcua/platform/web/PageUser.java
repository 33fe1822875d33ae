package vn.motcua.platform.web;

/**
 * The signed-in person as a page's header shows them (người dùng đang đăng nhập): their name, the page that is
 * theirs, and where their sign-out goes.
 *
 * @param name    the display name
 * @param home    their own page ({@code /me} for a citizen, {@code /console} for an officer)
 * @param signOut the sign-out route of their realm
 */
public record PageUser(String name, String home, String signOut) {
}
