package se.paragraf.search;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.jspecify.annotations.Nullable;

/**
 * One searchable document: a matter, an officer report, a decision, minutes, a notice or the text of
 * an attachment. The search module derives it from the other modules' data and alone writes it;
 * Hibernate Search keeps the full-text index in step with this table.
 */
@Entity
@Table(name = "search_entry")
@Indexed(index = "entries")
class SearchEntry {

	/** Largest amount of text indexed per document (an attachment can be a whole book). */
	static final int MAX_BODY = 200_000;

	@Id
	@DocumentId
	private String id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	@KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
	private EntryKind kind;

	@Column(name = "reference_id", nullable = false)
	private Long referenceId;

	@Column(name = "matter_id")
	private @Nullable Long matterId;

	@Column(name = "board_id")
	@GenericField
	private @Nullable Long boardId;

	@Column(name = "board_code")
	@KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
	private @Nullable String boardCode;

	@Column(name = "board_name")
	@KeywordField(searchable = Searchable.NO, projectable = Projectable.YES)
	private @Nullable String boardName;

	@Column(name = "entry_year", nullable = false)
	@GenericField(aggregable = Aggregable.YES, projectable = Projectable.YES)
	private int year;

	@Column(name = "entry_date", nullable = false)
	@GenericField(sortable = Sortable.YES, projectable = Projectable.YES)
	private LocalDate date;

	@Column(nullable = false)
	@FullTextField(analyzer = SwedishAnalysis.INDEXING, searchAnalyzer = SwedishAnalysis.QUERY,
			projectable = Projectable.YES, highlightable = Highlightable.ANY)
	private String title;

	@Column(nullable = false)
	@FullTextField(analyzer = SwedishAnalysis.INDEXING, searchAnalyzer = SwedishAnalysis.QUERY,
			projectable = Projectable.YES, highlightable = Highlightable.ANY)
	private String body;

	@Column(name = "internal_url", nullable = false)
	@KeywordField(searchable = Searchable.NO, projectable = Projectable.YES)
	private String internalUrl;

	@Column(name = "public_url")
	@KeywordField(searchable = Searchable.NO, projectable = Projectable.YES)
	private @Nullable String publicUrl;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	@KeywordField
	private Visibility visibility;

	@Column(nullable = false)
	@GenericField
	private boolean secret;

	@Column(name = "indexed_at", nullable = false)
	private Instant indexedAt;

	protected SearchEntry() {
		this.id = "";
		this.kind = EntryKind.MATTER;
		this.referenceId = 0L;
		this.date = LocalDate.EPOCH;
		this.title = "";
		this.body = "";
		this.internalUrl = "";
		this.visibility = Visibility.INTERNAL;
		this.indexedAt = Instant.EPOCH;
	}

	SearchEntry(EntryKind kind, Long referenceId) {
		this();
		this.id = key(kind, referenceId);
		this.kind = kind;
		this.referenceId = referenceId;
	}

	static String key(EntryKind kind, Long referenceId) {
		return kind.name() + ":" + referenceId;
	}

	/** Replaces what the entry says; the caller decides who may find it. */
	SearchEntry describe(@Nullable Long matterId, @Nullable Long boardId, @Nullable String boardCode,
			@Nullable String boardName, LocalDate date, String title, String body, String internalUrl,
			@Nullable String publicUrl, Instant now) {
		this.matterId = matterId;
		this.boardId = boardId;
		this.boardCode = boardCode;
		this.boardName = boardName;
		this.date = date;
		this.year = date.getYear();
		this.title = clip(title, 1000);
		this.body = clip(body, MAX_BODY);
		this.internalUrl = internalUrl;
		this.publicUrl = publicUrl;
		this.indexedAt = now;
		return this;
	}

	/**
	 * Who may find the entry. A secret entry is never public, whatever the caller asks.
	 */
	SearchEntry visibleTo(Visibility visibility, boolean secret) {
		this.secret = secret;
		this.visibility = secret ? Visibility.INTERNAL : visibility;
		if (this.visibility == Visibility.INTERNAL) {
			this.publicUrl = null;
		}
		return this;
	}

	private static String clip(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

	String getId() {
		return this.id;
	}

	EntryKind getKind() {
		return this.kind;
	}

	Long getReferenceId() {
		return this.referenceId;
	}

	@Nullable Long getMatterId() {
		return this.matterId;
	}

	@Nullable Long getBoardId() {
		return this.boardId;
	}

	String getTitle() {
		return this.title;
	}

	String getBody() {
		return this.body;
	}

	Visibility getVisibility() {
		return this.visibility;
	}

	boolean isSecret() {
		return this.secret;
	}

	@Nullable String getPublicUrl() {
		return this.publicUrl;
	}

}
