package vn.motcua.platform.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.error.MarkedYAMLException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one reader of administrator-written YAML (tenants, catalog, calendars): finds the files, maps each strictly
 * (unknown keys are errors) and reports what is wrong as a {@link DataProblem}, {@code file:line field: reason}, in
 * plain words. Each feature keeps its own rules and reports them through {@link YamlFile#problem}, so every bad
 * input reads the same. Plain Java: the launcher uses it before Quarkus starts.
 */
public final class YamlFiles {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private YamlFiles() {
    }

    /**
     * The files of {@code dir} (and of its sub-folders down to {@code maxDepth}) whose names end with one of
     * {@code suffixes}, in name order.
     */
    public static List<Path> list(Path dir, int maxDepth, String... suffixes) throws IOException {
        // Links are followed: Kubernetes mounts a ConfigMap's folders as symbolic links into its "..data" folder.
        try (Stream<Path> walk = Files.walk(dir, maxDepth, FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(p -> Files.isRegularFile(p) && Arrays.stream(suffixes).anyMatch(s -> p.toString().endsWith(s)))
                    .sorted().toList();
        }
    }

    /**
     * The file mapped to {@code type}, or {@code null} with the reason added to {@code problems}: a file that is
     * empty, not YAML, has an unknown field or a value of the wrong type.
     *
     * @param name the file as reports name it, e.g. {@code catalog/1.001193.yaml}
     */
    public static <T> YamlFile<T> read(Path file, String name, Class<T> type, List<DataProblem> problems) {
        String text = "";
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
                problems.add(DataProblem.ofFile(name, "the file is empty"));
                return null;
            }
            return new YamlFile<>(name, YAML.readValue(text, type), new YamlLines(text));
        } catch (JsonProcessingException e) {
            MarkedYAMLException syntax = syntaxError(e);
            if (syntax != null) {
                problems.add(new DataProblem(name, syntax.getProblemMark() == null ? 0 : syntax.getProblemMark().getLine() + 1,
                        "", "not valid YAML: " + (syntax.getContext() == null ? "" : syntax.getContext() + ", ") + syntax.getProblem()));
            } else if (e instanceof JsonMappingException m) {
                // Jackson reports the end of a record's mapping; the field's own line is more use to the reader.
                int line = new YamlLines(text).lineOf(pathOf(m));
                problems.add(new DataProblem(name, line > 0 ? line : m.getLocation() == null ? 0 : m.getLocation().getLineNr(),
                        fieldPath(m), mappingReason(m)));
            } else {
                problems.add(new DataProblem(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "",
                        "not valid YAML: " + e.getOriginalMessage().split("\n")[0]));
            }
        } catch (IOException e) {
            problems.add(DataProblem.ofFile(name, "cannot be read: " + e.getMessage()));
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

    private static MarkedYAMLException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException y) {
                return y;
            }
        }
        return null;
    }

    private static String mappingReason(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "wrong type: expected " + friendly(m.getTargetType());
        }
        return e.getOriginalMessage().split("\n")[0];
    }

    private static String friendly(Class<?> type) {
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "a text";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a mapping";
        }
        return "a mapping of fields";
    }
}
