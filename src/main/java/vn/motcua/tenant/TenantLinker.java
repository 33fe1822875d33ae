package vn.motcua.tenant;

import static vn.motcua.tenant.TenantFiles.AGENCY_CODE;
import static vn.motcua.tenant.TenantFiles.CODE;
import static vn.motcua.tenant.TenantFiles.EMAIL;
import static vn.motcua.tenant.TenantFiles.PHONE;
import static vn.motcua.tenant.TenantFiles.RESERVED_CODES;
import static vn.motcua.tenant.TenantFiles.SESSION;
import static vn.motcua.tenant.TenantFiles.blank;
import static vn.motcua.tenant.TenantFiles.text;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.motcua.platform.data.DataProblem;
import vn.motcua.tenant.TenantFiles.DeskEntry;
import vn.motcua.tenant.TenantFiles.Located;
import vn.motcua.tenant.TenantFiles.TenantEntry;

/**
 * The tenant rules that span entries: each entry's fields, then the tree they make (one root at the top level,
 * known parents one level up, unique codes and agency codes, desk hours inherited). Problems are added to the
 * list it is given, each at its file and line.
 */
final class TenantLinker {

    private final List<DataProblem> problems;

    TenantLinker(List<DataProblem> problems) {
        this.problems = problems;
    }

