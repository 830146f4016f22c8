package se.paragraf.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import se.paragraf.shared.UploadTooLarge;

/**
 * Keeps files (attachments, published PDFs, evidence), each under a random key, with its SHA-256
 * computed while it is written; where the bytes live is the {@link Blobs} chosen by
 * {@code paragraf.files.store} (local disk or an S3-compatible object store). Files are never
 * overwritten, and every read is checked against the checksum the caller recorded when it stored the
 * file: a file changed or damaged in storage is an error ({@link StoredFileCorrupted}), never served.
 */
public class FileStore {

	private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");

	private final Blobs blobs;

	private final long maxUploadSize;

	FileStore(Blobs blobs, FileSettings settings) {
		this.blobs = blobs;
		this.maxUploadSize = settings.maxUploadSize().toBytes();
	}

	/** Stores an upload, refusing it whole if it is over the configured limit. */
	public StoredFile store(InputStream content) {
		String key = UUID.randomUUID().toString();
		try {
			Path spool = Files.createTempFile(this.blobs.spoolDirectory(), key, ".part");
			try {
				MessageDigest digest = sha256();
				long size;
				try (InputStream in = new LimitedInputStream(new DigestInputStream(content, digest),
						this.maxUploadSize)) {
					size = Files.copy(in, spool, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
				String sha256 = HexFormat.of().formatHex(digest.digest());
				this.blobs.put(key, spool, size, sha256);
				return new StoredFile(key, sha256, size);
			}
			finally {
				Files.deleteIfExists(spool);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Stores a document Paragraf made itself (no upload limit applies). */
	public StoredFile store(byte[] content) {
		String key = UUID.randomUUID().toString();
		String sha256 = sha256Hex(content);
		this.blobs.put(key, content, sha256);
		return new StoredFile(key, sha256, content.length);
	}

	/** A stored file's bytes, provided they still have the checksum recorded when it was stored. */
	public byte[] read(FileRef file) {
		return read(file.key(), file.sha256());
	}

	/** A stored file's bytes, provided they still have the checksum recorded when it was stored. */
	public byte[] read(String key, String sha256) {
		byte[] content = this.blobs.get(checkedKey(key));
		String actual = sha256Hex(content);
		if (!actual.equals(sha256)) {
			throw new StoredFileCorrupted(key, sha256, actual);
		}
		return content;
	}

	/**
	 * Removes a file that no record refers to (one stored by a change that did not commit). Keys
	 * are random, so no other record can share it.
	 */
	public void delete(String key) {
		this.blobs.delete(checkedKey(key));
	}

	/** Whether a file is stored under the key. */
	public boolean exists(String key) {
		return this.blobs.exists(checkedKey(key));
	}

	/**
	 * Every file stored, whether or not a record names it, with the time the storage gives it (the
	 * file's modification time, the object's Last-Modified): for the sweep of files no record names.
	 */
	public List<Listed> list() {
		return this.blobs.list();
	}

	/**
	 * Removes what uploads and documents left half-written in the spool folder when the process died
	 * (a finished one is moved away from it), if older than {@code before}; answers how many.
	 */
	public int removeAbandonedParts(Instant before) {
		int removed = 0;
		try (Stream<Path> parts = Files.list(this.blobs.spoolDirectory())) {
			for (Path part : parts.filter(p -> p.getFileName().toString().endsWith(".part")).toList()) {
				try {
					if (Files.getLastModifiedTime(part).toInstant().isBefore(before) && Files.deleteIfExists(part)) {
						removed++;
					}
				}
				catch (java.nio.file.NoSuchFileException ex) {
					// finished while we looked
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return removed;
	}

	public long maxUploadSize() {
		return this.maxUploadSize;
	}

	/** Where files are kept, for the log and the operator: a directory or a bucket. */
	public String location() {
		return this.blobs.location();
	}

	public static String sha256Hex(byte[] content) {
		return HexFormat.of().formatHex(sha256().digest(content));
	}

	/** Whether a name is one the store gives files (anything else in its folder or bucket is not its). */
	public static boolean isKey(@Nullable String name) {
		return name != null && KEY.matcher(name).matches();
	}

	static String checkedKey(@Nullable String key) {
		if (key == null || !isKey(key)) {
			throw new IllegalArgumentException("Not a file key: " + key);
		}
		return key;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A file as the storage lists it: its key, when it was stored and its size in bytes. */
	public record Listed(String key, Instant storedAt, long size) {
	}

	/** A stored file: its key, checksum and size in bytes. */
	public record StoredFile(String key, String sha256, long size) {
	}

	/** A stored file whose bytes no longer have the checksum recorded for them. */
	public static class StoredFileCorrupted extends IllegalStateException {

		StoredFileCorrupted(String key, String expected, String actual) {
			super("Stored file " + key + " has SHA-256 " + actual + ", recorded " + expected);
		}

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
