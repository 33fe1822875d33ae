package vn.motcua.dossier.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import vn.motcua.support.S3Server;

/** The S3-compatible attachment store against a real S3 server (S3Proxy), signatures checked. */
class S3AttachmentStoreTest {

    static final S3Server SERVER = S3Server.start();

    static S3AttachmentStore store(String secret) {
        return store(S3Server.BUCKET, secret);
    }

    static S3AttachmentStore store(String bucket, String secret) {
        return new S3AttachmentStore(SERVER.endpoint, bucket, "us-east-1", S3Server.ACCESS_KEY, secret, true, "store-test/");
    }

    @Test
    void storesAndReadsBackTheBytesUnderThePrefixWithTheFolderStoresKey() throws Exception {
        byte[] bytes = new byte[300_000];
        new java.util.Random(7).nextBytes(bytes);
        UUID dossier = UUID.randomUUID();
        UUID attachment = UUID.randomUUID();
        try (S3AttachmentStore store = store(S3Server.SECRET_KEY)) {
            String key = store.put(dossier, attachment, bytes);
            assertEquals(dossier + "/" + attachment, key, "the same key as the folder store's: a move is a copy");
            assertArrayEquals(bytes, store.get(key));
        }
        // The object is in the bucket under the prefix (S3Proxy keeps it as a file), not in any folder of the service.
        Path object = SERVER.folder.resolve(S3Server.BUCKET).resolve("store-test").resolve(dossier.toString()).resolve(attachment.toString());
        assertTrue(Files.isRegularFile(object), object.toString());
        assertArrayEquals(bytes, Files.readAllBytes(object));
    }

    @Test
    void aMissingObjectOrAForeignKeyIsAnErrorNotEmptyBytes() throws Exception {
        try (S3AttachmentStore store = store(S3Server.SECRET_KEY)) {
            assertThrows(NoSuchKeyException.class, () -> store.get(UUID.randomUUID() + "/" + UUID.randomUUID()));
            assertThrows(IllegalArgumentException.class, () -> store.get("../other-bucket/secret"));
        }
    }

    @Test
    void aWrongSecretIsRefusedByTheStore() throws Exception {
        try (S3AttachmentStore store = store("not-the-secret")) {
            S3Exception refused = assertThrows(S3Exception.class, () -> store.put(UUID.randomUUID(), UUID.randomUUID(), new byte[] { 1, 2, 3 }));
            assertEquals(403, refused.statusCode());
        }
    }

    @Test
    void aDeletedObjectIsGone() throws Exception {
        try (S3AttachmentStore store = store(S3Server.SECRET_KEY)) {
            String key = store.put(UUID.randomUUID(), UUID.randomUUID(), new byte[] { 1, 2, 3 });
            store.delete(key);
            assertEquals(404, assertThrows(S3Exception.class, () -> store.get(key)).statusCode());
            store.delete(key); // deleting twice is not an error, as for a file
        }
    }

    @Test
    void theCheckFailsOnAMissingBucketOrWrongKeysAndPassesOtherwise() throws Exception {
        try (S3AttachmentStore good = store(S3Server.SECRET_KEY);
                S3AttachmentStore noBucket = store("no-such-bucket", S3Server.SECRET_KEY);
                S3AttachmentStore badKey = store("not-the-secret")) {
            good.check();
            assertEquals(404, assertThrows(S3Exception.class, noBucket::check).statusCode());
            assertEquals(403, assertThrows(S3Exception.class, badKey::check).statusCode());
        }
    }
}
