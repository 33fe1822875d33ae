package vn.motcua.platform.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Reads an administrator-written YAML file strictly (unknown keys are errors) and reports what is wrong in plain words. */
public final class YamlFiles {

    private static final YAMLMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private YamlFiles() {
    }

    /** The file mapped to {@code type}, or {@code null} with the reason added to {@code problems} as "name:line field: reason". */
    public static <T> T read(Path file, String name, Class<T> type, List<String> problems) {
        try {
            return YAML.readValue(Files.readString(file), type);
        } catch (JsonMappingException e) {
            StringBuilder field = new StringBuilder();
            e.getPath().forEach(r -> field.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]"));
            problems.add(name + ":" + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()) + " " + field + ": "
                    + e.getOriginalMessage().split("\n")[0]);
        } catch (JsonProcessingException e) {
            problems.add(name + ":" + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()) + ": not valid YAML: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            problems.add(name + ": cannot be read: " + e.getMessage());
        }
        return null;
    }
}
