package se.paragraf.matters;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.Confidentiality;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;
import se.paragraf.shared.files.FileStore;
import se.paragraf.shared.files.FileStore.StoredFile;
import se.paragraf.shared.persistence.ByIds;
import se.paragraf.shared.security.CurrentUser;
import se.paragraf.shared.text.RichText;

/**
 * The board's register (diarium): registers matters under gapless diary numbers, keeps their
 * officer reports and attachments, and tells documents what to print for a matter.
 */
@Service
@Transactional(readOnly = true)
public class MatterRegister {

	/** What may be attached: the formats boards exchange, each recognised by its first bytes too. */
	static final Set<String> ACCEPTED_TYPES = Set.of("application/pdf",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/png", "image/jpeg");

	private final Matters matters;

	private final DiaryCounters counters;

	private final DiaryCounterCreation counterCreation;

	private final OfficerReports reports;

	private final Attachments attachments;

	private final Organisation organisation;

	private final FileStore files;

	private final RichText richText;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final EntityManager entityManager;

	private final TransactionTemplate writing;

	MatterRegister(Matters matters, DiaryCounters counters, DiaryCounterCreation counterCreation,
			OfficerReports reports, Attachments attachments, Organisation organisation, FileStore files,
			RichText richText, ApplicationEventPublisher events, Clock clock, EntityManager entityManager,
			PlatformTransactionManager transactions) {
		this.entityManager = entityManager;
		this.writing = new TransactionTemplate(transactions);
		this.matters = matters;
		this.counters = counters;
		this.counterCreation = counterCreation;
		this.reports = reports;
		this.attachments = attachments;
		this.organisation = organisation;
		this.files = files;
		this.richText = richText;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Registers a matter under the next diary number of its board and year. Concurrent
	 * registrations queue on the year's counter, so numbers are consecutive and unique. The year's
	 * counter is created first, outside the registration's transaction, so a registration never
	 * holds one connection while it waits for another.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Matter register(String boardCode, String title) {
		Board board = this.organisation.board(boardCode);
		LocalDate today = LocalDate.now(this.clock);
		int year = today.getYear();
		this.counterCreation.createIfMissing(board.getId(), year);
		return this.writing.execute(status -> {
			DiaryCounter counter = this.counters.lock(board.getId(), year)
				.orElseThrow(() -> new IllegalStateException("No diary counter for " + board.getCode() + year));
			int serial = counter.lastSerial() + 1;
			// A migrated matter may already hold the next number; skip it rather than collide.
			while (this.matters.existsByBoardIdAndDiaryYearAndDiarySerial(board.getId(), year, serial)) {
				serial++;
			}
			counter.advanceTo(serial);
			return save(board, new DiaryNumber(board.getCode(), year, serial), title, today);
		});
	}

	/**
	 * Registers a matter migrated from another register under the number it already has. A number
	 * already taken, or one with another board's prefix, is refused.
	 */
	@Transactional
	public Matter registerMigrated(String boardCode, String title, DiaryNumber number, LocalDate registeredOn) {
		Board board = this.organisation.board(boardCode);
		if (!board.getCode().equals(number.prefix())) {
			throw RuleViolation.onField("diaryNumber", "matter.diaryNumber.wrongBoard", number, board.getCode());
		}
		if (this.matters.existsByBoardIdAndDiaryYearAndDiarySerial(board.getId(), number.year(), number.serial())) {
			throw RuleViolation.onField("diaryNumber", "matter.diaryNumber.taken", number);
		}
		return save(board, number, title, registeredOn);
	}

	private Matter save(Board board, DiaryNumber number, String title, LocalDate today) {
		Matter matter;
		try {
			matter = this.matters.saveAndFlush(new Matter(board.getId(), number, title.strip(), today, CurrentUser.name()));
		}
		catch (DataIntegrityViolationException ex) {
			throw RuleViolation.onField("diaryNumber", "matter.diaryNumber.taken", number);
		}
		this.reports.save(new OfficerReport(matter.getId()));
		this.events.publishEvent(new MatterRegistered(matter.getId(), board.getId(), number));
		return matter;
	}

	public Optional<Matter> find(DiaryNumber number) {
		return this.organisation.findBoard(number.prefix())
			.flatMap(board -> this.matters.findByBoardIdAndDiaryYearAndDiarySerial(board.getId(), number.year(),
					number.serial()));
	}

	public Matter matter(Long id) {
		return this.matters.findById(id).orElseThrow(() -> new NotFoundException("Matter", id));
	}

	/** The matters with these ids, by id, in one read (a page listing many must not ask once per matter). */
	public Map<Long, Matter> matters(Collection<Long> ids) {
		return ByIds.load(this.entityManager, Matter.class, ids);
	}

	public List<Matter> matters(Long boardId, @Nullable Integer year) {
		return year == null ? this.matters.findByBoardIdOrderByDiaryYearDescDiarySerialDesc(boardId)
				: this.matters.findByBoardIdAndDiaryYearOrderByDiarySerialAsc(boardId, year);
	}

	/**
	 * A board's matters in one of the statuses, newest first: the meeting and conduct pages offer the
	 * open ones for the agenda on every view, and a board's closed matters only grow.
	 */
	public List<Matter> matters(Long boardId, MatterStatus status, MatterStatus... more) {
		return this.matters.findByBoardIdAndStatusInOrderByDiaryYearDescDiarySerialDesc(boardId,
				java.util.EnumSet.of(status, more));
	}

	public List<Matter> allMatters() {
		return this.matters.findAll(org.springframework.data.domain.Sort.by("diaryYear", "diarySerial").descending());
	}

	/**
	 * The register as anyone may search it: by board, year and a text found in the diary number or
	 * the title, newest first, one page at a time. The title of a secret matter is never searched,
	 * so a search cannot confirm what a withheld title says.
	 */
	public org.springframework.data.domain.Page<Matter> search(@Nullable Long boardId, @Nullable Integer year,
			@Nullable String text, org.springframework.data.domain.Pageable page) {
		String words = se.paragraf.shared.Texts.blankToNull(text);
		org.springframework.data.jpa.domain.Specification<Matter> spec = (root, query, cb) -> {
			List<jakarta.persistence.criteria.Predicate> where = new java.util.ArrayList<>();
			if (boardId != null) {
				where.add(cb.equal(root.get("boardId"), boardId));
			}
			if (year != null) {
				where.add(cb.equal(root.get("diaryYear"), year));
			}
			if (words != null) {
				String like = "%" + words.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
					.replace("_", "\\_") + "%";
				jakarta.persistence.criteria.Expression<String> number = cb.lower(cb.concat(
						cb.concat(cb.concat(root.<String>get("diaryPrefix"), root.get("diaryYear").as(String.class)), "/"),
						root.get("diarySerial").as(String.class)));
				where.add(cb.or(cb.like(number, like, '\\'),
						cb.and(cb.isFalse(root.get("confidentiality").<Boolean>get("confidential")),
								cb.like(cb.lower(root.<String>get("title")), like, '\\'))));
			}
			return cb.and(where.toArray(jakarta.persistence.criteria.Predicate[]::new));
		};
		return this.matters.findAll(spec, org.springframework.data.domain.PageRequest.of(page.getPageNumber(),
				page.getPageSize(), org.springframework.data.domain.Sort.by("diaryYear", "diarySerial", "id").descending()));
	}

	@Transactional
	public Matter retitle(Long matterId, String title, long expectedVersion) {
		Matter matter = matter(matterId);
		StaleVersionException.check("Matter", matterId, matter.getVersion(), expectedVersion);
		matter.retitle(title.strip());
		Matter saved = this.matters.saveAndFlush(matter);
		this.events.publishEvent(new MatterRetitled(matterId));
		return saved;
	}

	/**
	 * Marks the matter secret with its OSL ground, or lifts the mark. Every change is kept in the
	 * matter's history, since who declared what secret, and when, is itself a public fact.
	 */
	@Transactional
	public Matter classify(Long matterId, Confidentiality confidentiality, long expectedVersion) {
		Matter matter = matter(matterId);
		StaleVersionException.check("Matter", matterId, matter.getVersion(), expectedVersion);
		matter.classify(confidentiality);
		Matter saved = this.matters.saveAndFlush(matter);
		this.events.publishEvent(new MatterClassified(matterId, saved.isConfidential()));
		return saved;
	}

	@Transactional
	public void markOnAgenda(Long matterId) {
		Matter matter = matter(matterId);
		if (matter.getStatus() == MatterStatus.OPEN) {
			matter.moveTo(MatterStatus.ON_AGENDA);
		}
	}

	/** The board has decided the matter (approved or rejected it); what was sent back stays on the agenda. */
	@Transactional
	public void markDecided(Long matterId) {
		Matter matter = matter(matterId);
		if (matter.getStatus() == MatterStatus.OPEN || matter.getStatus() == MatterStatus.ON_AGENDA) {
			matter.moveTo(MatterStatus.DECIDED);
		}
	}

	public OfficerReport report(Long matterId) {
		return this.reports.findByMatterId(matterId).orElseThrow(() -> new NotFoundException("Matter", matterId));
	}

	@Transactional
	public OfficerReport writeReport(Long matterId, ReportContent content, long expectedVersion) {
		OfficerReport report = report(matterId);
		StaleVersionException.check("OfficerReport", matterId, report.getVersion(), expectedVersion);
		if (content.signatoryId() != null) {
			this.organisation.caseOfficer(content.signatoryId());
		}
		report.write(content);
		OfficerReport saved = this.reports.saveAndFlush(report);
		this.events.publishEvent(new OfficerReportWritten(matterId));
		return saved;
	}

	public List<Attachment> attachments(Long matterId) {
		return this.attachments.findByMatterIdOrderByPositionAsc(matterId);
	}

	public Attachment attachment(Long id) {
		return this.attachments.findById(id).orElseThrow(() -> new NotFoundException("Attachment", id));
	}

	public byte[] content(Attachment attachment) {
		if (attachment.getStorageKey() == null || attachment.getSha256() == null) {
			throw new NotFoundException("AttachmentContent", attachment.getId());
		}
		return this.files.read(attachment.getStorageKey(), attachment.getSha256());
	}

	/**
	 * Attaches an uploaded file. Its type must be one boards exchange and its first bytes must
	 * agree; an upload over the size limit is refused whole.
	 */
	@Transactional
	public Attachment attachFile(Long matterId, String title, @Nullable String filename, @Nullable String contentType,
			InputStream content) {
		matter(matterId);
		String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
		if (!ACCEPTED_TYPES.contains(type)) {
			throw RuleViolation.onField("file", "attachment.type.unsupported", filename == null ? "" : filename);
		}
		byte[] head = new byte[8];
		java.io.PushbackInputStream in = new java.io.PushbackInputStream(content, head.length);
		try {
			int read = in.readNBytes(head, 0, head.length);
			if (read == 0) {
				throw RuleViolation.onField("file", "attachment.empty");
			}
			if (!FileSignatures.matches(type, head)) {
				throw RuleViolation.onField("file", "attachment.type.mismatch", filename == null ? "" : filename);
			}
			in.unread(head, 0, read);
		}
		catch (java.io.IOException ex) {
			throw RuleViolation.onField("file", "upload.unreadable");
		}
		StoredFile stored = this.files.store(in);
		String name = filename == null || filename.isBlank() ? "bilaga" : filename;
		return changed(this.attachments.save(Attachment.file(matterId, title.isBlank() ? name : title.strip(),
				nextPosition(matterId), name, type, stored.size(), stored.sha256(), stored.key(), Instant.now(this.clock),
				CurrentUser.name())));
	}

	/** Attaches a document written in Paragraf, such as an operations plan with live tables. */
	@Transactional
	public Attachment attachText(Long matterId, String title, String body) {
		matter(matterId);
		return changed(this.attachments
			.save(Attachment.text(matterId, title.strip(), nextPosition(matterId), body, Instant.now(this.clock), CurrentUser.name())));
	}

	private Attachment changed(Attachment attachment) {
		this.events.publishEvent(new AttachmentChanged(attachment.getMatterId(), attachment.getId()));
		return attachment;
	}

	/**
	 * Withdraws an attachment: it stays in the record, with who withdrew it and when, but no longer
	 * goes with the report (nor into the next notice). Withdrawing it again changes nothing.
	 */
	@Transactional
	public Attachment withdrawAttachment(Long attachmentId) {
		Attachment attachment = attachment(attachmentId);
		if (attachment.isWithdrawn()) {
			return attachment;
		}
		attachment.withdraw(Instant.now(this.clock), CurrentUser.name());
		return changed(attachment);
	}

	/**
	 * Undoes a withdrawal: the attachment goes with the report again, in its old place, and the
	 * next notice carries it. Refused for an attachment that is not withdrawn.
	 */
	@Transactional
	public Attachment restoreAttachment(Long attachmentId) {
		Attachment attachment = attachment(attachmentId);
		if (!attachment.isWithdrawn()) {
			throw new RuleViolation("attachment.restore.notWithdrawn", attachment.getTitle());
		}
		attachment.restore(Instant.now(this.clock), CurrentUser.name());
		return changed(attachment);
	}

	/** Marks one attachment secret with its OSL ground (or lifts the mark); the rest of the matter stays as it is. */
	@Transactional
	public Attachment classifyAttachment(Long attachmentId, Confidentiality confidentiality) {
		Attachment attachment = attachment(attachmentId);
		attachment.classify(confidentiality, Instant.now(this.clock), CurrentUser.name());
		return changed(attachment);
	}

	/**
	 * The mark that governs an attachment: its own, or else its matter's, since everything filed
	 * with a secret matter is as secret as the matter.
	 */
	public Confidentiality confidentialityOf(Attachment attachment) {
		if (attachment.isConfidential()) {
			return attachment.getConfidentiality();
		}
		return matter(attachment.getMatterId()).getConfidentiality();
	}

	/** Whether an attachment may ever be shown to the public: neither it nor its matter is secret. */
	public boolean isPublic(Attachment attachment) {
		return !confidentialityOf(attachment).isConfidential();
	}

	/** The upload limit, as users read it. */
	public long maxUploadMegabytes() {
		return new se.paragraf.shared.UploadTooLarge(this.files.maxUploadSize()).limitInMegabytes();
	}

	private int nextPosition(Long matterId) {
		return attachments(matterId).stream().mapToInt(Attachment::getPosition).max().orElse(0) + 1;
	}

	/**
	 * Every recorded change of the matter and its report, newest first: Envers keeps who changed
	 * what and when, so the register can answer for its own history.
	 */
	public List<HistoryEntry> history(Long matterId) {
		matter(matterId);
		AuditReader reader = AuditReaderFactory.get(this.entityManager);
		List<HistoryEntry> entries = new java.util.ArrayList<>();
		Confidentiality before = Confidentiality.open();
		for (Object row : reader.createQuery()
			.forRevisionsOfEntity(Matter.class, false, true)
			.add(AuditEntity.id().eq(matterId))
			.addOrder(AuditEntity.revisionNumber().asc())
			.getResultList()) {
			Object[] revision = (Object[]) row;
			Matter state = (Matter) revision[0];
			Confidentiality mark = state.getConfidentiality() == null ? Confidentiality.open()
					: state.getConfidentiality();
			if (revision[2] == RevisionType.ADD) {
				entries.add(entry(revision, "matter.history.registered", null));
			}
			else if (!mark.equals(before)) {
				// Who declared the matter secret, and on what ground, is itself part of the record.
				entries.add(mark.isConfidential() ? entry(revision, "matter.history.classified", mark.citation())
						: entry(revision, "matter.history.declassified", null));
			}
			else {
				entries.add(entry(revision, "matter.history.changed", null));
			}
			before = mark;
		}
		Long reportId = report(matterId).getId();
		for (Object row : reader.createQuery()
			.forRevisionsOfEntity(OfficerReport.class, false, true)
			.add(AuditEntity.id().eq(reportId))
			.getResultList()) {
			Object[] revision = (Object[]) row;
			if (revision[2] != RevisionType.ADD) {
				entries.add(entry(revision, "matter.history.reportWritten", null));
			}
		}
		for (Attachment a : attachments(matterId)) {
			entries.add(new HistoryEntry(a.getAddedAt(), a.getAddedBy(), "matter.history.attached", a.getTitle()));
			if (a.getClassifiedAt() != null) {
				entries.add(new HistoryEntry(a.getClassifiedAt(), java.util.Objects.requireNonNullElse(a.getClassifiedBy(), ""),
						a.isConfidential() ? "matter.history.attachmentClassified" : "matter.history.attachmentDeclassified",
						a.isConfidential() ? a.getTitle() + " (" + a.getConfidentiality().citation() + ")" : a.getTitle()));
			}
			if (a.getWithdrawnAt() != null) {
				entries.add(new HistoryEntry(a.getWithdrawnAt(), java.util.Objects.requireNonNullElse(a.getWithdrawnBy(), ""),
						"matter.history.attachmentWithdrawn", a.getTitle()));
			}
			if (a.getRestoredAt() != null) {
				entries.add(new HistoryEntry(a.getRestoredAt(), java.util.Objects.requireNonNullElse(a.getRestoredBy(), ""),
						"matter.history.attachmentRestored", a.getTitle()));
			}
		}
		entries.sort(java.util.Comparator.comparing(HistoryEntry::when).reversed());
		return entries;
	}

	private static HistoryEntry entry(Object[] revision, String what, @Nullable String detail) {
		se.paragraf.shared.audit.Revision info = (se.paragraf.shared.audit.Revision) revision[1];
		return new HistoryEntry(Instant.ofEpochMilli(info.getTimestamp()), info.getUsername(), what, detail);
	}

	/** The report as a document prints it now, with live content resolved. */
	public DecisionBasis basis(Long matterId) {
		Matter matter = matter(matterId);
		OfficerReport report = report(matterId);
		List<DecisionBasis.AttachmentView> attached = attachments(matterId).stream()
			.filter(a -> !a.isWithdrawn())
			.map(a -> new DecisionBasis.AttachmentView(a.getId(), a.getTitle(), a.getKind(), a.isPdf(), a.getFilename(),
					a.getSha256(), a.getKind() == AttachmentKind.TEXT ? this.richText.toHtml(a.getBody()) : null))
			.toList();
		return new DecisionBasis(matter.getId(), matter.getDiaryNumber(), matter.getTitle(),
				report.getHeading().isBlank() ? matter.getTitle() : report.getHeading(), report.getProposalKind(),
				report.getProposedResolution().stream().map(this::inline).toList(), this.richText.toHtml(report.getSummary()),
				this.richText.toHtml(report.getDescription()), this.richText.toHtml(report.getFinancialImplications()),
				report.getSignatoryId() == null ? null : this.organisation.signatory(report.getSignatoryId()),
				report.getDecisionRecipients(), attached);
	}

	private String inline(String point) {
		String html = this.richText.toHtml(point).strip();
		return html.startsWith("<p>") && html.endsWith("</p>") ? html.substring(3, html.length() - 4) : html;
	}

}
