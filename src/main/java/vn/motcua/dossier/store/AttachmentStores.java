package vn.motcua.dossier.store;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import vn.motcua.dossier.DossierConfig;

/** Chooses the attachment store: the S3-compatible one when its settings are given, else the folder. */
@ApplicationScoped
class AttachmentStores {

    @Produces
    @Singleton
    AttachmentStore store(DossierConfig config) {
        DossierConfig.Attachments a = config.attachments();
        DossierConfig.S3 s3 = a.s3();
        if (s3.endpoint().isEmpty()) {
            return new FileAttachmentStore(a.root());
        }
        String prefix = "motcua.dossiers.attachments.s3.";
        return new S3AttachmentStore(s3.endpoint().get(), required(s3.bucket(), prefix + "bucket"), s3.region(),
                required(s3.accessKey(), prefix + "access-key"), required(s3.secretKey(), prefix + "secret-key"),
                s3.pathStyle(), s3.prefix());
    }

    /** A start that stops on a half-configured store rather than at the first upload. */
    private static String required(Optional<String> value, String property) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException(
                property + " must be set when the S3 attachment store's endpoint is"));
    }

    void close(@Disposes AttachmentStore store) throws Exception {
        if (store instanceof AutoCloseable c) {
            c.close();
        }
    }
}
