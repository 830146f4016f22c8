package se.paragraf.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import se.paragraf.shared.UploadTooLarge;
import se.paragraf.shared.files.FileStore.StoredFile;
import se.paragraf.shared.files.FileStore.StoredFileCorrupted;

/**
 * The file store keeps what it is given and hands back exactly that or an error, on local disk and
 * in a real S3 server (s3proxy) alike: an upload over the limit leaves nothing behind, and a file
 * changed in storage behind Paragraf's back is refused on read, never served.
 */
class FileStoreTests {

	static final DataSize LIMIT = DataSize.ofKilobytes(64);

	@TempDir
	static Path temp;

	static S3Server s3;

	@BeforeAll
	static void startS3() throws IOException {
		s3 = S3Server.start(Files.createDirectories(temp.resolve("s3")));
	}

	@AfterAll
	static void stopS3() throws Exception {
		s3.close();
	}

	/** One storage as the tests see it: the store, and a way around it to look and to tamper. */
	interface Storage {

		FileStore store();

		List<String> keys();

		void overwrite(String key, byte[] content);

	}

	static Stream<Storage> storages() {
		return Stream.of(local(), s3());
	}

	static Storage local() {
		Path root = temp.resolve("local-" + UUID.randomUUID());
		FileStore store = new FileStore(new LocalBlobs(root), settings());
		return new Storage() {

			@Override
			public FileStore store() {
				return store;
			}

			@Override
			public List<String> keys() {
				try (Stream<Path> files = Files.walk(root)) {
					return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}

			@Override
			public void overwrite(String key, byte[] content) {
				try {
					Files.write(root.resolve(key.substring(0, 2)).resolve(key), content);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}

			@Override
			public String toString() {
				return "local";
			}

		};
	}

	static Storage s3() {
		String bucket = "files-" + UUID.randomUUID().toString().substring(0, 8);
		FileStore store = new FileStore(new S3Blobs(s3.settings(bucket)), settings());
		S3Client client = S3Client.builder()
			.endpointOverride(URI.create(s3.endpoint()))
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
			.build();
		return new Storage() {

			@Override
			public FileStore store() {
				return store;
			}

			@Override
			public List<String> keys() {
				return client.listObjectsV2(request -> request.bucket(bucket)).contents().stream().map(S3Object::key).toList();
			}

			@Override
			public void overwrite(String key, byte[] content) {
				client.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(content));
			}

			@Override
			public String toString() {
				return "s3";
			}

		};
	}

	static FileSettings settings() {
		return new FileSettings(FileSettings.Store.LOCAL, "unused", LIMIT, null);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("storages")
	void aDocumentReadsBackByteForByteWithTheChecksumItWasStoredWith(Storage storage) {
		byte[] pdf = "%PDF-1.7 protokoll".getBytes(StandardCharsets.UTF_8);
		StoredFile stored = storage.store().store(pdf);
		assertThat(stored.sha256()).isEqualTo(FileStore.sha256Hex(pdf));
		assertThat(stored.size()).isEqualTo(pdf.length);
		assertThat(storage.store().read(FileRef.of(stored))).isEqualTo(pdf);
		assertThat(storage.keys()).containsExactly(stored.key());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("storages")
	void anUploadIsKeptWhole(Storage storage) {
		byte[] upload = new byte[(int) LIMIT.toBytes()];
		new java.util.Random(14).nextBytes(upload);
		StoredFile stored = storage.store().store(new ByteArrayInputStream(upload));
		assertThat(stored.size()).isEqualTo(upload.length);
		assertThat(stored.sha256()).isEqualTo(FileStore.sha256Hex(upload));
		assertThat(storage.store().read(stored.key(), stored.sha256())).isEqualTo(upload);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("storages")
	void aFileStoredByAChangeThatDidNotCommitCanBeRemovedAndIsGone(Storage storage) {
		StoredFile kept = storage.store().store("kallelse v1".getBytes(StandardCharsets.UTF_8));
		StoredFile orphan = storage.store().store("kallelse v2".getBytes(StandardCharsets.UTF_8));
		assertThat(storage.store().exists(orphan.key())).isTrue();
		storage.store().delete(orphan.key());
		assertThat(storage.store().exists(orphan.key())).isFalse();
		assertThat(storage.keys()).containsExactly(kept.key());
		storage.store().delete(orphan.key());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("storages")
	void anUploadOverTheLimitIsRefusedAndLeavesNothingBehind(Storage storage) {
		byte[] upload = new byte[(int) LIMIT.toBytes() + 1];
		assertThatThrownBy(() -> storage.store().store(new ByteArrayInputStream(upload)))
			.isInstanceOf(UploadTooLarge.class);
		assertThat(storage.keys()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("storages")
	void aFileChangedInStorageIsAnErrorOnReadNotADifferentDocument(Storage storage) {
		StoredFile stored = storage.store().store("beslut: bifall".getBytes(StandardCharsets.UTF_8));
		storage.overwrite(stored.key(), "beslut: avslag".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> storage.store().read(FileRef.of(stored))).isInstanceOf(StoredFileCorrupted.class)
			.hasMessageContaining(stored.key())
			.hasMessageContaining(stored.sha256());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("storages")
	void aFileThatIsNotThereIsAnError(Storage storage) {
		String key = UUID.randomUUID().toString();
		assertThatThrownBy(() -> storage.store().read(key, FileStore.sha256Hex(new byte[0])))
			.isInstanceOf(UncheckedIOException.class);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("storages")
	void aKeyThatIsNotAFileKeyIsRefusedBeforeStorageIsAsked(Storage storage) {
		assertThatThrownBy(() -> storage.store().read("../../etc/passwd", FileStore.sha256Hex(new byte[0])))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("storages")
	void twoFilesWithTheSameContentAreTwoFiles(Storage storage) {
		byte[] content = "bilaga".getBytes(StandardCharsets.UTF_8);
		StoredFile first = storage.store().store(content);
		StoredFile second = storage.store().store(content);
		assertThat(first.key()).isNotEqualTo(second.key());
		assertThat(storage.keys()).containsExactlyInAnyOrder(first.key(), second.key());
	}

}
