package vn.motcua.catalog;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;


import vn.motcua.platform.data.DataProblem;
import vn.motcua.platform.data.YamlFile;
import vn.motcua.platform.data.YamlFiles;
import vn.motcua.tenant.LocalizedText;

/**
 * Reads the procedure catalog, one file per procedure in {@code tenants/catalog/}, and validates it, the levels
 * against the tenant tree's. Reading, locating and reporting are the shared {@link YamlFiles}'; the rules are here.
 * Every problem is reported as {@code file:line field: reason}. Longer than most classes on purpose: one method per
 * part of a version (documents, form, fees, steps, parts), read top to bottom like the file it checks.
 */
public final class CatalogFiles {

    static final Set<String> FIELDS = Set.of("civil-status", "certification", "residence", "business", "construction", "land",
            "labour", "social-protection", "health-insurance", "education", "transport");
    static final Set<String> DOCUMENT_KINDS = Set.of("original", "copy", "certified-copy");
    static final Set<String> FIELD_TYPES = Set.of("text", "number", "date", "select", "citizen-id", "phone", "address", "person");
    static final Set<String> ROLES = Set.of("receiver", "processor", "approver");
    static final Pattern CODE = Pattern.compile("\\d{1,3}\\.\\d{6}");
    static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,40}");
    private static final BigDecimal HALF = new BigDecimal("0.5");
    /** Decree 118/2025/NĐ-CP comes into force: from then on a province may list procedures received at any desk. */
    static final LocalDate RECEIVED_ANYWHERE_FROM = LocalDate.of(2025, 7, 1);


    record Text(String vi, String en) {
    }

    record DocumentEntry(Text name, String kind, Integer count, Boolean optional) {
    }

    record OptionEntry(String value, Text label) {
    }

    record FieldEntry(String name, Text label, String type, Boolean required, String pattern, List<OptionEntry> options,
            List<FieldEntry> fields, String when) {
    }

    record FeeEntry(String channel, Long amount) {
    }

    record OverrideEntry(String level, String tenant, BigDecimal processingDays) {
    }

    record StepEntry(String code, Text name, BigDecimal share, String role) {
    }

    record PartEntry(String procedure, String agency, String level) {
    }

    record VersionEntry(String effectiveFrom, Text name, String field, List<String> levels, List<String> channels,
            List<String> legalBasis, Text guide, Text contact, List<DocumentEntry> documents, List<FieldEntry> form,
            List<FeeEntry> fees, BigDecimal processingDays, List<OverrideEntry> overrides, List<StepEntry> steps,
            String supplementClock, Text result, List<PartEntry> parts, Boolean receivedAnywhere) {
    }

    record ProcedureFile(String code, List<VersionEntry> versions) {
    }

    /**
     * The procedures read, and the files they were read from (by procedure code), so that the check of their levels,
     * which needs the tenant tree and comes later, still reports each problem at its line.
     */
    public record Read(Map<String, Procedure> procedures, Map<String, YamlFile<?>> files) {
    }

    private final List<DataProblem> problems = new ArrayList<>();
    private YamlFile<ProcedureFile> file;

    private CatalogFiles() {
    }

    /** @param levels the level codes of the tenant tree: a procedure's competent levels must be among them */
    public static Map<String, Procedure> load(Path dir, Set<String> levels) {
        return checkLevels(new CatalogFiles().read(dir), levels);
    }

    /** Reads and checks everything but the levels, which need the tenant tree: the start does this meanwhile. */
    public static Read loadWithoutLevels(Path dir) {
        return new CatalogFiles().read(dir);
    }

    /** A procedure's competent levels, its overrides' and its parts' must be levels of the tenant tree. */
    public static Map<String, Procedure> checkLevels(Read read, Set<String> levels) {
        List<DataProblem> problems = new ArrayList<>();
        read.procedures().values().stream().sorted(java.util.Comparator.comparing(Procedure::code)).forEach(p -> {
            YamlFile<?> file = read.files().get(p.code());
            for (int i = 0; i < p.versions().size(); i++) {
                Procedure.Version v = p.versions().get(i);
                String at = "versions[" + i + "]";
                v.levels().stream().filter(l -> !levels.contains(l)).forEach(l -> problems.add(file.problem(at + ".levels",
                        "'" + l + "' is not a level of the tenant tree " + new java.util.TreeSet<>(levels))));
                v.overrides().stream().filter(o -> o.level() != null && !levels.contains(o.level())).forEach(o -> problems.add(
                        file.problem(at + ".overrides", "'" + o.level() + "' is not a level of the tenant tree")));
                v.parts().stream().filter(pt -> !levels.contains(pt.level())).forEach(pt -> problems.add(
                        file.problem(at + ".parts", "'" + pt.level() + "' is not a level of the tenant tree")));
            }
        });
        if (!problems.isEmpty()) {
            throw new CatalogDataException(problems);
        }
        return read.procedures();
    }

    private Read read(Path dir) {
        Map<String, Procedure> catalog = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            throw new CatalogDataException(List.of(DataProblem.ofFile(dir.toString(),
                    "the catalog folder does not exist (set MOTCUA_CATALOG_DIR)")));
        }
        List<Path> paths;
        try {
            paths = YamlFiles.list(dir, 1, ".yaml");
        } catch (IOException e) {
            throw new CatalogDataException(List.of(DataProblem.ofFile(dir.toString(), "cannot be read: " + e.getMessage())));
        }
        Map<String, YamlFile<?>> fileOf = new LinkedHashMap<>();
        for (Path f : paths) {
            file = YamlFiles.read(f, "catalog/" + f.getFileName(), ProcedureFile.class, problems);
            if (file == null) {
                continue;
            }
            ProcedureFile p = file.value();
            if (p.code() == null || !CODE.matcher(p.code()).matches()) {
                problem("code", "required, like 1.001193");
                continue;
            }
            if (!f.getFileName().toString().equals(p.code() + ".yaml")) {
                problem("code", p.code() + " does not match the file's name (" + p.code() + ".yaml)");
                continue;
            }
            fileOf.put(p.code(), file);
            Procedure procedure = convert(p);
            if (procedure != null) {
                catalog.put(procedure.code(), procedure);
            }
        }
        // Parts of interconnected procedures must be procedures of the catalog.
        catalog.values().forEach(p -> {
            for (int i = 0; i < p.versions().size(); i++) {
                String at = "versions[" + i + "].parts";
                p.versions().get(i).parts().stream().filter(part -> !fileOf.containsKey(part.procedure()))
                        .forEach(part -> problems.add(fileOf.get(p.code()).problem(at, part.procedure() + " is not a procedure of the catalog")));
            }
        });
        if (!problems.isEmpty()) {
            throw new CatalogDataException(problems);
        }
        return new Read(Map.copyOf(catalog), Map.copyOf(fileOf));
    }

    /** A problem with a field of the file being converted, at that field's line. */
    private void problem(String field, String reason) {
        problems.add(file.problem(field, reason));
    }

    private Procedure convert(ProcedureFile p) {
        int before = problems.size();
        if (p.versions() == null || p.versions().isEmpty()) {
            problem("versions", "at least one");
            return null;
        }
        List<Procedure.Version> versions = new ArrayList<>();
        LocalDate previous = null;
        for (int i = 0; i < p.versions().size(); i++) {
            String at = "versions[" + i + "]";
            Procedure.Version v = version(at, p.versions().get(i));
            if (v != null) {
                if (previous != null && !v.effectiveFrom().isAfter(previous)) {
                    problem(at + ".effectiveFrom", "versions must be in order of their effective dates");
                }
                previous = v.effectiveFrom();
                versions.add(v);
            }
        }
        return problems.size() > before ? null : new Procedure(p.code(), List.copyOf(versions));
    }

    private Procedure.Version version(String at, VersionEntry v) {
        int before = problems.size();
        LocalDate from = null;
        try {
            from = LocalDate.parse(String.valueOf(v.effectiveFrom()));
        } catch (DateTimeParseException e) {
            problem(at + ".effectiveFrom", "'" + v.effectiveFrom() + "' is not a date like 2025-07-01");
        }
        LocalizedText name = text(at + ".name", v.name(), true);
        if (v.field() == null || !FIELDS.contains(v.field())) {
            problem(at + ".field", "'" + v.field() + "' is not one of " + new java.util.TreeSet<>(FIELDS));
        }
        List<String> lv = v.levels() == null ? List.of() : v.levels();
        if (lv.isEmpty()) {
            problem(at + ".levels", "at least one competent level");
        }
        List<Procedure.Channel> channels = new ArrayList<>();
        for (String c : v.channels() == null ? List.<String>of() : v.channels()) {
            Procedure.Channel ch = Procedure.Channel.of(c);
            if (ch == null) {
                problem(at + ".channels", "'" + c + "' is not one of online-full, online-partial, counter, postal");
            } else {
                channels.add(ch);
            }
        }
        if (channels.isEmpty() && v.channels() != null && v.channels().isEmpty()) {
            problem(at + ".channels", "at least one");
        }
        LocalizedText guide = text(at + ".guide", v.guide(), true);
        LocalizedText contact = text(at + ".contact", v.contact(), true);
        LocalizedText result = text(at + ".result", v.result(), true);
        List<Procedure.RequiredDocument> documents = new ArrayList<>();
        List<DocumentEntry> docs = v.documents() == null ? List.of() : v.documents();
        for (int i = 0; i < docs.size(); i++) {
            DocumentEntry d = docs.get(i);
            String da = at + ".documents[" + i + "]";
            if (d.kind() == null || !DOCUMENT_KINDS.contains(d.kind())) {
                problem(da + ".kind", "'" + d.kind() + "' is not one of original, copy, certified-copy");
            }
            if (d.count() == null || d.count() < 1) {
                problem(da + ".count", "at least 1");
            }
            LocalizedText dn = text(da + ".name", d.name(), true);
            if (dn != null && d.kind() != null && d.count() != null) {
                documents.add(new Procedure.RequiredDocument(dn, d.kind(), d.count(), Boolean.TRUE.equals(d.optional())));
            }
        }
        List<Procedure.FormField> form = fields(at + ".form", v.form(), true);
        List<Procedure.Fee> fees = new ArrayList<>();
        for (FeeEntry f : v.fees() == null ? List.<FeeEntry>of() : v.fees()) {
            Procedure.Channel ch = Procedure.Channel.of(f.channel());
            if (ch == null || f.amount() == null || f.amount() < 0) {
                problem(at + ".fees", "'" + f.channel() + "' needs a channel and an amount of 0 or more đồng");
            } else {
                fees.add(new Procedure.Fee(ch, f.amount()));
            }
        }
        days(at + ".processingDays", v.processingDays());
        List<Procedure.TimeOverride> overrides = new ArrayList<>();
        for (OverrideEntry o : v.overrides() == null ? List.<OverrideEntry>of() : v.overrides()) {
            if ((o.level() == null) == (o.tenant() == null)) {
                problem(at + ".overrides", "each names a level or a tenant");
            } else if (days(at + ".overrides.processingDays", o.processingDays())) {
                overrides.add(new Procedure.TimeOverride(o.level(), o.tenant(), o.processingDays()));
            }
        }
        List<Procedure.Step> steps = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        Set<String> stepCodes = new HashSet<>();
        for (StepEntry s : v.steps() == null ? List.<StepEntry>of() : v.steps()) {
            if (s.code() == null || !stepCodes.add(s.code())) {
                problem(at + ".steps", "'" + s.code() + "' is missing or repeated");
            } else if (s.role() == null || !ROLES.contains(s.role())) {
                problem(at + ".steps." + s.code() + ".role", "'" + s.role() + "' is not one of " + new java.util.TreeSet<>(ROLES));
            } else if (s.share() == null || s.share().signum() <= 0) {
                problem(at + ".steps." + s.code() + ".share", "a positive share of the processing time");
            } else {
                total = total.add(s.share());
                LocalizedText sn = text(at + ".steps." + s.code() + ".name", s.name(), true);
                if (sn != null) {
                    steps.add(new Procedure.Step(s.code(), sn, s.share(), s.role()));
                }
            }
        }
        if (steps.isEmpty()) {
            problem(at + ".steps", "at least one");
        } else if (total.subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("0.001")) > 0) {
            problem(at + ".steps", "the shares add up to " + total + ", not 1");
        }
        Procedure.SupplementClock clock = null;
        if ("pause".equals(v.supplementClock())) {
            clock = Procedure.SupplementClock.PAUSE;
        } else if ("restart".equals(v.supplementClock())) {
            clock = Procedure.SupplementClock.RESTART;
        } else {
            problem(at + ".supplementClock", "'pause' or 'restart'");
        }
        List<Procedure.Part> parts = new ArrayList<>();
        for (PartEntry pe : v.parts() == null ? List.<PartEntry>of() : v.parts()) {
            if (pe.procedure() == null || pe.agency() == null || pe.level() == null) {
                problem(at + ".parts", "each needs a procedure, an agency and a level");
            } else {
                parts.add(new Procedure.Part(pe.procedure(), pe.agency(), pe.level()));
            }
        }
        boolean anywhere = Boolean.TRUE.equals(v.receivedAnywhere());
        if (anywhere && from != null && from.isBefore(RECEIVED_ANYWHERE_FROM)) {
            problem(at + ".receivedAnywhere", "receiving anywhere in the province applies from " + RECEIVED_ANYWHERE_FROM
                    + " (Decree 118/2025/NĐ-CP): mark a version in force from then on, not " + from);
        }
        if (problems.size() > before) {
            return null;
        }
        return new Procedure.Version(from, name, v.field(), List.copyOf(lv), List.copyOf(channels),
                v.legalBasis() == null ? List.of() : List.copyOf(v.legalBasis()), guide, contact, List.copyOf(documents), form,
                List.copyOf(fees), v.processingDays(), List.copyOf(overrides), List.copyOf(steps), clock, result, List.copyOf(parts), anywhere);
    }

    private List<Procedure.FormField> fields(String at, List<FieldEntry> entries, boolean allowPerson) {
        List<Procedure.FormField> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<FieldEntry> list = entries == null ? List.of() : entries;
        for (int i = 0; i < list.size(); i++) {
            FieldEntry f = list.get(i);
            String fa = at + "[" + i + "]";
            if (f.name() == null || !NAME.matcher(f.name()).matches() || !names.add(f.name())) {
                problem(fa + ".name", "'" + f.name() + "' must be a unique camelCase name");
                continue;
            }
            fa = at + "." + f.name();
            if (f.type() == null || !FIELD_TYPES.contains(f.type()) || ("person".equals(f.type()) && !allowPerson)) {
                problem(fa + ".type", "'" + f.type() + "' is not one of " + new java.util.TreeSet<>(FIELD_TYPES)
                        + (allowPerson ? "" : " (no person inside a person)"));
                continue;
            }
            if (f.pattern() != null) {
                try {
                    Pattern.compile(f.pattern());
                } catch (PatternSyntaxException e) {
                    problem(fa + ".pattern", "not a valid regular expression");
                }
            }
            if (f.when() != null && (!"date".equals(f.type()) || !List.of("past", "future").contains(f.when()))) {
                problem(fa + ".when", "'" + f.when() + "' applies to a date only, and is 'past' or 'future'");
            }
            List<Procedure.Option> options = new ArrayList<>();
            if ("select".equals(f.type())) {
                if (f.options() == null || f.options().isEmpty()) {
                    problem(fa + ".options", "a select needs options");
                } else {
                    for (OptionEntry o : f.options()) {
                        LocalizedText l = text(fa + ".options", o.label(), true);
                        if (o.value() == null || l == null) {
                            problem(fa + ".options", "each needs a value and a label");
                        } else {
                            options.add(new Procedure.Option(o.value(), l));
                        }
                    }
                }
            }
            List<Procedure.FormField> nested = List.of();
            if ("person".equals(f.type())) {
                nested = fields(fa + ".fields", f.fields(), false);
                if (nested.isEmpty()) {
                    problem(fa + ".fields", "a person groups fields");
                }
            }
            LocalizedText label = text(fa + ".label", f.label(), true);
            if (label != null) {
                out.add(new Procedure.FormField(f.name(), label, f.type(), Boolean.TRUE.equals(f.required()), f.pattern(),
                        List.copyOf(options), nested, f.when()));
            }
        }
        return List.copyOf(out);
    }

    private boolean days(String at, BigDecimal days) {
        if (days == null || days.signum() <= 0 || days.remainder(HALF).signum() != 0) {
            problem(at, "'" + days + "' must be a positive number of working days in halves (0.5, 1, 2.5…)");
            return false;
        }
        return true;
    }

    private LocalizedText text(String at, Text t, boolean required) {
        if (t == null || t.vi() == null || t.vi().isBlank() || t.en() == null || t.en().isBlank()) {
            if (required) {
                problem(at, "required, with 'vi' and 'en'");
            }
            return null;
        }
        return new LocalizedText(t.vi().strip(), t.en().strip());
    }
}
