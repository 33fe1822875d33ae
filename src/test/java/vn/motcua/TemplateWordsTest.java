package vn.motcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No template holds a word of its own (không có chữ viết cứng trong mẫu trang): every word a reader sees comes from a
 * message bundle, so that both languages say everything. The test reads every template, drops what is not text for a
 * reader (Qute expressions and sections, raw blocks such as the style sheet, HTML tags, entities) and fails on any word
 * left, or written in an attribute a reader sees or hears ({@code title}, {@code alt}, {@code aria-label}, …), or
 * passed as a quoted sentence to an expression (e.g. {@code label='Họ tên'}). Punctuation and separators (":", "·",
 * "›", "—", parentheses) are not words and may stay.
 */
class TemplateWordsTest {

    /** The words a template may write itself, each with its reason. Keep it short: anything else is a bundle's. */
    static final Map<String, String> ALLOWED = Map.of(
            // The brand, the same in every language: the end of every page title and the footer.
            "Motcua", "brand",
            // The problem page (/problems/{slug}) names the RFC 9457 members exactly as the problem document spells
            // them, so that a developer reading it finds the member they got; translating them would mislead.
            "type", "RFC 9457 member name",
            "status", "RFC 9457 member name");

    /** Attributes whose value a reader sees (a tooltip, a button) or hears (a screen reader). */
    static final Set<String> READ_ATTRIBUTES = Set.of("title", "alt", "aria-label", "placeholder", "value", "label");

    /** Parameters of an included template that carry a reader's text. */
    static final Set<String> TEXT_PARAMETERS = Set.of("label", "title", "hint", "legend", "heading", "text");

    static final Pattern RAW = Pattern.compile("\\{\\|.*?\\|\\}", Pattern.DOTALL);
    static final Pattern COMMENT = Pattern.compile("\\{!.*?!\\}|<!--.*?-->", Pattern.DOTALL);
    static final Pattern EXPRESSION = Pattern.compile("\\{[^\\s{}][^{}]*\\}");
    static final Pattern LITERAL = Pattern.compile("(?:(\\w+)\\s*=\\s*)?(?:'([^']*)'|\"([^\"]*)\")");
    static final Pattern STYLE_OR_SCRIPT = Pattern.compile("<(style|script)\\b.*?</\\1>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    static final Pattern TAG = Pattern.compile("<[^>]*>");
    static final Pattern ATTRIBUTE = Pattern.compile("([\\w:-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    static final Pattern ENTITY = Pattern.compile("&(?:\\w+|#\\d+|#x[0-9a-fA-F]+);");
    static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*");

    /** The words of {@code template} that are not a bundle's, one line each. */
    static List<String> literalWords(String template) {
        List<String> found = new ArrayList<>();
        String text = COMMENT.matcher(RAW.matcher(template).replaceAll(" ")).replaceAll(" ");
        // Quoted sentences passed to expressions and sections, and quoted text given to a text parameter.
        for (Matcher e = EXPRESSION.matcher(text); e.find();) {
            for (Matcher l = LITERAL.matcher(e.group()); l.find();) {
                String literal = l.group(2) != null ? l.group(2) : l.group(3);
                boolean sentence = literal.strip().contains(" ") || !literal.chars().allMatch(c -> c < 128);
                boolean textParameter = l.group(1) != null && TEXT_PARAMETERS.contains(l.group(1)) && WORD.matcher(literal).find();
                if (sentence || textParameter) {
                    found.add("quoted in " + e.group() + ": '" + literal + "'");
                }
            }
        }
        String previous;
        do {
            previous = text;
            text = EXPRESSION.matcher(text).replaceAll("");
        } while (!text.equals(previous));
        text = STYLE_OR_SCRIPT.matcher(text).replaceAll(" ");
        StringBuilder outside = new StringBuilder();
        Matcher tag = TAG.matcher(text);
        int end = 0;
        while (tag.find()) {
            outside.append(text, end, tag.start()).append(' ');
            end = tag.end();
            // A hidden field's value is a code the page posts back (step=delivered), never shown nor read aloud.
            boolean hidden = tag.group().matches("(?is)<input\\b[^>]*\\btype=\"hidden\"[^>]*>");
            for (Matcher a = ATTRIBUTE.matcher(tag.group()); a.find();) {
                String value = a.group(2) != null ? a.group(2) : a.group(3);
                if (READ_ATTRIBUTES.contains(a.group(1).toLowerCase()) && !(hidden && a.group(1).equalsIgnoreCase("value"))) {
                    words(value).forEach(w -> found.add("in " + a.group(1) + "=\"" + value + "\": " + w));
                }
            }
        }
        outside.append(text.substring(end));
        words(ENTITY.matcher(outside).replaceAll(" ")).forEach(w -> found.add(w));
        return found;
    }

    static List<String> words(String text) {
        return WORD.matcher(text).results().map(r -> r.group()).filter(w -> !ALLOWED.containsKey(w)).toList();
    }

    @Test
    void noTemplateWritesAWordOfItsOwn() throws IOException, URISyntaxException {
        Path root = Path.of(TemplateWordsTest.class.getClassLoader().getResource("templates").toURI());
        List<String> found = new ArrayList<>();
        List<Path> templates;
        try (Stream<Path> files = Files.walk(root)) {
            templates = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertFalse(templates.isEmpty());
        for (Path template : templates) {
            literalWords(Files.readString(template, StandardCharsets.UTF_8))
                    .forEach(w -> found.add(root.relativize(template) + ": " + w));
        }
        assertEquals(List.of(), found, "words written in templates instead of a message bundle");
    }

    @Test
    void theScanSeesWordsWhereverAReaderDoes() {
        // The test's own check: each way of writing a word into a page is caught, and none of the ways of not doing so.
        assertEquals(List.of("Xin", "chào"), literalWords("<p>Xin chào {name}</p>"));
        assertEquals(List.of("in aria-label=\"Menu\": Menu"), literalWords("<nav aria-label=\"Menu\">{msg:x}</nav>"));
        assertEquals(List.of("quoted in {#include text-field label='Họ tên' /}: 'Họ tên'"),
                literalWords("{#include text-field label='Họ tên' /}"));
        assertEquals(List.of("quoted in {#include text-field name='email' label='Email' /}: 'Email'"),
                literalWords("{#include text-field name='email' label='Email' /}"));
        assertEquals(List.of(), literalWords("<title>{title} — Motcua</title><style>{|a{color:red}|}</style>"
                + "<input type=\"checkbox\" name=\"role\" value=\"{c.code}\"{#if c.held} checked{/if}> {c.label} · ›"
                + "{#include text-field name='username' label=msg:staff_username value=typed.username /}"));
    }
}
