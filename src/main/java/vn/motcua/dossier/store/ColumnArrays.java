package vn.motcua.dossier.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Many rows in one statement, sent as one typed array per column and turned back into rows by {@code unnest}: how the
 * group writer inserts a group's dossiers, steps, history and notices.
 *
 * <p>Why not a JSON array read with {@code jsonb_to_recordset}, as before: PostgreSQL then parsed the text of every
 * row and converted each value from text (about 0.1 ms of its CPU per submission for the dossier and step rows,
 * against 0.35 ms for the dossier statement itself: docs/benchmarks.md), and the service wrote that text through
 * Jackson's object mapper. Arrays travel in the client's binary format, each value already in its type (a uuid as
 * 16 bytes, a time as a number); only a {@code jsonb} value is still text to parse, as it must be.
 *
 * <p>A value that is itself an array ({@code text[]}, a dossier's tenants) cannot be an element of an array that
 * {@code unnest} zips (PostgreSQL's arrays are rectangular): it travels as the array's literal in a {@code text[]}
 * and {@link #select} casts it back.
 */
final class ColumnArrays {

    /** A column of the rows: its name, and its SQL type ({@code uuid}, {@code text}, {@code int}, ...). */
    record Column(String name, String type) {

        private boolean nested() {
            return type.endsWith("[]");
        }
    }

    private ColumnArrays() {
    }

    /** Columns from {@code "name type"} pairs, in order: {@code columns("id uuid", "seq int")}. */
    static List<Column> columns(String... namesAndTypes) {
        List<Column> out = new ArrayList<>();
        for (String c : namesAndTypes) {
            int space = c.indexOf(' ');
            out.add(new Column(c.substring(0, space), c.substring(space + 1).strip()));
        }
        return List.copyOf(out);
    }

    /** The columns' names, for the insert's column list: {@code id, name, ...}. */
    static String names(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /**
     * The rows as a relation {@code x}: {@code unnest($first::uuid[], $first+1::text[], ...) as x(id, name, ...)}, one
     * parameter per column, numbered from {@code first}.
     */
    static String from(List<Column> columns, int first) {
        return "unnest(" + IntStream.range(0, columns.size())
                .mapToObj(i -> "$" + (first + i) + "::" + (columns.get(i).nested() ? "text" : columns.get(i).type()) + "[]")
                .collect(Collectors.joining(", ")) + ") as x(" + columns.stream().map(Column::name).collect(Collectors.joining(", "))
                + ")";
    }

    /** Each column of {@link #from}'s relation in its own type, named as itself: what {@code select *} would be. */
    static String select(List<Column> columns) {
        return columns.stream().map(c -> c.nested() ? "x." + c.name() + "::" + c.type() + " as " + c.name() : "x." + c.name())
                .collect(Collectors.joining(", "));
    }

    /**
     * The parameters of {@link #from}: one array per column, of the rows' values in order (each row's values in the
     * columns' order). A value of the wrong type fails here, naming the column, before anything is sent.
     */
    static Tuple values(List<Column> columns, List<Object[]> rows) {
        Tuple t = Tuple.tuple();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            Object[] array = empty(column, rows.size());
            for (int r = 0; r < rows.size(); r++) {
                Object value = rows.get(r)[c];
                try {
                    array[r] = column.nested() ? literal((String[]) value) : value;
                } catch (ClassCastException | ArrayStoreException e) {
                    throw new IllegalArgumentException("column " + column.name() + " (" + column.type() + "): "
                            + value.getClass().getSimpleName(), e);
                }
            }
            t.addValue(array);
        }
        return t;
    }

    /** The array the SQL client sends as the column's type. */
    private static Object[] empty(Column column, int size) {
        if (column.nested()) {
            return new String[size];
        }
        return switch (column.type()) {
            case "uuid" -> new UUID[size];
            case "text" -> new String[size];
            case "int" -> new Integer[size];
            case "bigint" -> new Long[size];
            case "numeric" -> new BigDecimal[size];
            case "boolean" -> new Boolean[size];
            case "date" -> new LocalDate[size];
            case "timestamptz" -> new OffsetDateTime[size];
            case "jsonb" -> new JsonObject[size];
            default -> throw new IllegalArgumentException("column " + column.name() + ": no array for type " + column.type());
        };
    }

    /** PostgreSQL's literal of a text array: every element quoted, so that no value can change its shape. */
    static String literal(String[] values) {
        if (values == null) {
            return null;
        }
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            if (values[i] == null) {
                b.append("NULL");
                continue;
            }
            b.append('"');
            for (char ch : values[i].toCharArray()) {
                if (ch == '"' || ch == '\\') {
                    b.append('\\');
                }
                b.append(ch);
            }
            b.append('"');
        }
        return b.append('}').toString();
    }
}
