package vn.motcua.catalog;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the procedure catalog lives. */
@ConfigMapping(prefix = "motcua.catalog")
public interface CatalogConfig {

    /** The catalog folder: one YAML file per procedure. Variable {@code MOTCUA_CATALOG_DIR}. */
    @WithDefault("tenants/catalog")
    Path root();

    /**
     * The portal's guide: the fields' names and frequent questions, and the life events that group procedures. By
     * default {@code guide.yaml} beside the catalog folder, so that a catalog and its guide move together; a missing
     * file gives an empty guide. Variable {@code MOTCUA_CATALOG_GUIDE}.
     */
    java.util.Optional<Path> guide();

    /** The guide file in use. */
    default Path guideFile() {
        return guide().orElseGet(() -> root().toAbsolutePath().resolveSibling("guide.yaml"));
    }
}
