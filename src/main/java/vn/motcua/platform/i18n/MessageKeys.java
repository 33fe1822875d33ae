package vn.motcua.platform.i18n;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.quarkus.arc.Arc;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * A message of a bundle read by its key, for the words an enum or a code carries the key of (a problem type, a field
 * issue, a staff role, an audit purpose), so that no switch over their values is written by hand.
 *
 * <p>It uses Qute's own dynamic lookup, {@code {bundle:message(key, args…)}} (the key {@code message} is reserved for
 * it), through one tiny template per bundle and number of arguments; the message is the bundle's, in the locale asked
 * for, rendered exactly as its typed method would render it. Keys are the bundle interface's method names (the
 * build checks each has its text in both languages); the tests check that every value of every such enum has its
 * key. A key that is not a method of the bundle is refused here rather than rendered as a placeholder.
 */
public final class MessageKeys {

    private static final Map<Class<?>, Map<String, Method>> METHODS = new ConcurrentHashMap<>();
    private static final Map<String, Template> LOOKUPS = new ConcurrentHashMap<>();

    /**
     * The messages already rendered, by bundle, locale, key and arguments. A message is a pure function of those (the
     * bundles are fixed at build time), and rendering one costs two template instances (this class's look-up and the
     * message's own), each run through every instance initializer of the engine: on the console's queue page, 50 rows
     * of a few messages each were a third of the page's time at 1 M dossiers. Bounded: when full it is emptied and
     * fills again with what the pages ask for now.
     */
    private static final Map<List<Object>, String> RENDERED = new ConcurrentHashMap<>();

    /** How many rendered messages are kept; the distinct ones a day's pages ask for are a few thousand. */
    static final int KEPT = 20_000;

    private MessageKeys() {
    }

    /** Whether {@code bundle} has a message keyed {@code key}. */
    public static boolean has(Class<?> bundle, String key) {
        return methods(bundle).containsKey(key);
    }

    /** The message {@code key} of {@code bundle} in {@code locale}, without arguments. */
    public static String text(Class<?> bundle, Locale locale, String key) {
        return text(bundle, locale, key, List.of());
    }

    /**
     * The message {@code key} of {@code bundle} in {@code locale}, with {@code args} in the order of its method's
     * parameters. A missing or {@code null} argument is given as the method's empty value ({@code ""}, or {@code 0}
     * for a number), as a hand-written call did.
     */
    public static String text(Class<?> bundle, Locale locale, String key, List<?> args) {
        List<Object> memo = new java.util.ArrayList<>(args.size() + 3);
        memo.add(bundle);
        memo.add(locale);
        memo.add(key);
        memo.addAll(args);
        String kept = RENDERED.get(memo);
        if (kept != null) {
            return kept;
        }
        String text = render(bundle, locale, key, args);
        if (RENDERED.size() >= KEPT) {
            RENDERED.clear();
        }
        RENDERED.put(memo, text);  // a list of its own, never changed after this
        return text;
    }

    private static String render(Class<?> bundle, Locale locale, String key, List<?> args) {
        Method method = methods(bundle).get(key);
        if (method == null) {
            throw new IllegalArgumentException("No message [" + key + "] in the bundle " + bundle.getName());
        }
        Class<?>[] types = method.getParameterTypes();
        String namespace = bundle.getAnnotation(MessageBundle.class).value();
        Template lookup = LOOKUPS.computeIfAbsent(namespace + "/" + types.length, k -> Arc.container().instance(Engine.class).get()
                .parse("{" + namespace + ":message(key" + IntStream.range(0, types.length).mapToObj(i -> ",a" + i)
                        .collect(Collectors.joining()) + ")}"));
        TemplateInstance instance = lookup.instance().data("key", key);
        for (int i = 0; i < types.length; i++) {
            instance.data("a" + i, argument(args, i, types[i]));
        }
        instance.setLocale(locale);
        return instance.render();
    }

    /** An argument as the message's parameter type (the bundle's generated code casts to it). */
    private static Object argument(List<?> args, int i, Class<?> type) {
        Object value = args.size() > i ? args.get(i) : null;
        if (type == int.class || type == Integer.class) {
            return value instanceof Number n ? n.intValue() : 0;
        }
        if (type == long.class || type == Long.class) {
            return value instanceof Number n ? n.longValue() : 0L;
        }
        if (type == String.class) {
            return value == null ? "" : value.toString();
        }
        return value;
    }

    private static Map<String, Method> methods(Class<?> bundle) {
        return METHODS.computeIfAbsent(bundle, b -> {
            if (!b.isInterface() || !b.isAnnotationPresent(MessageBundle.class)) {
                throw new IllegalArgumentException(b.getName() + " is not a message bundle");
            }
            return Arrays.stream(b.getMethods()).collect(Collectors.toUnmodifiableMap(Method::getName, Function.identity()));
        });
    }
}
