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
}
