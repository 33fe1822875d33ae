package vn.motcua.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextSearchTest {

    @Test
    void foldsCaseAndEveryVietnameseDiacritic() {
        assertEquals("dang ky khai sinh", TextSearch.fold("Đăng ký khai sinh"));
        assertEquals("ay a e ee oo o u uu i y d", TextSearch.fold("ẫy Ặ Ẽ Ểể Ộồ Ờ Ữ Ựừ Ị Ỹ đ"));
    }

    @Test
    void everyQueryWordMustMatchAWordStartWhereverItIs() {
        List<String> name = TextSearch.words("Đăng ký khai sinh");
        assertTrue(TextSearch.score(TextSearch.words("dang ky khai sinh"), name, List.of()) > 0);
        assertTrue(TextSearch.score(TextSearch.words("KHAI SIN"), name, List.of()) > 0, "unfinished words");
        assertTrue(TextSearch.score(TextSearch.words("sinh khai"), name, List.of()) > 0, "any order");
        assertEquals(0, TextSearch.score(TextSearch.words("khai tu"), name, List.of()), "every word must match");
        assertTrue(TextSearch.score(TextSearch.words("khai sinh"), name, List.of())
                > TextSearch.score(TextSearch.words("khai"), List.of(), TextSearch.words("khai sinh")), "names rank first");
    }

    @Test
    void smallTyposInLongerWordsAreForgivenShortWordsMustMatch() {
        List<String> name = TextSearch.words("Đăng ký kết hôn");
        assertTrue(TextSearch.score(TextSearch.words("dang ky khia sinh"), TextSearch.words("Đăng ký khai sinh"), List.of()) > 0,
                "two letters swapped");
        assertTrue(TextSearch.score(TextSearch.words("dnag ky ket hon"), name, List.of()) > 0, "swapped in the first word");
        assertTrue(TextSearch.score(TextSearch.words("thuong tru"), TextSearch.words("Đăng ký thường trú"), List.of()) > 0);
        assertTrue(TextSearch.score(TextSearch.words("thuonng"), TextSearch.words("Đăng ký thường trú"), List.of()) > 0, "a letter too many");
        assertEquals(0, TextSearch.score(TextSearch.words("ket hin"), name, List.of()), "three letters: no typo allowed");
        assertEquals(0, TextSearch.score(TextSearch.words("xxxx"), name, List.of()));
        assertTrue(TextSearch.near("chungthuc", "chung") == false, "far longer than the word");
        assertEquals(1, TextSearch.distance("khia", "khai"));
        assertEquals(2, TextSearch.distance("giam ho", "giamho "));
        assertTrue(TextSearch.score(TextSearch.words("khai sinh"), name, List.of()) == 0, "typos do not join unrelated names");
    }
}
