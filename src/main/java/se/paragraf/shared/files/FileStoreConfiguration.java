package se.paragraf.shared.files;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The file store on the storage {@code paragraf.files.store} names. */
@Configuration(proxyBeanMethods = false)
class FileStoreConfiguration {

	private static final Logger log = LoggerFactory.getLogger(FileStoreConfiguration.class);

	@Bean
	Blobs blobs(FileSettings settings) {
		Blobs blobs = switch (settings.store()) {
			case LOCAL -> new LocalBlobs(Path.of(settings.directory()));
			case S3 -> new S3Blobs(settings.s3());
		};
		log.info("Files are kept in {}", blobs.location());
		return blobs;
	}

	@Bean
	FileStore fileStore(Blobs blobs, FileSettings settings) {
		return new FileStore(blobs, settings);
	}

}
