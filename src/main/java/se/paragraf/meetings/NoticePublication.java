package se.paragraf.meetings;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import se.paragraf.matters.DecisionBasis;
import se.paragraf.matters.MatterRegister;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.files.FileStore;
import se.paragraf.shared.files.FileStore.StoredFile;
import se.paragraf.shared.security.CurrentUser;
import se.paragraf.shared.web.FrozenResponseCache;

/**
 * Publishes a meeting's notice. What is published is frozen: the HTML, the PDF and the agenda with
 * its page ranges are stored as they were, and a later change publishes a new version. Two
 * variants are stored when they differ: the public one (secret items and attachments withheld,
 * text masked) and the official, complete one for members and staff.
 */
@Service
@Transactional(readOnly = true)
public class NoticePublication {

	/** Where the published page links a file attachment; public, like the notice itself. */
	public static final String ATTACHMENT_BASE = "/public/attachments/";

	private final MeetingPlanning planning;

	private final Meetings meetings;

	private final Notices notices;

	private final NoticeComposer composer;

	private final FileStore files;

	private final ApplicationEventPublisher events;

	private final PublicText publicText;

	private final Clock clock;

	/** How long a notice's source hash is trusted without a change on this node (one on another node). */
	static final Duration SOURCE_KEPT = Duration.ofSeconds(30);

	private final FrozenResponseCache changes;

	private final Cache<Long, SourceHash> sourceHashes = Caffeine.newBuilder()
		.maximumSize(1_000)
		.expireAfterWrite(SOURCE_KEPT)
		.build();

	private final MatterRegister register;

	/** How many bytes of preview PDFs are kept at most; the least recently used preview goes first. */
	static final long PREVIEWS_KEPT_BYTES = 64L * 1024 * 1024;

	/**
	 * The newest preview of each meeting, bounded by the size of its PDF and dropped an hour after it
	 * was made: a preview is for the secretary about to publish, not an archive.
	 */
	private final Cache<Long, NoticePreview> previews = Caffeine.newBuilder()
		.maximumWeight(PREVIEWS_KEPT_BYTES)
		.weigher((Long meetingId, NoticePreview preview) -> preview.pdf().length)
		.expireAfterWrite(Duration.ofHours(1))
		.build();

