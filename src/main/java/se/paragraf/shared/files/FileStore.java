package se.paragraf.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.stereotype.Component;

import se.paragraf.shared.UploadTooLarge;

/**
 * Keeps files (attachments, published PDFs) on disk under {@code paragraf.files.directory}, each
 * under a random key, with its SHA-256 computed while it is written. Files are never overwritten.
 */
@Component
public class FileStore {

	private final Path root;

	private final long maxUploadSize;

	FileStore(FileSettings settings) throws IOException {
		this.root = Path.of(settings.directory()).toAbsolutePath().normalize();
		this.maxUploadSize = settings.maxUploadSize().toBytes();
		Files.createDirectories(this.root);
	}

	/** Stores an upload, refusing it whole if it is over the configured limit. */
	public StoredFile store(InputStream content) {
		String key = UUID.randomUUID().toString();
		Path target = path(key);
		try {
			Files.createDirectories(target.getParent());
			MessageDigest digest = sha256();
			Path partial = target.resolveSibling(key + ".part");
			long size;
			try (InputStream in = new LimitedInputStream(new DigestInputStream(content, digest), this.maxUploadSize)) {
				size = Files.copy(in, partial);
			}
			catch (UploadTooLarge ex) {
				Files.deleteIfExists(partial);
				throw ex;
			}
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			return new StoredFile(key, HexFormat.of().formatHex(digest.digest()), size);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Stores a document Paragraf made itself (no upload limit applies). */
	public StoredFile store(byte[] content) {
		String key = UUID.randomUUID().toString();
		Path target = path(key);
		try {
			Files.createDirectories(target.getParent());
			Files.write(target, content);
			return new StoredFile(key, sha256Hex(content), content.length);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public byte[] read(String key) {
		try {
			return Files.readAllBytes(path(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Removes a file that no record refers to (one stored by a change that did not commit). Keys
	 * are random, so no other record can share it.
	 */
	public void delete(String key) {
		try {
			Files.deleteIfExists(path(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether a file is stored under the key. */
	public boolean exists(String key) {
		return Files.exists(path(key));
	}

	public long maxUploadSize() {
		return this.maxUploadSize;
	}

	public static String sha256Hex(byte[] content) {
		return HexFormat.of().formatHex(sha256().digest(content));
	}

	private Path path(String key) {
		if (!key.matches("[0-9a-f-]{36}")) {
			throw new IllegalArgumentException("Not a file key: " + key);
		}
		return this.root.resolve(key.substring(0, 2)).resolve(key);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A stored file: its key, checksum and size in bytes. */
	public record StoredFile(String key, String sha256, long size) {
	}

	private static final class LimitedInputStream extends java.io.FilterInputStream {

		private final long limit;

		private long count;

		LimitedInputStream(InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(long n) {
			this.count += n;
			if (this.count > this.limit) {
				throw new UploadTooLarge(this.limit);
			}
		}

	}

}
