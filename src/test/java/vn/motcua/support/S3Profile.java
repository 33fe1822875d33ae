package vn.motcua.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service with its attachments in an S3-compatible store ({@link S3Server}, S3Proxy) instead of the folder. One
 * profile for every test of that store, so Quarkus starts once for them ({@code AttachmentS3Test},
 * {@code BackupRestoreS3Test}).
 */
public class S3Profile implements QuarkusTestProfile {

    /** The service's objects are {@code <PREFIX><dossier>/<attachment>} in {@link S3Server#BUCKET}. */
    public static final String PREFIX = "attachments/";

    @Override
    public Map<String, String> getConfigOverrides() {
        S3Server s3 = S3Server.start();
        return Map.of("motcua.dossiers.attachments.s3.endpoint", s3.endpoint.toString(),
                "motcua.dossiers.attachments.s3.bucket", S3Server.BUCKET,
                "motcua.dossiers.attachments.s3.access-key", S3Server.ACCESS_KEY,
                "motcua.dossiers.attachments.s3.secret-key", S3Server.SECRET_KEY,
                "motcua.dossiers.attachments.s3.prefix", PREFIX,
                // The folder store would fail here: nothing may be written to it.
                "motcua.dossiers.attachments.root", "/proc/motcua-no-attachments-here");
    }
}
