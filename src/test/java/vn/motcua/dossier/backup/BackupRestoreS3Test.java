package vn.motcua.dossier.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import vn.motcua.platform.embedded.FreePorts;
import vn.motcua.support.S3Profile;
import vn.motcua.support.S3Server;

/**
 * Every backup and restore case again with the service's files in an S3-compatible store (S3Proxy, a real S3 server,
 * signatures checked): backed up from the service's bucket, restored into a new bucket; and a store that cannot be
 * used, found before anything is written rather than after a restore without its files.
 */
@QuarkusTest
@TestProfile(S3Profile.class)
class BackupRestoreS3Test extends BackupRestoreTest {

    static final S3Server SERVER = S3Server.start();

    @Override
    BackupSettings.Store store() {
        return bucket(SERVER.endpoint, S3Server.BUCKET, S3Server.SECRET_KEY);
    }

    @Override
    BackupSettings.Store freshStore() {
        return bucket(SERVER.endpoint, SERVER.newBucket(), S3Server.SECRET_KEY);
    }

    @Override
    Path fileIn(BackupSettings.Store store, String key) {
        return SERVER.object(store.bucket(), store.prefix() + key);
    }

    static BackupSettings.Store bucket(URI endpoint, String bucket, String secretKey) {
        return new BackupSettings.Store(Path.of("/proc/motcua-no-attachments-here"), Optional.of(endpoint), bucket, "us-east-1",
                S3Server.ACCESS_KEY, secretKey, true, S3Profile.PREFIX);
    }

    /** An address where nothing listens: the store's server down, or a wrong endpoint. */
    static URI nothingListening() {
        return URI.create("http://127.0.0.1:" + FreePorts.preferring(0));
    }

    @Test
    void anUnreachableEndpointAMissingBucketOrRefusedKeysStopTheRestoreBeforeTheDatabase() throws Exception {
        Path dir = backedUp();
        freshDatabase();
        for (BackupSettings.Store store : List.of(bucket(nothingListening(), SERVER.newBucket(), S3Server.SECRET_KEY),
                bucket(SERVER.endpoint, "no-such-bucket", S3Server.SECRET_KEY),
                bucket(SERVER.endpoint, SERVER.newBucket(), "not-the-secret"))) {
            BackupException refused = assertThrows(BackupException.class, () -> Backups.restore(restoredInto(store), dir));
            String m = refused.getMessage();
            assertTrue(m.startsWith("the attachment store cannot be used, nothing restored: " + store.describe()), m);
            assertTrue(store.bucket().equals("no-such-bucket") == m.endsWith("no such bucket (404)"), m);
            assertTrue(store.secretKey().equals("not-the-secret") == m.endsWith("refused (403)"), m);
        }
        assertEquals(0, tables(restoredInto(store())), "no table loaded without the files to go with it");
    }

    @Test
    void anUnreachableEndpointStopsTheBackupBeforeItWritesAnything() throws Exception {
        Path dir = newBackupDir();
        BackupSettings down = source(bucket(nothingListening(), S3Server.BUCKET, S3Server.SECRET_KEY));
        BackupException refused = assertThrows(BackupException.class, () -> Backups.backup(down, dir));
        assertTrue(refused.getMessage().startsWith("the attachment store cannot be used, no backup taken: bucket "),
                refused.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "not a backup that would restore without its files");
        }
    }
}
