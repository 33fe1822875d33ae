package vn.motcua.tenant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import vn.motcua.platform.data.DataProblem;
import vn.motcua.platform.data.YamlFile;
import vn.motcua.platform.data.YamlFiles;

/**
 * Reads the tenant tree from its folder: {@code levels.yaml}, {@code postal-offices.yaml} and every
 * {@code tree/**.yaml}, through the shared {@link YamlFiles}; {@link TenantLinker} then checks the tenants and links
 * them into the tree. Plain Java on purpose: the launcher uses it before Quarkus starts (to generate the Keycloak
 * realms), and the service at start. Every problem found is reported, each as {@code file:line field: reason}.
 */
public final class TenantFiles {

    static final Pattern CODE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");
    static final Pattern AGENCY_CODE = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .()-]{5,19}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Set<String> RESERVED_CODES = Set.of("postal");
    static final Pattern SESSION = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

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

    /** One tenant entry and where it was read. */
    record Located(TenantEntry value, YamlFile<TreeFile> file, int index) {

        /** A problem with a field of this entry ({@code ""} for the entry itself), at that field's line. */
        DataProblem problem(String field, String reason) {
            return file.problem(at() + (field.isEmpty() ? "" : "." + field), reason);
        }

        String at() {
            return "tenants[" + index + "]";
        }

        int line() {
            return file.lines().lineOf(at());
        }
    }

    private final Path root;
    private final List<DataProblem> problems = new ArrayList<>();

    private TenantFiles(Path root) {
        this.root = root;
    }

    /** Loads and validates the tree under {@code root}, or throws {@link TenantDataException} listing every problem. */
    public static TenantTree load(Path root) {
        return new TenantFiles(root).read();
    }

    private TenantTree read() {
        if (!Files.isDirectory(root)) {
            throw new TenantDataException(List.of(DataProblem.ofFile(root.toString(),
                    "the tenants folder does not exist (set MOTCUA_TENANTS_DIR)")));
        }
        List<Level> levels = readLevels();
        Map<String, PostalOffice> offices = readOffices();
        List<Located> entries = readTree();
        List<Tenant> tenants = problems.isEmpty() ? new TenantLinker(problems).link(levels, offices, entries) : List.of();
        if (!problems.isEmpty()) {
            throw new TenantDataException(problems);
        }
        return new TenantTree(levels, tenants, offices.values());
    }

    private <T> YamlFile<T> parse(Path file, Class<T> type) {
        return YamlFiles.read(file, root.relativize(file).toString().replace('\\', '/'), type, problems);
    }

    private List<Level> readLevels() {
        Path path = root.resolve("levels.yaml");
        if (!Files.isRegularFile(path)) {
            problems.add(DataProblem.ofFile("levels.yaml", "missing: it lists the levels of government, top first"));
            return List.of();
        }
        YamlFile<LevelsFile> file = parse(path, LevelsFile.class);
        if (file == null) {
            return List.of();
        }
        List<Level> levels = new ArrayList<>();
        List<LevelEntry> list = file.value().levels() == null ? List.of() : file.value().levels();
        if (list.isEmpty()) {
            problems.add(file.problem("levels", "at least one level is required"));
        }
        for (int i = 0; i < list.size(); i++) {
            LevelEntry l = list.get(i);
            String at = "levels[" + i + "]";
            if (l.code() == null || !CODE.matcher(l.code()).matches()) {
                problems.add(file.problemAt(at, at + ".code", "required, lower-case letters, digits and '-'"));
                continue;
            }
            if (levels.stream().anyMatch(x -> x.code().equals(l.code()))) {
                problems.add(file.problem(at + ".code", "duplicate level '" + l.code() + "'"));
                continue;
            }
            LocalizedText name = text(l.name());
            if (name == null) {
                problems.add(file.problemAt(at, at + ".name", "required, with 'vi' and 'en'"));
                continue;
            }
            levels.add(new Level(l.code(), name, levels.size()));
        }
        return levels;
    }

    private Map<String, PostalOffice> readOffices() {
        Map<String, PostalOffice> offices = new LinkedHashMap<>();
        Path path = root.resolve("postal-offices.yaml");
        if (!Files.isRegularFile(path)) {
            return offices;
        }
        YamlFile<OfficesFile> file = parse(path, OfficesFile.class);
        if (file == null || file.value().postalOffices() == null) {
            return offices;
        }
        List<OfficeEntry> list = file.value().postalOffices();
        for (int i = 0; i < list.size(); i++) {
            OfficeEntry o = list.get(i);
            String at = "postalOffices[" + i + "]";
            if (o.code() == null || !CODE.matcher(o.code()).matches()) {
                problems.add(file.problemAt(at, at + ".code", "required, lower-case letters, digits and '-'"));
            } else if (offices.containsKey(o.code())) {
                problems.add(file.problemAt(at, at + ".code", "duplicate post office '" + o.code() + "'"));
            } else if (text(o.name()) == null) {
                problems.add(file.problemAt(at, at + ".name", "required, with 'vi' and 'en'"));
            } else if (blank(o.address())) {
                problems.add(file.problemAt(at, at + ".address", "required"));
            } else if (o.phone() != null && !PHONE.matcher(o.phone()).matches()) {
                problems.add(file.problemAt(at, at + ".phone", "not a phone number: '" + o.phone() + "'"));
            } else {
                offices.put(o.code(), new PostalOffice(o.code(), text(o.name()), o.address(), o.phone()));
            }
        }
        return offices;
    }

    private List<Located> readTree() {
        Path tree = root.resolve("tree");
        List<Located> entries = new ArrayList<>();
        if (!Files.isDirectory(tree)) {
            problems.add(DataProblem.ofFile("tree", "missing: the folder of tenant files"));
            return entries;
        }
        List<Path> paths;
        try {
            paths = YamlFiles.list(tree, Integer.MAX_VALUE, ".yaml", ".yml");
        } catch (IOException e) {
            problems.add(DataProblem.ofFile("tree", "cannot be read: " + e.getMessage()));
            return entries;
        }
        for (Path path : paths) {
            YamlFile<TreeFile> file = parse(path, TreeFile.class);
            if (file == null) {
                continue;
            }
            if (file.value().tenants() == null || file.value().tenants().isEmpty()) {
                problems.add(new DataProblem(file.name(), 1, "tenants", "no tenants listed"));
                continue;
            }
            for (int i = 0; i < file.value().tenants().size(); i++) {
                entries.add(new Located(file.value().tenants().get(i), file, i));
            }
        }
        return entries;
    }

    static LocalizedText text(Text t) {
        if (t == null || blank(t.vi()) || blank(t.en())) {
            return null;
        }
        return new LocalizedText(t.vi().strip(), t.en().strip());
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
