package se.paragraf.shared.files;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * A real S3 server for tests: s3proxy on a random loopback port, keeping objects in a folder
 * (its filesystem blob store), checking AWS V4 signatures with a test key.
 */
public final class S3Server implements AutoCloseable {

	public static final String ACCESS_KEY = "paragraf-test";

	public static final String SECRET_KEY = "paragraf-test-secret";

	private final S3Proxy proxy;

	private S3Server(S3Proxy proxy) {
		this.proxy = proxy;
	}

	public static S3Server start(Path directory) {
		Properties properties = new Properties();
		properties.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
		S3Proxy proxy = S3Proxy.builder()
			.blobStore(BlobStores.create("filesystem", properties))
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.build();
		try {
			proxy.start();
			Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
			while (!"STARTED".equals(proxy.getState())) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
				}
				Thread.sleep(20);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return new S3Server(proxy);
	}

	public String endpoint() {
		return "http://127.0.0.1:" + this.proxy.getPort();
	}

	public FileSettings.S3 settings(String bucket) {
		return new FileSettings.S3(endpoint(), "us-east-1", bucket, null, ACCESS_KEY, SECRET_KEY);
	}

	/** The settings that put an application's files in a bucket of this server. */
	public Map<String, Object> properties(String bucket) {
		return Map.of("paragraf.files.store", "s3", "paragraf.files.s3.endpoint", endpoint(),
				"paragraf.files.s3.bucket", bucket, "paragraf.files.s3.access-key", ACCESS_KEY,
				"paragraf.files.s3.secret-key", SECRET_KEY);
	}

	@Override
	public void close() throws Exception {
		this.proxy.stop();
	}

}
