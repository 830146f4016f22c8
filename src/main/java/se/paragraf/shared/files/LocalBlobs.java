package se.paragraf.shared.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Files on disk under {@code paragraf.files.directory}, in one folder per first two characters of
 * the key. A file is written beside its place and moved there whole, so a crash leaves no half file
 * under a key.
 */
class LocalBlobs implements Blobs {

	private final Path root;

	private final Path spool;

	LocalBlobs(Path root) {
		this.root = root.toAbsolutePath().normalize();
		this.spool = this.root.resolve(".incoming");
		try {
			Files.createDirectories(this.spool);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void put(String key, Path spooled, long size, String sha256) {
		try {
			Path target = path(key);
			Files.createDirectories(target.getParent());
			Files.move(spooled, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void put(String key, byte[] content, String sha256) {
		try {
			Path partial = Files.createTempFile(this.spool, key, ".part");
			Files.write(partial, content, StandardOpenOption.TRUNCATE_EXISTING);
			put(key, partial, content.length, sha256);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public byte[] get(String key) {
		try {
			return Files.readAllBytes(path(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void delete(String key) {
		try {
			Files.deleteIfExists(path(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public boolean exists(String key) {
		return Files.exists(path(key));
	}

	@Override
	public List<FileStore.Listed> list() {
		List<FileStore.Listed> listed = new ArrayList<>();
		try (Stream<Path> folders = Files.list(this.root)) {
			for (Path folder : folders.filter(f -> !f.equals(this.spool) && Files.isDirectory(f)).toList()) {
				try (Stream<Path> files = Files.list(folder)) {
					for (Path file : files.toList()) {
						String key = file.getFileName().toString();
						if (!FileStore.isKey(key) || !key.startsWith(folder.getFileName().toString())) {
							continue;
						}
						try {
							BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
							listed.add(new FileStore.Listed(key, attributes.lastModifiedTime().toInstant(),
									attributes.size()));
						}
						catch (NoSuchFileException ex) {
							// removed while we looked
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return listed;
	}

	@Override
	public Path spoolDirectory() {
		return this.spool;
	}

	@Override
	public String location() {
		return this.root.toString();
	}

	private Path path(String key) {
		return this.root.resolve(key.substring(0, 2)).resolve(key);
	}

}
