package se.paragraf.shared.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code fileStore} in the health groups: the files directory exists and takes a write. A node that
 * cannot store a published PDF or an upload must not get requests (readiness).
 */
@Component
class FileStoreHealthIndicator extends AbstractHealthIndicator {

	private final Path root;

	FileStoreHealthIndicator(FileSettings settings) {
		super("The file store is not writable");
		this.root = Path.of(settings.directory()).toAbsolutePath().normalize();
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws IOException {
		Path probe = Files.createTempFile(this.root, ".health-", ".tmp");
		try {
			Files.write(probe, new byte[] { 1 });
		}
		finally {
			Files.deleteIfExists(probe);
		}
		builder.up().withDetail("free", Files.getFileStore(this.root).getUsableSpace());
	}

}
