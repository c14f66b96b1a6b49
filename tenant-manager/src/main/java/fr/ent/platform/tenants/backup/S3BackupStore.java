package fr.ent.platform.tenants.backup;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Backups in an S3-compatible bucket ({@code ent.backup.s3.*}), the production store: a bucket of its own (not the
 * files' bucket), in the residency region, with object lock or versioning if the provider offers it. AWS SDK v2 with
 * the JDK's HTTP client and path-style addressing, as the runtime's file store ({@code S3FileStore}); an object is
 * written whole or not at all (S3's PUT), so a crash never leaves a half backup under a backup's name.
 */
public final class S3BackupStore implements BackupStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final URI endpoint;

    public S3BackupStore(URI endpoint, String region, String bucket, String prefix, String accessKey, String secretKey,
            Duration timeout) {
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        this.endpoint = endpoint;
        this.s3 = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout))
                .build();
    }

    @Override
    public void put(String name, Path file) throws IOException {
        try {
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key(name))
                    .contentType("application/octet-stream").build(), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new IOException("backup store " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String name) throws IOException {
        try {
            return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key(name)).build());
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(name);
        } catch (SdkException e) {
            throw new IOException("backup store " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String name) throws IOException {
        try {
            s3.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key(name)).build());
        } catch (SdkException e) {
            throw new IOException("backup store " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "s3 " + endpoint + " bucket " + bucket + (prefix.isEmpty() ? "" : " prefix " + prefix);
    }

    @Override
    public void close() {
        s3.close();
    }

    private String key(String name) {
        return prefix + BackupStore.requireName(name);
    }
}
