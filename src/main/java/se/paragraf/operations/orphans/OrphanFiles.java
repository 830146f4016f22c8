package se.paragraf.operations.orphans;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.paragraf.shared.files.FileStore;

/**
 * Finds and removes the files in the {@link FileStore} (local or S3) that no record names: a change
 * stores its PDF or upload before it commits, and a rollback removes the file again, but a process
 * killed in between (SIGKILL, power) leaves the file behind. Such a file is removed only when it is
 * older than a grace period, so a change still under way keeps its file; every removal is logged
 * and recorded in {@code swept_file}.
 * <p>
 * Like the verification it reads the tables directly: the columns that hold file keys are listed
 * here, and the sweep refuses to run when the schema has a {@code ..._key} column it does not know,
 * so that a module that starts keeping files elsewhere can never have them swept away.
 */
@Component
public class OrphanFiles {

	private static final Logger log = LoggerFactory.getLogger(OrphanFiles.class);

	/** Table → the columns holding keys of files in the store. */
	static final Map<String, List<String>> FILE_COLUMNS = Map.of("attachment", List.of("storage_key"),
			"follow_up_evidence", List.of("storage_key"), "notice", List.of("pdf_key", "official_pdf_key"),
			"minutes", List.of("pdf_key", "signed_pdf_key", "public_pdf_key"), "letterhead", List.of("logo_key"),
			"failed_mail", List.of("attachment_key"));

	/**
	 * Columns named ..._key that hold no file key: masking choices, OParl's stable ids, the effects of
	 * reactions to events, and the sweep's own record of what it removed.
	 */
	static final Set<String> NOT_FILE_COLUMNS = Set.of("document_mask.document_key", "document_mask.section_key",
			"document_mask.match_key", "masking_review.document_key", "oparl_stamp.object_key",
			"event_effect.effect_key", "swept_file.file_key");

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final JdbcClient jdbc;

	private final FileStore files;

	private final Counter removed;

	private final String node = ManagementFactory.getRuntimeMXBean().getName();

	OrphanFiles(JdbcClient jdbc, FileStore files, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.files = files;
		this.removed = Counter.builder("paragraf.files.orphans.removed")
			.description("Stored files no record named, removed by the orphan sweep")
			.register(registry);
	}

	/** What a sweep found: how many files are stored, how many records name, the orphans. */
	public record Report(int stored, int referenced, List<FileStore.Listed> orphans, int abandonedParts) {

		public long orphanBytes() {
			return this.orphans.stream().mapToLong(FileStore.Listed::size).sum();
		}

	}

	/**
	 * The stored files no record names that were stored more than {@code grace} ago (by the
	 * storage's clock, which is the wall clock, not the application's), without removing them.
	 */
	public Report find(Duration grace) {
		Instant before = Instant.now().minus(grace);
		// Listed first, referenced after: a file a record came to name in between is seen as named.
		List<FileStore.Listed> stored = this.files.list();
		Set<String> referenced = referenced();
		List<FileStore.Listed> orphans = new ArrayList<>();
		for (FileStore.Listed file : stored) {
			if (!referenced.contains(file.key()) && file.storedAt().isBefore(before)) {
				orphans.add(file);
			}
		}
		return new Report(stored.size(), referenced.size(), orphans, 0);
	}

	/** Removes the orphans {@link #find} finds, and parts of files left half-written; records each. */
	public Report sweep(Duration grace) {
		Report found = find(grace);
		Instant now = Instant.now();
		int parts = this.files.removeAbandonedParts(now.minus(grace));
		for (FileStore.Listed orphan : found.orphans()) {
			this.files.delete(orphan.key());
			this.jdbc.sql("""
					insert into swept_file (file_key, size_bytes, stored_at, swept_at, swept_by)
					values (:key, :size, :storedAt, :sweptAt, :node)""")
				.param("key", orphan.key())
				.param("size", orphan.size())
				.param("storedAt", Timestamp.from(orphan.storedAt()))
				.param("sweptAt", Timestamp.from(now))
				.param("node", this.node)
				.update();
			this.removed.increment();
			log.warn("Removed the file {} ({} bytes, stored {}) from {}: no record names it", orphan.key(),
					orphan.size(), orphan.storedAt(), this.files.location());
		}
		if (!found.orphans().isEmpty() || parts > 0) {
			log.info("Orphan sweep: {} files stored, {} named by records, {} removed ({} bytes), {} half-written parts removed",
					found.stored(), found.referenced(), found.orphans().size(), found.orphanBytes(), parts);
		}
		return new Report(found.stored(), found.referenced(), found.orphans(), parts);
	}

	/** Every file key a record names, and any key in a reaction to an event not yet completed. */
	Set<String> referenced() {
		List<String> unknown = unknownKeyColumns();
		if (!unknown.isEmpty()) {
			throw new IllegalStateException("The orphan sweep does not know whether these columns hold file keys: "
					+ unknown + "; list them in OrphanFiles before it may remove anything");
		}
		Set<String> keys = new HashSet<>();
		FILE_COLUMNS.forEach((table, columns) -> {
			for (String column : columns) {
				keys.addAll(this.jdbc.sql("select " + column + " from " + table + " where " + column + " is not null")
					.query(String.class)
					.list());
			}
		});
		for (String event : this.jdbc.sql("select serialized_event from event_publication where completion_date is null")
			.query(String.class)
			.list()) {
			Matcher matcher = KEY.matcher(event);
			while (matcher.find()) {
				keys.add(matcher.group());
			}
		}
		return keys;
	}

	/** Columns named like file keys that are neither listed as such nor as something else. */
	List<String> unknownKeyColumns() {
		return this.jdbc.sql("""
				select lower(table_name) || '.' || lower(column_name) from information_schema.columns
				where lower(table_schema) = lower(current_schema) and lower(column_name) like '%\\_key' escape '\\'
				order by 1""")
			.query(String.class)
			.list()
			.stream()
			.filter(column -> !NOT_FILE_COLUMNS.contains(column) && !isFileColumn(column))
			.toList();
	}

	private static boolean isFileColumn(String tableAndColumn) {
		String[] parts = tableAndColumn.split("\\.", 2);
		return FILE_COLUMNS.getOrDefault(parts[0], List.of()).contains(parts[1]);
	}

}
