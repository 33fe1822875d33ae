package vn.motcua.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import vn.motcua.identity.Actor;
import vn.motcua.identity.Permission;
import vn.motcua.report.ReportFixture;
import vn.motcua.report.domain.Figures;
import vn.motcua.report.usecase.RefreshReports;
import vn.motcua.report.usecase.Reports;

/**
 * The report rolled up on a two-level tree (since 1 July 2025: commune → province, no district): the same code as
 * ward → district → city, the levels being data. Four dossiers of March 2026 at two of Huế's communes, figures by hand:
 *
 * <pre>
 * Phường Thuận Hóa (hue-thuan-hoa)
 *  H1 online-full   Mon 02/03 08:00 → 10:00, due Wed 04/03 17:00: early, 120 min = 0.25 d
 *  H2 counter, received (digitized)  Tue 03/03 08:00 → 11:00, due 09:00: late, 180 min = 0.375 d
 * Phường Phú Xuân (hue-phu-xuan)
 *  H3 online-partial  Wed 04/03 08:00 → 09:00, due the same day 17:00: on time, 60 min = 0.125 d
 *  H4 counter, refused Thu 05/03
 * Thành phố Huế (hue), province: received 4, online 2, paper 2 of which 1 digitized, decided 3: early 1, on time 1,
 *  late 1 (on-time rate 2/3), refused 1, mean (0.25 + 0.375 + 0.125) / 3 = 0.25 d; its own desk and the other
 *  communes 0; the units sum to the total.
 * </pre>
 */
@QuarkusTest
@TestProfile(TwoLevelTreeTest.TwoLevels.class)
class TwoLevelReportTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    RefreshReports refresh;

    @Inject
    Reports reports;

    @Test
    void communesRollUpToTheProvince() throws Throwable {
        ReportFixture.ensureTwoLevel(refresh);
        Actor admin = new Actor(Actor.Realm.STAFF, "hue-admin", "quantri.hue", "Quản trị Huế", Set.of(Permission.Roles.CITY_ADMIN), Set.of("hue"),
                Set.of());
        Reports.Report r = reports.report(admin, "hue", "2026-03-01", "2026-03-31").await().atMost(WAIT);
        assertEquals("hue", r.tenant());
        Map<String, Reports.Unit> units = r.units().stream().collect(Collectors.toMap(Reports.Unit::code, u -> u));
        assertTrue(units.keySet().containsAll(List.of("hue", "hue-thuan-hoa", "hue-phu-xuan", "hue-kim-long")), units.keySet().toString());

        Figures thuanHoa = units.get("hue-thuan-hoa").figures();
        assertEquals(2, thuanHoa.received());
        assertEquals(1, thuanHoa.online());
        assertEquals(1, thuanHoa.digitized());
        assertEquals(1, thuanHoa.early());
        assertEquals(1, thuanHoa.late());
        assertEquals(0.3125, thuanHoa.meanDays(), 1e-6, "(0.25 + 0.375) / 2");
        Figures phuXuan = units.get("hue-phu-xuan").figures();
        assertEquals(2, phuXuan.received());
        assertEquals(1, phuXuan.onTime());
        assertEquals(1, phuXuan.refused());
        assertEquals(0, units.get("hue-kim-long").figures().received());
        assertEquals(0, units.get("hue").figures().received(), "the province's own desk received none");

        Figures total = r.total();
        assertEquals(4, total.received());
        assertEquals(2, total.online());
        assertEquals(2, total.paper());
        assertEquals(1, total.digitized());
        assertEquals(3, total.decided());
        assertEquals(1, total.early());
        assertEquals(1, total.onTime());
        assertEquals(1, total.late());
        assertEquals(1, total.refused());
        assertEquals(2.0 / 3, total.onTimeRate(), 1e-6);
        assertEquals(0.5, total.onlineShare(), 1e-6);
        assertEquals(0.25, total.meanDays(), 1e-6);
        // Every figure of the units sums to the total: nothing counted twice, nothing lost between the two levels.
        assertEquals(total.received(), r.units().stream().mapToLong(u -> u.figures().received()).sum());
        assertEquals(total.decided(), r.units().stream().mapToLong(u -> u.figures().decided()).sum());
        assertEquals(total.late(), r.units().stream().mapToLong(u -> u.figures().late()).sum());

        // A commune reads its own report: the same figures as its line in the province's.
        Reports.Report commune = reports.report(admin, "hue-thuan-hoa", "2026-03-01", "2026-03-31").await().atMost(WAIT);
        assertEquals(thuanHoa.received(), commune.total().received());
        assertEquals(thuanHoa.late(), commune.total().late());
    }
}
