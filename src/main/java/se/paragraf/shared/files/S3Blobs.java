package se.paragraf.shared.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Files as objects in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, s3proxy…), addressed
 * path-style ({@code endpoint/bucket/key}) as such servers expect. Each object carries its SHA-256 as
 * metadata for the operator; what is checked on read is the checksum the database recorded. The
 * SDK's own CRC checksums are only sent where S3 requires them, since not every compatible server
 * knows them. The bucket is made at start if it does not exist.
 */
class S3Blobs implements Blobs, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(S3Blobs.class);

	private final S3Client client;

	private final String bucket;

	private final String prefix;

	private final Path spool;

	S3Blobs(FileSettings.S3 settings) {
		this.bucket = settings.bucket();
		this.prefix = settings.prefix() == null ? "" : settings.prefix();
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(settings.region()))
			.credentialsProvider(credentials(settings))
			.forcePathStyle(true)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
			builder.endpointOverride(URI.create(settings.endpoint()));
		}
		this.client = builder.build();
		try {
			this.spool = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "paragraf-uploads"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ensureBucket();
	}

	private static AwsCredentialsProvider credentials(FileSettings.S3 settings) {
		if (settings.accessKey() == null || settings.accessKey().isBlank()) {
			// The SDK's chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profiles, instance roles.
			return DefaultCredentialsProvider.builder().build();
		}
		return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
				settings.secretKey() == null ? "" : settings.secretKey()));
	}

	private void ensureBucket() {
		try {
			this.client.headBucket(request -> request.bucket(this.bucket));
		}
		catch (NoSuchBucketException ex) {
			create();
		}
		catch (S3Exception ex) {
			if (ex.statusCode() != 404) {
				throw ex;
			}
			create();
		}
	}

	private void create() {
		log.info("Creating the bucket {} for Paragraf's files", this.bucket);
		this.client.createBucket(request -> request.bucket(this.bucket));
	}

	@Override
	public void put(String key, Path spooled, long size, String sha256) {
		this.client.putObject(request(key, size, sha256), RequestBody.fromFile(spooled));
	}

	@Override
	public void put(String key, byte[] content, String sha256) {
		this.client.putObject(request(key, content.length, sha256), RequestBody.fromBytes(content));
	}

	private PutObjectRequest request(String key, long size, String sha256) {
		return PutObjectRequest.builder()
			.bucket(this.bucket)
			.key(this.prefix + key)
			.contentLength(size)
			.contentType("application/octet-stream")
			.metadata(Map.of("sha256", sha256))
			.build();
	}

	@Override
	public byte[] get(String key) {
		try {
			return this.client.getObjectAsBytes(request -> request.bucket(this.bucket).key(this.prefix + key))
				.asByteArray();
		}
		catch (NoSuchKeyException ex) {
			throw new UncheckedIOException(new NoSuchFileException("s3://" + this.bucket + "/" + this.prefix + key));
		}
	}

	@Override
	public void delete(String key) {
		this.client.deleteObject(request -> request.bucket(this.bucket).key(this.prefix + key));
	}

	@Override
	public boolean exists(String key) {
		try {
			this.client.headObject(request -> request.bucket(this.bucket).key(this.prefix + key));
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw ex;
		}
	}

	@Override
	public List<FileStore.Listed> list() {
		return this.client.listObjectsV2Paginator(request -> request.bucket(this.bucket).prefix(this.prefix))
			.contents()
			.stream()
			.filter(object -> FileStore.isKey(object.key().substring(this.prefix.length())))
			.map(object -> new FileStore.Listed(object.key().substring(this.prefix.length()), object.lastModified(),
					object.size()))
			.toList();
	}

	@Override
	public Path spoolDirectory() {
		return this.spool;
	}

	@Override
	public String location() {
		return "s3://" + this.bucket + "/" + this.prefix;
	}

	@Override
	public void close() {
		this.client.close();
	}

}
