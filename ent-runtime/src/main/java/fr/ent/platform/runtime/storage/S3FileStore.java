package fr.ent.platform.runtime.storage;

import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.Unavailable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Files in one bucket of an S3-compatible object storage (OVHcloud, Outscale, Cloud Temple... whichever the
 * sovereign rules accept: {@code StorageConfiguration} checks the endpoint before this store is built). The object
 * name is the whole {@link ObjectKey}, collectivity first, so each collectivity is a prefix of its own.
 *
 * <p>AWS SDK v2 with the JDK's HTTP client, path-style addressing by default (most non-AWS providers and S3Proxy
 * want it), and checksums only where the protocol requires them (the SDK's default CRC trailers are not understood
 * by every provider). A put from a stream is first spooled to a local temporary file, within the size limit: S3
 * needs the length before the first byte, and a refused upload then never reaches the bucket. S3's own PUT is
 * atomic: an object is replaced whole or not at all.
 */
public final class S3FileStore implements FileStore, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(S3FileStore.class.getName());

    /** Where and how to reach the bucket. */
    public record Endpoint(URI url, String region, String bucket, String accessKey, String secretKey,
                           boolean pathStyle, Duration timeout) {
        public Endpoint {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(accessKey, "accessKey");
            Objects.requireNonNull(secretKey, "secretKey");
            Objects.requireNonNull(timeout, "timeout");
        }

        @Override
        public String toString() {
            return "Endpoint[" + url + ", region " + region + ", bucket " + bucket + "]";
        }
    }

    private final S3Client s3;
    private final String bucket;
    private final Path temporary;

    public S3FileStore(Endpoint endpoint, Path temporary) {
        this.bucket = endpoint.bucket();
        this.temporary = temporary;
        try {
            Files.createDirectories(temporary);
        } catch (IOException e) {
            throw new IllegalStateException("répertoire temporaire " + temporary + " : " + e.getMessage(), e);
        }
        this.s3 = S3Client.builder()
                .endpointOverride(endpoint.url())
                .region(Region.of(endpoint.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(endpoint.accessKey(), endpoint.secretKey())))
                .forcePathStyle(endpoint.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(endpoint.timeout())
                        .socketTimeout(endpoint.timeout()))
                .build();
    }

    @Override
    public StoredObject put(ObjectKey key, String contentType, long maxBytes, InputStream content) {
        Path spool = null;
        try {
            spool = Files.createTempFile(temporary, "s3-put-", ".part");
            try (OutputStream out = Files.newOutputStream(spool)) {
                Limits.copy(content, out, maxBytes);
            }
            return putFile(key, contentType, spool);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "S3 put of " + key + " failed before sending", e);
            throw new Unavailable("storage-unavailable", e.getClass().getSimpleName());
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException e) {
                    LOG.log(Level.FINE, "temporary file left: " + spool, e);
                }
            }
        }
    }

    @Override
    public StoredObject putFile(ObjectKey key, String contentType, Path file) {
        String type = contentType == null || contentType.isBlank() ? DiskFileStore.DEFAULT_TYPE : contentType;
        try {
            long size = Files.size(file);
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key.value()).contentType(type)
                    .contentLength(size).build(), RequestBody.fromFile(file));
            return new StoredObject(key, type, size);
        } catch (IOException e) {
            throw new Unavailable("storage-unavailable", e.getClass().getSimpleName());
        } catch (SdkException e) {
            throw unavailable("put", key, e);
        }
    }

    @Override
    public StoredFile get(ObjectKey key) {
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(
                    GetObjectRequest.builder().bucket(bucket).key(key.value()).build());
            GetObjectResponse response = in.response();
            String type = response.contentType() == null ? DiskFileStore.DEFAULT_TYPE : response.contentType();
            long size = response.contentLength() == null ? -1 : response.contentLength();
            return new StoredFile(new StoredObject(key, type, size), in);
        } catch (NoSuchKeyException e) {
            throw new NotFound("storage-object-not-found", key.path());
        } catch (SdkException e) {
            throw unavailable("get", key, e);
        }
    }

    @Override
    public boolean delete(ObjectKey key) {
        // S3 deletes are idempotent and do not say whether there was an object: ask first
        boolean existed = exists(key);
        try {
            s3.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key.value()).build());
            return existed;
        } catch (SdkException e) {
            throw unavailable("delete", key, e);
        }
    }

    @Override
    public boolean exists(ObjectKey key) {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key.value()).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw unavailable("head", key, e);
        } catch (SdkException e) {
            throw unavailable("head", key, e);
        }
    }

    @Override
    public String kind() {
        return "s3";
    }

    private Unavailable unavailable(String operation, ObjectKey key, SdkException e) {
        LOG.log(Level.WARNING, "S3 " + operation + " of " + key + " in bucket " + bucket + " failed: "
                + e.getMessage());
        String reason = e instanceof S3Exception s ? "S3 " + s.statusCode() : e.getClass().getSimpleName();
        return new Unavailable("storage-unavailable", reason);
    }

    @Override
    public void close() {
        s3.close();
    }
}
