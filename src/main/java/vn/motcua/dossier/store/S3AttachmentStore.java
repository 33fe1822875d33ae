package vn.motcua.dossier.store;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Attachments in an S3-compatible object store (Amazon S3, MinIO, Ceph, a cloud provider's): one object per
 * attachment, {@code <prefix><dossier>/<attachment>}, in an existing bucket. The key kept in the row is the same as
 * the folder store's ({@code <dossier>/<attachment>}), so moving from the folder to a bucket is a copy of the folder
 * under the prefix. Every upload carries its MD5 so that the store refuses bytes damaged on the way; the SHA-256
 * stays in the database row. The AWS SDK's own checksums are sent only where S3 requires them, because several
 * S3-compatible stores refuse the newer checksum headers.
 */
public final class S3AttachmentStore implements AttachmentStore, AutoCloseable {

    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}/[0-9a-f-]{36}");

    private final S3Client client;
    private final String bucket;
    private final String prefix;

    public S3AttachmentStore(URI endpoint, String bucket, String region, String accessKey, String secretKey, boolean pathStyle,
            String prefix) {
        this.client = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(pathStyle)
                .httpClient(UrlConnectionHttpClient.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public String put(UUID dossierId, UUID attachmentId, byte[] bytes) {
        String key = dossierId + "/" + attachmentId;
        client.putObject(PutObjectRequest.builder().bucket(bucket).key(prefix + key).contentMD5(md5(bytes)).build(),
                RequestBody.fromBytes(bytes));
        return key;
    }

    @Override
    public byte[] get(String key) {
        return client.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(objectName(key)).build()).asByteArray();
    }

    @Override
    public void delete(String key) {
        client.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(objectName(key)).build());
    }

    private String objectName(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not an attachment key: " + key);
        }
        return prefix + key;
    }

    @Override
    public String kind() {
        return "s3";
    }

    @Override
    public void check() {
        client.headBucket(HeadBucketRequest.builder().bucket(bucket).build());
    }

    /** One listing of at most one object under the prefix: as cheap as the folder's check. */
    @Override
    public boolean isEmpty() {
        return client.listObjectsV2(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).maxKeys(1).build())
                .contents().isEmpty();
    }

    @Override
    public void close() {
        client.close();
    }

    private static String md5(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
