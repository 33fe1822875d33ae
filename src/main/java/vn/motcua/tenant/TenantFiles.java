package vn.motcua.tenant;

import java.util.Set;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the tenant tree from its folder: {@code levels.yaml}, {@code postal-offices.yaml} and every
 * {@code tree/**.yaml}. Plain Java on purpose: the launcher uses it before Quarkus starts (to generate the Keycloak
 * realms), and the service at start. Every problem found is reported, each with its file, line, field and reason.
 */
public final class TenantFiles {

    static final Pattern CODE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");
    static final Pattern AGENCY_CODE = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .()-]{5,19}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Set<String> RESERVED_CODES = Set.of("postal");
    static final Pattern SESSION = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    // The shapes of the files, as written by administrators.
    record Text(String vi, String en) {
    }

    record LevelEntry(String code, Text name) {
    }

    record LevelsFile(List<LevelEntry> levels) {
    }

    record OfficeEntry(String code, Text name, String address, String phone) {
    }

    record OfficesFile(List<OfficeEntry> postalOffices) {
    }

    record DeskEntry(List<String> days, List<String> sessions) {
    }

    record TenantEntry(String code, String parent, String level, Text name, String agencyCode, String address,
            String phone, String email, List<DeskEntry> deskHours, List<String> postalOffices) {
    }

    record TreeFile(List<TenantEntry> tenants) {
    }

    private record Located<T>(T value, String file, int index, YamlLines lines) {
        TenantDataProblem problem(String field, String reason) {
            List<Object> path = new ArrayList<>(List.of("tenants", index));
            for (String part : field.split("\\.")) {
                if (!part.isEmpty()) {
                    path.add(part);
                }
            }
            return new TenantDataProblem(file, lines.lineOf(path), "tenants[" + index + "]" + (field.isEmpty() ? "" : "." + field), reason);
        }
    }

    private final Path root;
    private final List<TenantDataProblem> problems = new ArrayList<>();

    private TenantFiles(Path root) {
        this.root = root;
    }

    /** Loads and validates the tree under {@code root}, or throws {@link TenantDataException} listing every problem. */
    public static TenantTree load(Path root) {
        return new TenantFiles(root).read();
    }

    private TenantTree read() {
        if (!Files.isDirectory(root)) {
            throw new TenantDataException(List.of(new TenantDataProblem(root.toString(), 0, "",
                    "the tenants folder does not exist (set MOTCUA_TENANTS_DIR)")));
        }
        List<Level> levels = readLevels();
        Map<String, PostalOffice> offices = readOffices();
        List<Located<TenantEntry>> entries = readTree();
        List<Tenant> tenants = problems.isEmpty() ? link(levels, offices, entries) : List.of();
        if (!problems.isEmpty()) {
            throw new TenantDataException(problems);
        }
        return new TenantTree(levels, tenants, offices.values());
    }

    private <T> T parse(Path file, Class<T> type) {
        String rel = relative(file);
        String text = "";
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
                problems.add(new TenantDataProblem(rel, 0, "", "the file is empty"));
                return null;
            }
            return YAML.readValue(text, type);
        } catch (JsonMappingException e) {
            org.yaml.snakeyaml.error.MarkedYAMLException syntax = syntaxError(e);
            if (syntax != null) {
                problems.add(new TenantDataProblem(rel, syntax.getProblemMark() == null ? 0 : syntax.getProblemMark().getLine() + 1,
                        "", "not valid YAML: " + syntax.getProblem()));
                return null;
            }
            // Jackson reports the end of a record's mapping; the field's own line is more use to the reader.
            int line = new YamlLines(text).lineOf(pathOf(e));
            problems.add(new TenantDataProblem(rel, line > 0 ? line : e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    fieldPath(e), mappingReason(e)));
        } catch (JsonProcessingException e) {
            problems.add(new TenantDataProblem(rel, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "",
                    "not valid YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new TenantDataProblem(rel, 0, "", "cannot be read: " + e.getMessage()));
        }
        return null;
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static List<Object> pathOf(JsonMappingException e) {
        List<Object> path = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.add(ref.getFieldName() != null ? ref.getFieldName() : (Object) ref.getIndex());
        }
        return path;
    }

    private static org.yaml.snakeyaml.error.MarkedYAMLException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException y) {
                return y;
            }
        }
        return null;
    }

    private static String mappingReason(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null) {
            return "wrong type: expected " + friendly(m.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String friendly(Class<?> type) {
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "a text";
        }
        return "a mapping of fields";
    }

    private String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private List<Level> readLevels() {
        Path file = root.resolve("levels.yaml");
        if (!Files.isRegularFile(file)) {
            problems.add(new TenantDataProblem("levels.yaml", 0, "", "missing: it lists the levels of government, top first"));
            return List.of();
        }
        LevelsFile parsed = parse(file, LevelsFile.class);
        if (parsed == null) {
            return List.of();
        }
        YamlLines lines = lines(file);
        List<Level> levels = new ArrayList<>();
        List<LevelEntry> list = parsed.levels() == null ? List.of() : parsed.levels();
        if (list.isEmpty()) {
            problems.add(new TenantDataProblem("levels.yaml", lines.lineOf(List.of("levels")), "levels", "at least one level is required"));
        }
        for (int i = 0; i < list.size(); i++) {
            LevelEntry l = list.get(i);
            String at = "levels[" + i + "]";
            if (l.code() == null || !CODE.matcher(l.code()).matches()) {
                problems.add(new TenantDataProblem("levels.yaml", lines.lineOf(List.of("levels", i)), at + ".code",
                        "required, lower-case letters, digits and '-'"));
                continue;
            }
            if (levels.stream().anyMatch(x -> x.code().equals(l.code()))) {
                problems.add(new TenantDataProblem("levels.yaml", lines.lineOf(List.of("levels", i, "code")), at + ".code",
                        "duplicate level '" + l.code() + "'"));
                continue;
            }
            LocalizedText name = text(l.name());
            if (name == null) {
                problems.add(new TenantDataProblem("levels.yaml", lines.lineOf(List.of("levels", i)), at + ".name",
                        "required, with 'vi' and 'en'"));
                continue;
            }
            levels.add(new Level(l.code(), name, levels.size()));
        }
        return levels;
    }

    private Map<String, PostalOffice> readOffices() {
        Map<String, PostalOffice> offices = new LinkedHashMap<>();
        Path file = root.resolve("postal-offices.yaml");
        if (!Files.isRegularFile(file)) {
            return offices;
        }
        OfficesFile parsed = parse(file, OfficesFile.class);
        if (parsed == null || parsed.postalOffices() == null) {
            return offices;
        }
        YamlLines lines = lines(file);
        for (int i = 0; i < parsed.postalOffices().size(); i++) {
            OfficeEntry o = parsed.postalOffices().get(i);
            String at = "postalOffices[" + i + "]";
            int line = lines.lineOf(List.of("postalOffices", i));
            if (o.code() == null || !CODE.matcher(o.code()).matches()) {
                problems.add(new TenantDataProblem("postal-offices.yaml", line, at + ".code", "required, lower-case letters, digits and '-'"));
            } else if (offices.containsKey(o.code())) {
                problems.add(new TenantDataProblem("postal-offices.yaml", line, at + ".code", "duplicate post office '" + o.code() + "'"));
            } else if (text(o.name()) == null) {
                problems.add(new TenantDataProblem("postal-offices.yaml", line, at + ".name", "required, with 'vi' and 'en'"));
            } else if (blank(o.address())) {
                problems.add(new TenantDataProblem("postal-offices.yaml", line, at + ".address", "required"));
            } else if (o.phone() != null && !PHONE.matcher(o.phone()).matches()) {
                problems.add(new TenantDataProblem("postal-offices.yaml", line, at + ".phone", "not a phone number: '" + o.phone() + "'"));
            } else {
                offices.put(o.code(), new PostalOffice(o.code(), text(o.name()), o.address(), o.phone()));
            }
        }
        return offices;
    }

    private List<Located<TenantEntry>> readTree() {
        Path tree = root.resolve("tree");
        List<Located<TenantEntry>> entries = new ArrayList<>();
        if (!Files.isDirectory(tree)) {
            problems.add(new TenantDataProblem("tree", 0, "", "missing: the folder of tenant files"));
            return entries;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tree)) {
            files = walk.filter(p -> Files.isRegularFile(p) && (p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")))
                    .sorted().toList();
        } catch (IOException e) {
            problems.add(new TenantDataProblem("tree", 0, "", "cannot be read: " + e.getMessage()));
            return entries;
        }
        for (Path file : files) {
            TreeFile parsed = parse(file, TreeFile.class);
            if (parsed == null) {
                continue;
            }
            if (parsed.tenants() == null || parsed.tenants().isEmpty()) {
                problems.add(new TenantDataProblem(relative(file), 1, "tenants", "no tenants listed"));
                continue;
            }
            YamlLines lines = lines(file);
            for (int i = 0; i < parsed.tenants().size(); i++) {
                entries.add(new Located<>(parsed.tenants().get(i), relative(file), i, lines));
            }
        }
        return entries;
    }

    private YamlLines lines(Path file) {
        try {
            return new YamlLines(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new YamlLines("");
        }
    }

    /** Checks each entry, then the links between them; returns the tenants parents-first. */
    private List<Tenant> link(List<Level> levels, Map<String, PostalOffice> offices, List<Located<TenantEntry>> entries) {
        Map<String, Located<TenantEntry>> byCode = new LinkedHashMap<>();
        Map<String, Located<TenantEntry>> byAgency = new HashMap<>();
        Map<String, DeskHours> ownHours = new HashMap<>();
        List<Located<TenantEntry>> roots = new ArrayList<>();
        for (Located<TenantEntry> e : entries) {
            TenantEntry t = e.value();
            int before = problems.size();
            if (blank(t.code())) {
                problems.add(e.problem("code", "required"));
            } else if (!CODE.matcher(t.code()).matches()) {
                problems.add(e.problem("code", "'" + t.code() + "' must be 2–40 lower-case letters, digits and '-'"));
            } else if (RESERVED_CODES.contains(t.code())) {
                problems.add(e.problem("code", "'" + t.code() + "' is reserved (the post offices' group in the staff realm)"));
            } else if (byCode.containsKey(t.code())) {
                Located<TenantEntry> first = byCode.get(t.code());
                problems.add(e.problem("code", "duplicate code '" + t.code() + "', already used in " + first.file()
                        + ":" + first.lines().lineOf(List.of("tenants", first.index()))));
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
                problems.add(new TenantDataProblem("tree", 0, "", "no root: exactly one tenant must have no 'parent'"));
            } else {
                roots.stream().skip(1).forEach(r -> problems.add(r.problem("parent",
                        "a second root: only '" + roots.get(0).value().code() + "' may have no parent")));
            }
            return List.of();
        }
        Located<TenantEntry> root = roots.get(0);
        if (!levels.get(0).code().equals(root.value().level())) {
            problems.add(root.problem("level", "the root must be at the top level '" + levels.get(0).code() + "'"));
        }
        if (!ownHours.containsKey(root.value().code())) {
            problems.add(root.problem("deskHours", "required on the root (others inherit them)"));
        }
        Map<String, List<Located<TenantEntry>>> kids = new HashMap<>();
        for (Located<TenantEntry> e : byCode.values()) {
            String parent = e.value().parent();
            if (parent == null) {
                continue;
            }
            Located<TenantEntry> p = byCode.get(parent);
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
        Deque<Located<TenantEntry>> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Located<TenantEntry> e = todo.removeFirst();
            TenantEntry t = e.value();
            DeskHours own = ownHours.get(t.code());
            DeskHours hours = own != null ? own : effective.get(t.parent());
            effective.put(t.code(), hours);
            ordered.add(new Tenant(t.code(), t.parent(), t.level(), depthOf(levels, t.level()), text(t.name()),
                    t.agencyCode(), t.address().strip(), t.phone(), t.email(), hours, own != null,
                    t.postalOffices() == null ? List.of() : t.postalOffices(), e.file()));
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

    private DeskHours deskHours(Located<TenantEntry> e) {
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

    private static LocalizedText text(Text t) {
        if (t == null || blank(t.vi()) || blank(t.en())) {
            return null;
        }
        return new LocalizedText(t.vi().strip(), t.en().strip());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
