package vn.motcua.tenant;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the tenant data lives. */
@ConfigMapping(prefix = "motcua.tenants")
public interface TenantConfig {

    /**
     * The tenants folder: {@code levels.yaml}, {@code postal-offices.yaml} and {@code tree/**.yaml}. Variable
     * {@code MOTCUA_TENANTS_DIR}; relative paths are resolved against the working directory.
     */
    @WithDefault("tenants")
    Path root();
}
