package vn.motcua.support;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.extensions.Extensions;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import vn.motcua.platform.web.PageFilters;
import vn.motcua.platform.web.RoutePermission;

/**
 * The application's page routes (đường dẫn của các trang), read from its compiled resource classes the way Quarkus
 * REST finds them: every method with an HTTP method annotation, under its class's {@code @Path}, outside the API.
 * The API's routes come from the OpenAPI document; the pages are hidden from it, so the attack matrix takes them
 * from here, each with the permission it declares ({@link RoutePermission#EXTENSION}).
 */
public final class PageRoutes {

    /**
     * One page route.
     *
     * @param path        the path template, with each parameter as {@code {name}} (regular expressions removed)
     * @param permissions what the route declares; empty when it declares nothing
     * @param where       the resource method, for messages
     * @param stream      it answers with a stream that does not end (Server-Sent Events): read its status and headers only
     */
    public record Route(String method, String path, List<String> permissions, String where, boolean multipart, boolean stream) {

        public boolean isPublic() {
            return permissions.equals(List.of(RoutePermission.PUBLIC));
        }

        public List<String> pathParams() {
            List<String> names = new ArrayList<>();
            Matcher m = PARAM.matcher(path);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private static final Pattern REGEX_PARAM = Pattern.compile("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}");

    private PageRoutes() {
    }

    /**
     * The service's own classes, their annotations read by name: what they refer to in the libraries is not imported
     * (ArchUnit's default follows every reference into the jars, six seconds of the attack matrix's set-up).
     */
    private static Iterable<JavaClass> serviceClasses() {
        com.tngtech.archunit.ArchConfiguration config = com.tngtech.archunit.ArchConfiguration.get();
        boolean resolving = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("vn.motcua");
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolving);
        }
    }

    /** Every page route of the application, sorted by path then method. */
    public static List<Route> all() {
        List<Route> routes = new ArrayList<>();
        for (JavaClass c : serviceClasses()) {
            if (!c.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> type = c.reflect();
            String base = type.getAnnotation(Path.class).value();
            for (Method m : type.getDeclaredMethods()) {
                String http = httpMethod(m);
                if (http == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String path = normalize(base + (sub == null ? "" : "/" + sub.value()));
                if (!PageFilters.isPage(path)) {
                    continue;
                }
                jakarta.ws.rs.Consumes consumes = m.getAnnotation(jakarta.ws.rs.Consumes.class);
                boolean multipart = consumes != null && List.of(consumes.value()).contains(jakarta.ws.rs.core.MediaType.MULTIPART_FORM_DATA);
                jakarta.ws.rs.Produces produces = m.getAnnotation(jakarta.ws.rs.Produces.class);
                boolean stream = produces != null && List.of(produces.value()).contains(jakarta.ws.rs.core.MediaType.SERVER_SENT_EVENTS);
                routes.add(new Route(http, path, permissions(m), type.getSimpleName() + "." + m.getName(), multipart, stream));
            }
        }
        routes.sort(Comparator.comparing(Route::path).thenComparing(Route::method));
        return routes;
    }

    private static String httpMethod(Method m) {
        for (Class<? extends Annotation> a : List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class)) {
            if (m.isAnnotationPresent(a)) {
                return a.getSimpleName();
            }
        }
        return null;
    }

    private static List<String> permissions(Method m) {
        List<Extension> all = new ArrayList<>(List.of(m.getAnnotationsByType(Extension.class)));
        Extensions group = m.getAnnotation(Extensions.class);
        if (group != null) {
            all.addAll(List.of(group.value()));
        }
        return all.stream().filter(e -> e.name().equals(RoutePermission.EXTENSION)).findFirst()
                .map(e -> List.of(e.value().split(","))).orElse(List.of());
    }

    private static String normalize(String path) {
        String p = REGEX_PARAM.matcher(path).replaceAll("{$1}").replaceAll("/+", "/");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("/") ? p : "/" + p;
    }
}