	NoticePublication(MeetingPlanning planning, Meetings meetings, Notices notices, NoticeComposer composer,
			FileStore files, ApplicationEventPublisher events, PublicText publicText, Clock clock,
			FrozenResponseCache changes, MatterRegister register) {
		this.register = register;
		this.publicText = publicText;
		this.changes = changes;
		this.planning = planning;
		this.meetings = meetings;
		this.notices = notices;
		this.composer = composer;
		this.files = files;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Notice publish(Long meetingId, long expectedVersion) {
		return publish(meetingId, expectedVersion, NoticeProgress.NONE);
	}

	/**
	 * As {@link #publish(Long, long)}, telling {@code progress} how far it has come. Both variants
	 * are composed before anything is stored; the files stored are removed again if the
	 * transaction does not commit, so a failure leaves neither a new version nor a stray file.
	 */
	@Transactional
	Notice publish(Long meetingId, long expectedVersion, NoticeProgress progress) {
		// Once the meeting is under way the notice has done its work; what was announced stays as it was.
		Meeting meeting = this.planning.publishable(meetingId, expectedVersion);
		Optional<Notice> latest = latest(meetingId);
		// The drafts read now are the ones composed: the agenda and the reports are read once.
		String key = PublicText.noticeKey(meetingId);
		NoticeComposer.Draft publicDraft = this.composer.draft(meeting, this.publicText.publicPass(key), ATTACHMENT_BASE);
		NoticeComposer.Draft officialDraft = this.composer.draft(meeting, PublicText.officialPass(key),
				OfficialLinks.attachmentBase(meetingId));
		String source = sourceSha256(officialDraft.html(), publicDraft.html());
		if (latest.isPresent() && source.equals(latest.get().getSourceSha256())) {
			// Nothing changed since the last version: publishing again would only confuse the readers.
			return latest.get();
		}
		int versionNumber = latest.map(n -> n.getVersionNumber() + 1).orElse(1);
		NoticeComposer.Composed composed;
		NoticeComposer.Composed official = null;
		if (publicDraft.differs()) {
			// Two variants, composed side by side; the secretary sees the progress of both together.
			NoticeProgress.Both both = new NoticeProgress.Both(progress);
			NoticeComposer.Composed[] variants = this.composer.composeBoth(publicDraft,
					PublicLinks.noticePdf(meetingId, versionNumber), officialDraft,
					OfficialLinks.noticePdf(meetingId, versionNumber), both.first(), both.second());
			composed = variants[0];
			official = variants[1];
		}
		else {
			composed = this.composer.compose(publicDraft, PublicLinks.noticePdf(meetingId, versionNumber), progress);
		}
		progress.step(NoticeProgress.Step.SAVING);
		StoredFile pdf = storeUntilRollback(composed.pdf());
		Notice notice = new Notice(meetingId, versionNumber, Instant.now(this.clock), CurrentUser.name(),
				composed.html(), pdf.key(), pdf.sha256(), composed.pageCount(), composed.entries(),
				composed.publishedMatters(), composed.publishedAttachments());
		if (official != null) {
			StoredFile officialPdf = storeUntilRollback(official.pdf());
			notice.official(official.html(), officialPdf.key(), officialPdf.sha256(), official.pageCount(),
					official.entries());
		}
		notice.composedFrom(source, outline(meeting));
		notice = this.notices.save(notice);
		meeting.noticePublished();
		this.meetings.save(meeting);
		this.events.publishEvent(new NoticePublished(meetingId, notice.getId(), versionNumber, meeting.getBoardId()));
		return notice;
	}

	/** Stores a PDF, and removes it again should the publishing transaction roll back. */
	private StoredFile storeUntilRollback(byte[] content) {
		StoredFile stored = this.files.store(content);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					NoticePublication.this.files.delete(stored.key());
				}
			}
		});
		return stored;
	}

	/**
	 * The notice as it would be published now, rendered and not stored, with what changed against
	 * the last published version. The newest preview of each meeting is kept while its source is
	 * unchanged, so that the page and its PDF are composed once.
	 */
	public NoticePreview preview(Long meetingId) {
		Meeting meeting = this.planning.meeting(meetingId);
		String source = sourceSha256(meetingId);
		NoticePreview kept = this.previews.getIfPresent(meetingId);
		if (kept != null && kept.source().equals(source) && kept.meetingVersion() == meeting.getVersion()) {
			return kept;
		}
		String key = PublicText.noticeKey(meetingId);
		NoticeComposer.Composed composed = this.composer.compose(meeting, this.publicText.publicPass(key),
				ATTACHMENT_BASE, PublicLinks.noticePdf(meetingId));
		NoticePreview preview = new NoticePreview(meetingId, meeting.getVersion(), source, composed.pdf(),
				composed.pageCount(), composed.entries(), composed.differs(), changes(meeting));
		this.previews.put(meetingId, preview);
		return preview;
	}

	/** What changed in the agenda and its documents since the last published version. */
	public NoticeChanges changes(Long meetingId) {
		return changes(this.planning.meeting(meetingId));
	}

	private NoticeChanges changes(Meeting meeting) {
		List<NoticeOutline> now = outline(meeting);
		Optional<Notice> latest = latest(meeting.getId());
		if (latest.isEmpty()) {
			return new NoticeChanges(null, true, List.of());
		}
		Notice notice = latest.get();
		Optional<List<NoticeOutline>> kept = notice.getOutline();
		List<NoticeOutline> before = kept.orElseGet(() -> notice.getOfficialEntries()
			.stream()
			.filter(e -> e.itemId() != null)
			.map(e -> new NoticeOutline(e.itemId(), e.number(), e.title(), e.kind(), e.matterId(), null, null,
					List.of()))
			.toList());
		return NoticeChanges.between(notice.getVersionNumber(), kept.isPresent(), before, now);
	}

	/** The digest of what a notice published now would be composed from; see {@link #sourceSha256}. */
	public String currentSource(Long meetingId) {
		return sourceSha256(meetingId);
	}

	/** The meeting's agenda as a notice would carry it now, item by item. */
	private List<NoticeOutline> outline(Meeting meeting) {
		List<NoticeOutline> outline = new ArrayList<>();
		for (AgendaItem item : meeting.getAgenda()) {
			String secrecy = this.planning.confidentialityOf(item).citation();
			String report = null;
			List<NoticeOutline.Attachment> attachments = List.of();
			if (item.getMatterId() != null) {
				DecisionBasis basis = this.register.basis(item.getMatterId());
				report = FileStore.sha256Hex(String
					.join("\u0000", basis.heading(), String.join("\u0001", basis.proposedResolutionHtml()),
							basis.summaryHtml(), basis.descriptionHtml(), basis.financialImplicationsHtml(),
							String.valueOf(basis.signatory()), String.valueOf(basis.decisionRecipients()))
					.getBytes(StandardCharsets.UTF_8));
				attachments = basis.attachments()
					.stream()
					.map(a -> new NoticeOutline.Attachment(a.id(), a.title(),
							this.register.attachment(a.id()).getConfidentiality().citation(),
							a.sha256() != null ? a.sha256()
									: FileStore.sha256Hex(String.valueOf(a.html()).getBytes(StandardCharsets.UTF_8))))
					.toList();
			}
			outline.add(new NoticeOutline(item.getId(), meeting.numberOf(item), item.getTitle(), item.getKind(),
					item.getMatterId(), secrecy, report, attachments));
		}
		return outline;
	}

	/**
	 * Whether the agenda or a report changed after the newest notice was published, so that the
	 * published notice is out of date. False before the first notice.
	 */
	public boolean isOutOfDate(Long meetingId) {
		return latest(meetingId).map(n -> !currentSourceSha256(meetingId).equals(n.getSourceSha256())).orElse(false);
	}

	/**
	 * {@link #sourceSha256}, which renders both variants of the whole notice (every report), remembered
	 * until anything is written on this node ({@link FrozenResponseCache#changes()}) and for at most
	 * {@link #SOURCE_KEPT}, so that a change made on another node shows that soon: the meeting page asks
	 * on every view.
	 */
	private String currentSourceSha256(Long meetingId) {
		// Inside a writing transaction the records may hold what it has not committed (and may roll back).
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			return sourceSha256(meetingId);
		}
		long changesNow = this.changes.changes();
		SourceHash kept = this.sourceHashes.getIfPresent(meetingId);
		if (kept != null && kept.changes() == changesNow) {
			return kept.sha256();
		}
		String sha256 = sourceSha256(meetingId);
		this.sourceHashes.put(meetingId, new SourceHash(changesNow, sha256));
		return sha256;
	}

	/** A notice's source hash, as of a count of committed changes. */
	private record SourceHash(long changes, String sha256) {
	}

	/**
	 * What a notice published now would be composed from, as a SHA-256: both pages without page
	 * numbers, the official one (agenda, reports) and the public one (secrecy marks, masks).
	 */
	private String sourceSha256(Long meetingId) {
		return sourceSha256(previewHtml(meetingId, true), previewHtml(meetingId, false));
	}

	private static String sourceSha256(String officialPage, String publicPage) {
		String pages = officialPage + "\u0000" + publicPage;
		return FileStore.sha256Hex(pages.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The notice page as it would be published now, without page numbers: the public variant, or
	 * the official one; nothing is stored.
	 */
	public String previewHtml(Long meetingId, boolean official) {
		String key = PublicText.noticeKey(meetingId);
		return official
				? this.composer.draftHtml(this.planning.meeting(meetingId), PublicText.officialPass(key),
						OfficialLinks.attachmentBase(meetingId))
				: this.composer.draftHtml(this.planning.meeting(meetingId), this.publicText.publicPass(key),
						ATTACHMENT_BASE);
	}

	/** The sections of the notice's public variant as they would pass the masking filter now. */
	public List<PublicText.Section> publicSections(Long meetingId) {
		return this.composer.publicSections(this.planning.meeting(meetingId),
				this.publicText.publicPass(PublicText.noticeKey(meetingId)));
	}

	public Optional<Notice> latest(Long meetingId) {
		return this.notices.findFirstByMeetingIdOrderByVersionNumberDesc(meetingId);
	}

	/** Which of these meetings have a published notice, in one query (no notice is read). */
	public Set<Long> withNotices(Collection<Long> meetingIds) {
		return meetingIds.isEmpty() ? Set.of() : this.notices.meetingsWithNotices(meetingIds);
	}

	/**
	 * The newest notices that may list the matter on their agenda (the caller reads their entries): of
	 * meetings with it on the agenda, or whose notice carried its documents; in one query.
	 */
	public List<Notice> newestMentioning(Long matterId) {
		return this.notices.newestMentioning(matterId);
	}

	public List<Notice> versions(Long meetingId) {
		return this.notices.findByMeetingIdOrderByVersionNumberDesc(meetingId);
	}

	public Notice version(Long meetingId, int versionNumber) {
		return this.notices.findByMeetingIdAndVersionNumber(meetingId, versionNumber)
			.orElseThrow(() -> new NotFoundException("Notice", meetingId + "/" + versionNumber));
	}

	/** The public variant's PDF. */
	public byte[] pdf(Notice notice) {
		return this.files.read(notice.getPdfKey(), notice.getPdfSha256());
	}

	/** The official, complete PDF, for members and staff. */
	public byte[] officialPdf(Notice notice) {
		return this.files.read(notice.getOfficialPdfKey(), notice.getOfficialPdfSha256());
	}

	/**
	 * Whether a matter's documents were carried by a published notice's public variant, so that its
	 * attachments are public documents (a secret matter's never are).
	 */
	public boolean isPublished(Long matterId) {
		return this.notices.carriedMatter(matterId);
	}

	/**
	 * Whether a public notice carried this attachment: neither secret then nor withheld for personal
	 * data. Every public way to the file (download, OParl, search) asks this, not the matter.
	 */
	public boolean isPublicAttachment(Long attachmentId) {
		return this.notices.carriedAttachment(attachmentId);
	}

}
