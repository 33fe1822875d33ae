package vn.motcua.dossier;

import org.junit.jupiter.api.BeforeAll;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import vn.motcua.support.S3Profile;

/** Every attachment case again, with the files in an S3-compatible store (S3Proxy) instead of the folder. */
@QuarkusTest
@TestProfile(S3Profile.class)
class AttachmentS3Test extends AttachmentTest {

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