    /** Checks each entry, then the links between them; returns the tenants parents-first. */
    List<Tenant> link(List<Level> levels, Map<String, PostalOffice> offices, List<Located> entries) {
        Map<String, Located> byCode = new LinkedHashMap<>();
        Map<String, Located> byAgency = new HashMap<>();
        Map<String, DeskHours> ownHours = new HashMap<>();
        List<Located> roots = new ArrayList<>();
        for (Located e : entries) {
            TenantEntry t = e.value();
            int before = problems.size();
            if (blank(t.code())) {
                problems.add(e.problem("code", "required"));
            } else if (!CODE.matcher(t.code()).matches()) {
                problems.add(e.problem("code", "'" + t.code() + "' must be 2–40 lower-case letters, digits and '-'"));
            } else if (RESERVED_CODES.contains(t.code())) {
                problems.add(e.problem("code", "'" + t.code() + "' is reserved (the post offices' group in the staff realm)"));
            } else if (byCode.containsKey(t.code())) {
                Located first = byCode.get(t.code());
                problems.add(e.problem("code", "duplicate code '" + t.code() + "', already used in " + first.file().name()
                        + ":" + first.line()));
            }
            if (text(t.name()) == null) {
                problems.add(e.problem("name", "required, with 'vi' and 'en'"));
            }
            if (blank(t.level())) {
                problems.add(e.problem("level", "required"));
            } else if (levels.stream().noneMatch(l -> l.code().equals(t.level()))) {
                problems.add(e.problem("level", "unknown level '" + t.level() + "' (levels.yaml has "
                        + levels.stream().map(Level::code).toList() + ")"));
            }
            if (blank(t.agencyCode())) {
                problems.add(e.problem("agencyCode", "required (mã định danh điện tử, e.g. 000.00.01.H26)"));
            } else if (!AGENCY_CODE.matcher(t.agencyCode()).matches()) {
                problems.add(e.problem("agencyCode", "'" + t.agencyCode() + "' is not an agency code like 000.00.01.H26"));
            } else if (byAgency.containsKey(t.agencyCode())) {
                problems.add(e.problem("agencyCode", "duplicate agency code '" + t.agencyCode() + "', already used by '"
                        + byAgency.get(t.agencyCode()).value().code() + "'"));
            }
            if (blank(t.address())) {
                problems.add(e.problem("address", "required"));
            }
            if (t.phone() != null && !PHONE.matcher(t.phone()).matches()) {
                problems.add(e.problem("phone", "not a phone number: '" + t.phone() + "'"));
            }
            if (t.email() != null && !EMAIL.matcher(t.email()).matches()) {
                problems.add(e.problem("email", "not an e-mail address: '" + t.email() + "'"));
            }
            if (t.postalOffices() != null) {
                for (int i = 0; i < t.postalOffices().size(); i++) {
                    if (!offices.containsKey(t.postalOffices().get(i))) {
                        problems.add(e.problem("postalOffices", "unknown post office '" + t.postalOffices().get(i)
                                + "' (not in postal-offices.yaml)"));
                    }
                }
            }
            if (t.deskHours() != null) {
                DeskHours hours = deskHours(e);
                if (hours != null) {
                    ownHours.put(t.code(), hours);
                }
            }
            if (problems.size() == before) {
                byCode.put(t.code(), e);
                byAgency.put(t.agencyCode(), e);
                if (t.parent() == null) {
                    roots.add(e);
                }
            }
        }
        if (!problems.isEmpty()) {
            return List.of();
        }
        if (roots.size() != 1) {
            if (roots.isEmpty()) {
                problems.add(DataProblem.ofFile("tree", "no root: exactly one tenant must have no 'parent'"));
            } else {
                roots.stream().skip(1).forEach(r -> problems.add(r.problem("parent",
                        "a second root: only '" + roots.get(0).value().code() + "' may have no parent")));
            }
            return List.of();
        }
        Located root = roots.get(0);
        if (!levels.get(0).code().equals(root.value().level())) {
            problems.add(root.problem("level", "the root must be at the top level '" + levels.get(0).code() + "'"));
        }
        if (!ownHours.containsKey(root.value().code())) {
            problems.add(root.problem("deskHours", "required on the root (others inherit them)"));
        }
        Map<String, List<Located>> kids = new HashMap<>();
        for (Located e : byCode.values()) {
            String parent = e.value().parent();
            if (parent == null) {
                continue;
            }
            Located p = byCode.get(parent);
            if (p == null) {
                problems.add(e.problem("parent", "unknown parent '" + parent + "'"));
                continue;
            }
            int parentDepth = depthOf(levels, p.value().level());
            int depth = depthOf(levels, e.value().level());
            if (depth != parentDepth + 1) {
                problems.add(e.problem("level", "a '" + e.value().level() + "' cannot be directly under a '"
                        + p.value().level() + "' ('" + parent + "'): levels step down one at a time"));
                continue;
            }
            kids.computeIfAbsent(parent, k -> new ArrayList<>()).add(e);
        }
        if (!problems.isEmpty()) {
            return List.of();
        }
        List<Tenant> ordered = new ArrayList<>();
        Map<String, DeskHours> effective = new HashMap<>();
        Deque<Located> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Located e = todo.removeFirst();
            TenantEntry t = e.value();
            DeskHours own = ownHours.get(t.code());
            DeskHours hours = own != null ? own : effective.get(t.parent());
            effective.put(t.code(), hours);
            ordered.add(new Tenant(t.code(), t.parent(), t.level(), depthOf(levels, t.level()), text(t.name()),
                    t.agencyCode(), t.address().strip(), t.phone(), t.email(), hours, own != null,
                    t.postalOffices() == null ? List.of() : t.postalOffices(), e.file().name()));
            todo.addAll(kids.getOrDefault(t.code(), List.of()));
        }
        return ordered;
    }

    private static int depthOf(List<Level> levels, String code) {
        for (Level l : levels) {
            if (l.code().equals(code)) {
                return l.depth();
            }
        }
        return -1;
    }

    private DeskHours deskHours(Located e) {
        Map<DayOfWeek, List<DeskSession>> week = new EnumMap<>(DayOfWeek.class);
        List<DeskEntry> list = e.value().deskHours();
        for (int i = 0; i < list.size(); i++) {
            DeskEntry d = list.get(i);
            String at = "deskHours";
            if (d.days() == null || d.days().isEmpty() || d.sessions() == null || d.sessions().isEmpty()) {
                problems.add(e.problem(at, "entry " + (i + 1) + " needs 'days' and 'sessions'"));
                return null;
            }
            List<DeskSession> sessions = new ArrayList<>();
            for (String s : d.sessions()) {
                var m = s == null ? null : SESSION.matcher(s.strip());
                if (m == null || !m.matches()) {
                    problems.add(e.problem(at, "session '" + s + "' is not like 07:30-11:30"));
                    return null;
                }
                try {
                    LocalTime from = LocalTime.parse(m.group(1));
                    LocalTime to = LocalTime.parse(m.group(2));
                    if (!from.isBefore(to)) {
                        problems.add(e.problem(at, "session '" + s + "' ends before it starts"));
                        return null;
                    }
                    if (!sessions.isEmpty() && !sessions.get(sessions.size() - 1).to().isBefore(from)) {
                        problems.add(e.problem(at, "session '" + s + "' overlaps or is out of order"));
                        return null;
                    }
                    sessions.add(new DeskSession(from, to));
                } catch (DateTimeParseException ex) {
                    problems.add(e.problem(at, "session '" + s + "' has an impossible time"));
                    return null;
                }
            }
            for (String day : d.days()) {
                DayOfWeek dow = dayOf(day);
                if (dow == null) {
                    problems.add(e.problem(at, "day '" + day + "' is not one of MON, TUE, WED, THU, FRI, SAT, SUN"));
                    return null;
                }
                if (week.putIfAbsent(dow, List.copyOf(sessions)) != null) {
                    problems.add(e.problem(at, "day '" + day + "' is listed twice"));
                    return null;
                }
            }
        }
        return new DeskHours(week);
    }

    private static DayOfWeek dayOf(String day) {
        if (day == null) {
            return null;
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equalsIgnoreCase(day.strip())) {
                return d;
            }
        }
        return null;
    }
}
