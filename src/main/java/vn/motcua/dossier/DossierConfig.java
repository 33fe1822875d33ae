package vn.motcua.dossier;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Dossiers: the public look-up's rate limit, and where attachments are kept and how big they may be. */
@ConfigMapping(prefix = "motcua.dossiers")
public interface DossierConfig {

    /** Status look-ups allowed per client address per minute before a 429 answer. */
    @WithDefault("30")
    int lookupsPerMinute();

    /** Queue page size when the client asks for none. */
    @WithDefault("50")
    int queuePageSize();

    Attachments attachments();

    interface Attachments {

        /** The folder under which attachment files are stored (variable {@code MOTCUA_ATTACHMENTS_DIR}). */
        @WithDefault("data/attachments")
        Path root();

        /** The largest upload accepted, in megabytes: a phone photo or a scanned PDF of many pages. */
        @WithDefault("25")
        int maxMegabytes();

        /** Photos are scaled down to this many pixels on their long side before they are stored. */
        @WithDefault("2400")
        int maxImageSide();

        /** JPEG quality of stored photos, 0 to 1. */
        @WithDefault("0.82")
        double jpegQuality();
    }
}
