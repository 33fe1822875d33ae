package vn.motcua.support;

import vn.motcua.identity.realm.DemoUser;

/**
 * The demo city as the tests use it (thành phố mẫu), defined once: the tenants of {@code tenants/} and the accounts
 * of {@link DemoUser} that tests name. {@code DemoTest} checks each against the tenant files and the realms, so a
 * renamed tenant or account fails there, with its name, rather than in a hundred tests.
 */
public final class Demo {

    // ---------------------------------------------------------------- tenants (tenants/tree)

    /** Hà Nội, the city: the root. */
    public static final String CITY = "ha-noi";
    /** Quận Ba Đình, a district of the city. */
    public static final String DISTRICT = "ba-dinh";
    /** Phường Điện Biên, a ward of Ba Đình: where most dossiers of the tests are. */
    public static final String WARD = "ba-dinh-dien-bien";
    /** Phường Ngọc Hà, another ward of Ba Đình. */
    public static final String WARD_NGOC_HA = "ba-dinh-ngoc-ha";
    /** Phường Kim Mã, another ward of Ba Đình. */
    public static final String WARD_KIM_MA = "ba-dinh-kim-ma";
    /** Phường Yên Hòa, a ward of another district (Cầu Giấy): outside Ba Đình's supervision. */
    public static final String OTHER_WARD = "cau-giay-yen-hoa";
    /** Huyện Sóc Sơn, a rural district. */
    public static final String RURAL_DISTRICT = "soc-son";
    /** Xã Phù Linh, a commune of Sóc Sơn. */
    public static final String RURAL_COMMUNE = "soc-son-phu-linh";
    /** Bưu điện Ba Đình, the post office that serves Ba Đình's wards. */
    public static final String POST_OFFICE = "bd-ba-dinh";
    /** Bưu điện Cầu Giấy, another district's post office. */
    public static final String OTHER_POST_OFFICE = "bd-cau-giay";

    // ---------------------------------------------------------------- accounts (DemoUser), password DemoUser.PASSWORD

    /** One-stop desk officer (receiver) of {@link #WARD}. */
    public static final String RECEIVER = "canbo.dienbien";
    /** Specialist (processor) of {@link #WARD}. */
    public static final String PROCESSOR = "chuyenvien.dienbien";
    /** Leader (approver) of {@link #WARD}. */
    public static final String APPROVER = "lanhdao.dienbien";
    /** One-stop desk officer of {@link #OTHER_WARD}. */
    public static final String OTHER_WARD_RECEIVER = "canbo.yenhoa";
    /** One-stop desk officer of {@link #DISTRICT} (supervises its wards). */
    public static final String DISTRICT_RECEIVER = "canbo.badinh";
    /** Specialist of {@link #DISTRICT}. */
    public static final String DISTRICT_PROCESSOR = "chuyenvien.badinh";
    /** Leader of {@link #DISTRICT}. */
    public static final String DISTRICT_APPROVER = "lanhdao.badinh";
    /** Tenant administrator of {@link #DISTRICT}. */
    public static final String DISTRICT_ADMIN = "quantri.badinh";
    /** City administrator of {@link #CITY}. */
    public static final String CITY_ADMIN = "quantri.hanoi";
    /** Auditor (read only) of {@link #CITY}. */
    public static final String AUDITOR = "thanhtra.hanoi";
    /** Postal clerk of {@link #POST_OFFICE}. */
    public static final String POSTAL_CLERK = "buudien.badinh";
    /** A self-registered citizen. */
    public static final String CITIZEN = "nguyenvana";
    /** Another self-registered citizen. */
    public static final String OTHER_CITIZEN = "tranthib";

    /** Every demo account's password. */
    public static final String PASSWORD = DemoUser.PASSWORD;

    private Demo() {
    }
}
