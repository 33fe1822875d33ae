package vn.motcua.platform.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Lines of fields as reports name them: names, indexes, and list entries named by their code. */
class YamlLinesTest {

    static final YamlLines LINES = new YamlLines("""
            code: "1.000001"
            versions:
              - effectiveFrom: "2025-07-01"
                steps:
                  - code: receive
                    role: receiver
                  - code: decide
                    role: approver
            years:
              2026:
                daysOff: []
            """);

    @Test
    void readsFieldPaths() {
        assertEquals(List.of("versions", 0, "steps", "decide", "role"), YamlLines.path("versions[0].steps.decide.role"));
    }

    @Test
    void findsTheLineOfTheDeepestFieldFound() {
        assertEquals(1, LINES.lineOf("code"));
        assertEquals(3, LINES.lineOf("versions[0]"));
        assertEquals(4, LINES.lineOf("versions[0].steps"));
        assertEquals(8, LINES.lineOf("versions[0].steps[1].role"));
        assertEquals(8, LINES.lineOf("versions[0].steps.decide.role"), "a list entry named by its code");
        assertEquals(4, LINES.lineOf("versions[0].steps.absent.role"), "the deepest field found");
        assertEquals(11, LINES.lineOf("years.2026.daysOff"));
        assertEquals(0, LINES.lineOf("nowhere"));
    }
}
