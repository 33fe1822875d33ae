package vn.motcua.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.motcua.platform.data.DataProblem;
import vn.motcua.platform.data.YamlFile;
import vn.motcua.platform.data.YamlFiles;
import vn.motcua.tenant.LocalizedText;

/**
 * The portal's ways into the catalog (hướng dẫn): each field (lĩnh vực) with its name and frequent questions, and the
 * life events (sự kiện đời sống) that group the procedures a family meets at such a time ("có em bé": the birth,
 * the child's residence, its health-insurance card). Data, not code: {@code tenants/guide.yaml}, checked at start
 * against the catalog, so a renamed procedure cannot leave a dead link behind.
 */
public record CatalogGuide(List<Area> fields, List<LifeEvent> lifeEvents) {

    /** A field of the catalog and its frequent questions. */
    public record Area(String code, LocalizedText name, List<Question> faq) {
    }

    /** A frequent question and its answer, in plain words. */
    public record Question(LocalizedText q, LocalizedText a) {
    }

    /** A life event and the procedures it leads to, in the order a family meets them. */
    public record LifeEvent(String code, LocalizedText name, List<String> procedures) {
    }

    static final CatalogGuide EMPTY = new CatalogGuide(List.of(), List.of());

    public Optional<Area> field(String code) {
        return fields.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    public Optional<LifeEvent> lifeEvent(String code) {
        return lifeEvents.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    record Text(String vi, String en) {
        LocalizedText text() {
            return new LocalizedText(vi, en);
        }
    }

    record QuestionEntry(Text q, Text a) {
    }

    record AreaEntry(String code, Text name, List<QuestionEntry> faq) {
    }

    record EventEntry(String code, Text name, List<String> procedures) {
    }

    record GuideFile(List<AreaEntry> fields, List<EventEntry> lifeEvents) {
    }

    /**
     * Reads {@code file} (none: an empty guide) and checks it against the catalog; every problem is listed at once.
     */
    static CatalogGuide load(Path file, Map<String, Procedure> catalog) {
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        List<DataProblem> problems = new ArrayList<>();
        YamlFile<GuideFile> read = YamlFiles.read(file, file.getFileName().toString(), GuideFile.class, problems);
        if (read == null) {
            throw new CatalogDataException(problems);
        }
        List<Area> areas = new ArrayList<>();
        List<AreaEntry> fieldEntries = read.value().fields() == null ? List.of() : read.value().fields();
        for (int i = 0; i < fieldEntries.size(); i++) {
            AreaEntry a = fieldEntries.get(i);
            String at = "fields[" + i + "]";
            if (a.code() == null || !CatalogFiles.FIELDS.contains(a.code())) {
                problems.add(read.problem(at + ".code", "one of " + new java.util.TreeSet<>(CatalogFiles.FIELDS)));
                continue;
            }
            if (!complete(a.name())) {
                problems.add(read.problem(at + ".name", "vi and en required"));
                continue;
            }
            List<Question> faq = new ArrayList<>();
            for (QuestionEntry q : a.faq() == null ? List.<QuestionEntry>of() : a.faq()) {
                if (!complete(q.q()) || !complete(q.a())) {
                    problems.add(read.problem(at + ".faq", "each question and answer needs vi and en"));
                } else {
                    faq.add(new Question(q.q().text(), q.a().text()));
                }
            }
            areas.add(new Area(a.code(), a.name().text(), List.copyOf(faq)));
        }
        List<LifeEvent> events = new ArrayList<>();
        List<EventEntry> eventEntries = read.value().lifeEvents() == null ? List.of() : read.value().lifeEvents();
        for (int i = 0; i < eventEntries.size(); i++) {
            EventEntry e = eventEntries.get(i);
            String at = "lifeEvents[" + i + "]";
            if (e.code() == null || !e.code().matches("[a-z][a-z-]{1,30}") || !complete(e.name())) {
                problems.add(read.problem(at, "a code (lower-case letters, hyphens) and a name in vi and en"));
                continue;
            }
            List<String> codes = e.procedures() == null ? List.of() : e.procedures();
            codes.stream().filter(c -> !catalog.containsKey(c))
                    .forEach(c -> problems.add(read.problem(at + ".procedures", c + " is not a procedure of the catalog")));
            if (codes.isEmpty()) {
                problems.add(read.problem(at + ".procedures", "at least one"));
            }
            events.add(new LifeEvent(e.code(), e.name().text(), List.copyOf(codes)));
        }
        if (!problems.isEmpty()) {
            throw new CatalogDataException(problems);
        }
        return new CatalogGuide(List.copyOf(areas), List.copyOf(events));
    }

    private static boolean complete(Text t) {
        return t != null && t.vi() != null && !t.vi().isBlank() && t.en() != null && !t.en().isBlank();
    }
}
