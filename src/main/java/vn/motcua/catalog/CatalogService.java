package vn.motcua.catalog;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import vn.motcua.platform.error.ProblemException;
import vn.motcua.platform.error.ProblemType;
import vn.motcua.tenant.Level;
import vn.motcua.tenant.Tenant;
import vn.motcua.tenant.TenantDirectory;

/**
 * The procedure catalog: read and validated at start against the tenant tree's levels (a bad file stops the start),
 * then searched in memory. Other features ask this service for a procedure's version in force.
 */
@ApplicationScoped
public class CatalogService {

    private static final Logger LOG = Logger.getLogger(CatalogService.class);

    /** A procedure found by a search, with how well it matched. */
    public record Hit(Procedure procedure, Procedure.Version version, int score) {
    }

    private final CatalogConfig config;
    private final TenantDirectory tenants;
    private volatile Map<String, Procedure> catalog = Map.of();
    private volatile CatalogGuide guide = CatalogGuide.EMPTY;
    private CompletableFuture<CatalogFiles.Read> reading;

    CatalogService(CatalogConfig config, TenantDirectory tenants) {
        this.config = config;
        this.tenants = tenants;
    }

    /** Before anything else of the start: read the files on another thread while the tenants are synced. */
    void read(@Observes @Priority(500) StartupEvent event) {
        reading = CompletableFuture.supplyAsync(() -> CatalogFiles.loadWithoutLevels(config.root()));
    }

    /** After the tenants: a procedure's levels are checked against the tree's. */
    void onStart(@Observes @Priority(2000) StartupEvent event) {
        var levels = tenants.tree().await().atMost(Duration.ofSeconds(30)).levels().stream().map(Level::code)
                .collect(Collectors.toSet());
        try {
            catalog = CatalogFiles.checkLevels(reading.join(), levels);
            guide = CatalogGuide.load(config.guideFile(), catalog);
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof CatalogDataException bad) {
                LOG.error(bad.getMessage());
                throw bad;
            }
            throw e;
        } catch (CatalogDataException e) {
            LOG.error(e.getMessage());
            throw e;
        }
        LOG.infof("Catalog: %d procedures from %s", catalog.size(), config.root());
    }

    /** The portal's guide: fields and their questions, life events. */
    public CatalogGuide guide() {
        return guide;
    }

    /** The procedure, if the catalog has it. */
    public Optional<Procedure> find(String code) {
        return Optional.ofNullable(code == null ? null : catalog.get(code));
    }

    /** The procedure, or a 404 problem ({@code procedure-not-found}). */
    public Procedure require(String code) {
        Procedure p = catalog.get(code);
        if (p == null) {
            throw new ProblemException(ProblemType.PROCEDURE_NOT_FOUND, code);
        }
        return p;
    }

    /** Its version in force on {@code date}, or a 404 problem when it did not exist yet. */
    public Procedure.Version versionAt(String code, LocalDate date) {
        return require(code).versionAt(date).orElseThrow(() -> new ProblemException(ProblemType.PROCEDURE_NOT_FOUND, code));
    }

    /**
     * Procedures in force on {@code date}, offered by {@code tenant} when given, of {@code field} when given, matching
     * every word of {@code query} when given; best match first, then by name.
     */
    public Uni<List<Hit>> search(String tenantCode, String field, String query, LocalDate date) {
        Uni<Optional<Tenant>> tenant = tenantCode == null || tenantCode.isBlank() ? Uni.createFrom().item(Optional.empty())
                : tenants.require(tenantCode).map(Optional::of);
        List<String> words = query == null ? List.of() : TextSearch.words(query);
        return tenant.map(t -> catalog.values().stream()
                .map(p -> p.versionAt(date).map(v -> new Hit(p, v, score(p, v, words))).orElse(null))
                .filter(h -> h != null && (words.isEmpty() || h.score() > 0))
                .filter(h -> field == null || field.isBlank() || field.equals(h.version().field()))
                .filter(h -> t.isEmpty() || h.version().offeredAt(t.get()))
                .sorted(Comparator.comparingInt(Hit::score).reversed()
                        .thenComparing(h -> TextSearch.fold(h.version().name().vi())))
                .toList());
    }

    /** Every procedure of the catalog, in no particular order. */
    public java.util.Collection<Procedure> all() {
        return java.util.Collections.unmodifiableCollection(catalog.values());
    }

    /** Text as searches compare it: lower case, without diacritics ("Nguyễn Văn Đức" → "nguyen van duc"). */
    public static String fold(String text) {
        return TextSearch.fold(text);
    }

    private static int score(Procedure p, Procedure.Version v, List<String> words) {
        if (words.isEmpty()) {
            return 1;
        }
        List<String> name = TextSearch.words(v.name().vi() + " " + v.name().en());
        List<String> other = TextSearch.words(p.code() + " " + v.field() + " " + v.result().vi() + " " + v.guide().vi());
        return TextSearch.score(words, name, other);
    }
}
