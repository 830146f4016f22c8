package se.paragraf.shared.files;

import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.jspecify.annotations.Nullable;

/**
 * A file in the {@link FileStore} as an entity keeps it: its key and the SHA-256 it had when it was
 * stored. The two only ever travel together, so the checksum a page or a signature shows is always
 * the one of the file that is served. Embed it with {@code @AttributeOverride}s naming the entity's
 * own columns; an embedded ref whose columns are all null reads back as null (no file).
 */
@Embeddable
public record FileRef(@Column(name = "file_key") String key, @Column(name = "sha256") String sha256) {

	private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	public FileRef {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a file key: " + key);
		}
		if (sha256 == null || !SHA256.matcher(sha256).matches()) {
			throw new IllegalArgumentException("Not a hex SHA-256: " + sha256);
		}
	}

	/** The ref to a file just stored. */
	public static FileRef of(FileStore.StoredFile stored) {
		return new FileRef(stored.key(), stored.sha256());
	}

	/** Whether a checksum someone saw (on a page, in a signature) is this file's. */
	public boolean hasSha256(@Nullable String seen) {
		return this.sha256.equals(seen);
	}

}
