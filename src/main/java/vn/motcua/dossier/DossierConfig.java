package vn.motcua.dossier;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Dossiers: how submissions are grouped for writing, the public look-up's rate limit, and where attachments are kept
 * and how big they may be.
 */
@ConfigMapping(prefix = "motcua.dossiers")
public interface DossierConfig {

    /** Status look-ups allowed per client address per minute before a 429 answer. */
    @WithDefault("30")
    int lookupsPerMinute();

    /** Queue page size when the client asks for none. */
    @WithDefault("50")
    int queuePageSize();

    Submissions submissions();

    Attachments attachments();

    /** Group commit of submissions ({@link SubmissionWriter}). */
    interface Submissions {

        /**
         * The most submissions written in one transaction ({@code MOTCUA_SUBMISSION_GROUP_SIZE}). Larger groups cost PostgreSQL less per submission but make
         * each waiting caller wait for more rows.
         */
        @WithDefault("32")
        int maxGroupSize();

        /**
         * How many groups may be written at once by this replica ({@code MOTCUA_SUBMISSION_GROUPS_IN_FLIGHT}); each
         * holds one pooled connection. Submissions that arrive while all are busy wait and form the next group. One
         * makes the largest groups, but PostgreSQL then writes one group at a time on one backend while the other
         * core waits; two, the second started only once {@link #furtherGroupAt()} wait, keep groups about as large and
         * nearly doubled the submissions a second on two cores (docs/benchmarks.md, issue 20 part 8).
         */
        @WithDefault("2")
        int groupsInFlight();

        /**
         * With more than one group allowed in flight, a further group starts only once this many submissions wait
         * ({@code MOTCUA_SUBMISSION_FURTHER_GROUP_AT}); fewer wait for the group in flight to end. A second group then
         * runs beside the first only under a load that fills it, and groups stay large (a second group started at
         * once made groups of 8 instead of 16, which cost PostgreSQL half as much again per submission).
         */
        @WithDefault("16")
        int furtherGroupAt();
    }

    interface Attachments {

        /**
         * An S3-compatible object store to keep the files in instead of the folder: set its endpoint, bucket and keys
         * ({@code MOTCUA_ATTACHMENTS_S3_ENDPOINT} and so on) and the folder is no longer used.
         */
        S3 s3();

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

    /** An S3-compatible object store for attachments ({@link S3AttachmentStore}); used when its endpoint is set. */
    interface S3 {

        /**
         * The store's address: {@code https://s3.ap-southeast-1.amazonaws.com}, or a MinIO's {@code http://minio:9000}.
         * Unset: attachments are kept in the folder.
         */
        Optional<URI> endpoint();

        /** The bucket, which must exist; the service creates none. Required with the endpoint. */
        Optional<String> bucket();

        /** The signing region; S3-compatible stores usually accept any. */
        @WithDefault("us-east-1")
        String region();

        /** The access key id. Required with the endpoint. */
        Optional<String> accessKey();

        /** The secret key. Required with the endpoint. */
        Optional<String> secretKey();

        /** Bucket in the path rather than in the host name, as MinIO, Ceph and most S3-compatible stores expect. */
        @WithDefault("true")
        boolean pathStyle();

        /** Put before every object's key, so that one bucket can hold other things too. */
        @WithDefault("attachments/")
        String prefix();
    }
}
