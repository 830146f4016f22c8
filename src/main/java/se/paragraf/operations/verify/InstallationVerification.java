package se.paragraf.operations.verify;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.paragraf.shared.files.FileStore;

/**
 * Verifies an installation, typically one just restored from a backup: every file the database
 * names is in the file store with the SHA-256 recorded when it was stored (attachments, evidence),
 * every published PDF (notices, minutes: draft as signed, sealed, public variant) is byte for byte
 * the one recorded, and the PAdES signature of every sealed minutes still validates.
 * <p>
 * It reads the tables directly rather than through each module: it checks storage, as a file system
 * check does, and must see every recorded file whatever a module would show.
 */
@Component
public class InstallationVerification {

	private final JdbcClient jdbc;

	private final FileStore files;

	InstallationVerification(JdbcClient jdbc, FileStore files) {
		this.jdbc = jdbc;
		this.files = files;
	}

	/** A file the database names, as a person would look for it. */
	record Recorded(String kind, String what, String key, @Nullable String sha256, boolean sealed) {
	}

	/** What was checked and what is wrong. */
	public record Report(int files, int signatures, List<String> problems, Map<String, Integer> counts) {

		public boolean ok() {
			return this.problems.isEmpty();
		}

	}

	public Report verify() {
		List<Recorded> recorded = recorded();
		List<String> problems = new ArrayList<>();
		Map<String, Integer> counts = new LinkedHashMap<>();
		int signatures = 0;
		for (Recorded file : recorded) {
			counts.merge(file.kind(), 1, Integer::sum);
			if (file.sha256() == null) {
				problems.add(file.what() + ": file " + file.key() + " has no recorded SHA-256");
				continue;
			}
			byte[] content;
			try {
				// FileStore.read refuses bytes that no longer have the recorded checksum
				content = this.files.read(file.key(), file.sha256());
			}
			catch (FileStore.StoredFileCorrupted ex) {
				problems.add(file.what() + ": file " + file.key() + " is not the file stored (" + ex.getMessage() + ")");
				continue;
			}
			catch (UncheckedIOException ex) {
				problems.add(file.what() + ": file " + file.key() + " is "
						+ (ex.getCause() instanceof NoSuchFileException ? "missing" : "unreadable (" + ex.getMessage() + ")"));
				continue;
			}
			if (file.sealed()) {
				signatures++;
				for (String problem : PadesSignatures.problems(content)) {
					problems.add(file.what() + ": file " + file.key() + " " + problem);
				}
			}
		}
		return new Report(recorded.size(), signatures, problems, counts);
	}

	private List<Recorded> recorded() {
		List<Recorded> all = new ArrayList<>();
		all.addAll(this.jdbc.sql("""
				select a.id, a.filename, a.storage_key, a.sha256 from attachment a
				where a.storage_key is not null order by a.id""")
			.query((rs, n) -> new Recorded("attachments", "attachment " + rs.getLong(1) + " (" + rs.getString(2) + ")",
					rs.getString(3), rs.getString(4), false))
			.list());
		all.addAll(this.jdbc.sql("select id, filename, storage_key, sha256 from follow_up_evidence order by id")
			.query((rs, n) -> new Recorded("evidence files", "evidence " + rs.getLong(1) + " (" + rs.getString(2) + ")",
					rs.getString(3), rs.getString(4), false))
			.list());
		this.jdbc.sql("""
				select meeting_id, version_number, pdf_key, pdf_sha256, official_pdf_key, official_pdf_sha256
				from notice order by meeting_id, version_number""").query(rs -> {
			String what = "notice of meeting " + rs.getLong(1) + " version " + rs.getInt(2);
			all.add(new Recorded("notice PDFs", what + ", public PDF", rs.getString(3), rs.getString(4), false));
			if (rs.getString(5) != null) {
				all.add(new Recorded("notice PDFs", what + ", official PDF", rs.getString(5), rs.getString(6), false));
			}
		});
		this.jdbc.sql("""
				select meeting_id, version_number, pdf_key, pdf_sha256, signed_pdf_key, signed_pdf_sha256,
				public_pdf_key, public_pdf_sha256 from minutes order by meeting_id, version_number""").query(rs -> {
			String what = "minutes of meeting " + rs.getLong(1) + " version " + rs.getInt(2);
			all.add(new Recorded("minutes PDFs", what + ", PDF as signed", rs.getString(3), rs.getString(4), false));
			if (rs.getString(5) != null) {
				all.add(new Recorded("minutes PDFs", what + ", sealed PDF", rs.getString(5), rs.getString(6), true));
			}
			// When nothing is withheld the public PDF is the sealed one.
			if (rs.getString(7) != null && !rs.getString(7).equals(rs.getString(5))) {
				all.add(new Recorded("minutes PDFs", what + ", public PDF", rs.getString(7), rs.getString(8), false));
			}
		});
		return all;
	}

}
