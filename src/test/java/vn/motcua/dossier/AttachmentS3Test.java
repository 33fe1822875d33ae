package vn.motcua.dossier;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import vn.motcua.support.S3Server;

/** Every attachment case again, with the files in an S3-compatible store (S3Proxy) instead of the folder. */
@QuarkusTest
@TestProfile(AttachmentS3Test.InBucket.class)
class AttachmentS3Test extends AttachmentTest {

    public static class InBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            S3Server s3 = S3Server.start();
            return Map.of("motcua.dossiers.attachments.s3.endpoint", s3.endpoint.toString(),
                    "motcua.dossiers.attachments.s3.bucket", S3Server.BUCKET,
                    "motcua.dossiers.attachments.s3.access-key", S3Server.ACCESS_KEY,
                    "motcua.dossiers.attachments.s3.secret-key", S3Server.SECRET_KEY,
                    // The folder store would fail here: nothing may be written to it.
                    "motcua.dossiers.attachments.root", "/proc/motcua-no-attachments-here");
        }
    }

    /** A dossier of its own: the one of the folder's run has files that only the folder holds. */
    @BeforeAll
    static void newDossier() {
        code = null;
    }

    @Override
    String expectedStore() {
        return "s3";
    }
}
