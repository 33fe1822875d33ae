package vn.motcua.identity.realm;

import java.util.List;

/**
 * A demo account created in a generated realm, printed at start so that a newcomer can sign in at once.
 *
 * @param tenant       the tenant whose group the user joins (staff), or {@code null}
 * @param postalOffice the post office a postal clerk works at, or {@code null}
 */
public record DemoUser(String realm, String username, String firstName, String lastName, String email,
        List<String> roles, String tenant, String postalOffice, String description) {

    /** The one demo password; the demo realms are for trying the system, never for production. */
    public static final String PASSWORD = "Motcua@2026";

    public static final List<DemoUser> ALL = List.of(
            staff("canbo.dienbien", "Lan", "Nguyễn Thị", "receiver", "ba-dinh-dien-bien", "one-stop desk officer, Điện Biên ward"),
            staff("chuyenvien.dienbien", "Hùng", "Trần Văn", "processor", "ba-dinh-dien-bien", "specialist, Điện Biên ward"),
            staff("lanhdao.dienbien", "Minh", "Lê Văn", "approver", "ba-dinh-dien-bien", "leader, Điện Biên ward"),
            staff("canbo.yenhoa", "Hoa", "Phạm Thị", "receiver", "cau-giay-yen-hoa", "one-stop desk officer, Yên Hòa ward"),
            staff("canbo.badinh", "Tuấn", "Đỗ Anh", "receiver", "ba-dinh", "one-stop desk officer, Ba Đình district"),
            staff("chuyenvien.badinh", "Long", "Phan Hoàng", "processor", "ba-dinh", "specialist, Ba Đình district"),
            staff("lanhdao.badinh", "Trang", "Lý Thu", "approver", "ba-dinh", "leader, Ba Đình district"),
            staff("quantri.badinh", "Hà", "Vũ Thu", "tenant-admin", "ba-dinh", "tenant administrator, Ba Đình district"),
            staff("canbo.hue", "Thảo", "Hoàng Thị", "receiver", "hue-phu-xuan", "one-stop desk officer, Phú Xuân (two-level demo)"),
            staff("quantri.hanoi", "Quang", "Bùi Đức", "city-admin", "ha-noi", "city administrator, Hà Nội"),
            staff("thanhtra.hanoi", "Bình", "Ngô Thanh", "auditor", "ha-noi", "auditor (read-only), Hà Nội"),
            // Officers of the generated 631-tenant tree (generate-tenants), for the benchmarks.
            staff("bench.d07w12", "Một", "Bàn Thử", "receiver", "d07-w12", "one-stop desk officer, Ward 12 of District 7 (generated tree)"),
            staff("bench.d07", "Hai", "Bàn Thử", "receiver", "d07", "one-stop desk officer, District 7 (generated tree)"),
            new DemoUser("staff", "buudien.badinh", "Mai", "Đặng Thị", "buudien.badinh@demo.motcua.vn",
                    List.of("postal-clerk"), null, "bd-ba-dinh", "postal clerk, Ba Đình post office"),
            new DemoUser("citizens", "nguyenvana", "An", "Nguyễn Văn", "nguyenvana@demo.motcua.vn",
                    List.of("citizen"), null, null, "citizen"),
            new DemoUser("citizens", "tranthib", "Bình", "Trần Thị", "tranthib@demo.motcua.vn",
                    List.of("citizen"), null, null, "citizen"));

    private static DemoUser staff(String username, String first, String last, String role, String tenant, String what) {
        return new DemoUser("staff", username, first, last, username + "@demo.motcua.vn", List.of(role), tenant, null, what);
    }
}
