package se.paragraf.shared.files;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the {@link FileStore} keeps the bytes: {@link LocalBlobs} (a directory) or {@link S3Blobs}
 * (an S3-compatible bucket). Keys are checked by the file store before they get here.
 */
interface Blobs {

	/** Stores a file spooled to disk under the key; the spool file may be moved away. */
	void put(String key, Path spooled, long size, String sha256);

	void put(String key, byte[] content, String sha256);

	/** The stored bytes, or {@link java.io.UncheckedIOException} when there are none. */
	byte[] get(String key);

	/** Removes the bytes under the key, if any. */
	void delete(String key);

	boolean exists(String key);

	/** Every file stored, with when it was stored (the storage's own time) and its size. */
	List<FileStore.Listed> list();

	/** Where an upload is written while its size and checksum are taken. */
	Path spoolDirectory();

	String location();

}
