package se.paragraf.meetings.reading;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.matters.Attachment;
import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.Notice;
import se.paragraf.meetings.NoticeEntry;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.meetings.OfficialLinks;
import se.paragraf.people.Membership;
import se.paragraf.people.Organisation;
import se.paragraf.people.ReadingRights;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.security.CurrentUser;

/**
 * Reading a meeting's documents with private notes. Who may read is the rule of the official
 * documents ({@link ReadingRights}: staff, and the board's own members and substitutes); whose notes
 * are read is always the signed-in account's own, so another's note is "not found", never refused.
 */
@Service
@Transactional(readOnly = true)
public class Reading {

	private static final Logger log = LoggerFactory.getLogger(Reading.class);

	public static final String NOTICE = "notice";

	private final MeetingPlanning planning;

	private final NoticePublication notices;

	private final MatterRegister register;

	private final ReadingRights rights;

	private final Organisation organisation;

	private final PrivateNotes notes;

	private final Clock clock;

	Reading(MeetingPlanning planning, NoticePublication notices, MatterRegister register, ReadingRights rights,
			Organisation organisation, PrivateNotes notes, Clock clock) {
		this.planning = planning;
		this.notices = notices;
		this.register = register;
		this.rights = rights;
		this.organisation = organisation;
		this.notes = notes;
		this.clock = clock;
	}

	/** The meeting, once the reader may read its official documents (403 otherwise, 404 if none). */
	public Meeting readable(Long meetingId) {
		Meeting meeting = this.planning.meeting(meetingId);
		this.rights.requireSecretsOf(meeting.getBoardId(), meeting.getStart().toLocalDate());
		return meeting;
	}

	/**
	 * The documents of the meeting's newest notice, official variant: the notice itself, then each
	 * file attachment of the matters it carried, in agenda order; withdrawn files left out.
	 */
	public List<Document> documents(Long meetingId) {
		readable(meetingId);
		Optional<Notice> latest = this.notices.latest(meetingId);
		if (latest.isEmpty()) {
			return List.of();
		}
		Notice notice = latest.get();
		List<Document> documents = new ArrayList<>();
		documents.add(new Document(NOTICE, null, OfficialLinks.noticePdf(meetingId), true));
		Set<Long> matters = new LinkedHashSet<>();
		for (NoticeEntry entry : notice.getOfficialEntries()) {
			if (entry.matterId() != null) {
				matters.add(entry.matterId());
			}
		}
		for (Long matterId : matters) {
			for (Attachment attachment : this.register.attachments(matterId)) {
				if (attachment.isWithdrawn()) {
					continue;
				}
				documents.add(new Document("attachment-" + attachment.getId(), attachment.getTitle(),
						OfficialLinks.attachmentBase(meetingId) + attachment.getId(), attachment.isPdf()));
			}
		}
		return documents;
	}

	/** The signed-in account's notes on the meeting's documents. */
	public List<PrivateNote> myNotes(Long meetingId) {
		readable(meetingId);
		return this.notes.findByOwnerAndMeetingIdOrderByDocumentAscPageAscIdAsc(owner(), meetingId);
	}

	@Transactional
	public PrivateNote add(Long meetingId, NoteInput input) {
		Meeting meeting = readable(meetingId);
		String document = java.util.Objects.requireNonNull(input.document());
		requireDocument(meetingId, document, java.util.Objects.requireNonNull(input.page()));
		PrivateNote note = new PrivateNote(owner(), seatedPerson(meeting), meeting.getBoardId(), meetingId, document,
				input.page(), java.util.Objects.requireNonNull(input.kind()), this.clock.instant());
		write(note, input);
		return this.notes.save(note);
	}

	/** Rewrites a note's text (and, for a highlight, its area); page and document stay. */
	@Transactional
	public PrivateNote update(Long meetingId, Long noteId, NoteInput input) {
		readable(meetingId);
		PrivateNote note = mine(meetingId, noteId);
		if (note.getKind() != input.kind() || !note.getDocument().equals(input.document())
				|| note.getPage() != java.util.Objects.requireNonNull(input.page())) {
			throw RuleViolation.onField("document", "reading.moved");
		}
		write(note, input);
		return note;
	}

	@Transactional
	public void delete(Long meetingId, Long noteId) {
		readable(meetingId);
		this.notes.delete(mine(meetingId, noteId));
	}

	/**
	 * The newest notice, official variant, with the reader's own notes on it (see {@link NotesPdf});
	 * the labels are in the reader's language.
	 */
	public byte[] noticeWithNotes(Long meetingId, NotesPdf.Labels labels) {
		readable(meetingId);
		Notice notice = this.notices.latest(meetingId).orElseThrow(() -> new NotFoundException("Notice", meetingId));
		List<PrivateNote> mine = this.notes.findByOwnerAndMeetingIdOrderByDocumentAscPageAscIdAsc(owner(), meetingId)
			.stream()
			.filter(n -> NOTICE.equals(n.getDocument()))
			.toList();
		return NotesPdf.withNotes(this.notices.officialPdf(notice), mine, labels);
	}

	/**
	 * Forgets the notes of every member and substitute whose seats on the board have all ended
	 * (kept "until her term ends"); {@link NoteForgetting} runs it nightly. Notes written without a
	 * seat (staff) are not touched here.
	 * @return how many notes were forgotten
	 */
	@Transactional
	public int forgetNotesOfEndedTerms() {
		LocalDate today = LocalDate.now(this.clock);
		int forgotten = 0;
		for (Object[] seat : this.notes.seatsWithNotes()) {
			Long personId = (Long) seat[0];
			Long boardId = (Long) seat[1];
			boolean seated = this.organisation.membershipsOf(boardId)
				.stream()
				.filter(m -> m.getPersonId().equals(personId))
				.map(Membership::getTermEnd)
				.anyMatch(end -> !end.isBefore(today));
			if (!seated) {
				forgotten += this.notes.deleteBySeat(personId, boardId);
			}
		}
		if (forgotten > 0) {
			log.info("Forgot {} private notes of members whose term has ended", forgotten);
		}
		return forgotten;
	}

	private void write(PrivateNote note, NoteInput input) {
		if (note.getKind() == NoteKind.HIGHLIGHT) {
			note.write(input.body(), input.x0(), input.y0(), input.w(), input.h(), this.clock.instant());
		}
		else {
			note.write(input.body(), input.x0(), input.y0(), 0, 0, this.clock.instant());
		}
	}

	private PrivateNote mine(Long meetingId, Long noteId) {
		return this.notes.findByIdAndOwnerAndMeetingId(noteId, owner(), meetingId)
			.orElseThrow(() -> new NotFoundException("PrivateNote", noteId));
	}

	private void requireDocument(Long meetingId, String document, int page) {
		if (NOTICE.equals(document)) {
			Notice notice = this.notices.latest(meetingId).orElseThrow(() -> RuleViolation.onField("document", "reading.document.unknown"));
			int pages = notice.getOfficialPageCount();
			if (page > pages) {
				throw RuleViolation.onField("page", "reading.page.beyond", pages);
			}
			return;
		}
		if (documents(meetingId).stream().noneMatch(d -> d.key().equals(document))) {
			throw RuleViolation.onField("document", "reading.document.unknown");
		}
	}

	private static String owner() {
		return CurrentUser.get()
			.map(CurrentUser::username)
			.orElseThrow(() -> new AccessDeniedException("Private notes need an account"));
	}

	/**
	 * The author's person, when she has (or had) a seat on the meeting's board: her notes are hers as
	 * a member, and go when no seat of hers on the board lasts to today.
	 */
	private @Nullable Long seatedPerson(Meeting meeting) {
		Long personId = CurrentUser.get().map(CurrentUser::personId).orElse(null);
		if (personId == null) {
			return null;
		}
		boolean seated = this.organisation.membershipsOf(meeting.getBoardId())
			.stream()
			.anyMatch(m -> m.getPersonId().equals(personId));
		return seated ? personId : null;
	}

	/** One readable document: its key for notes, a title (none for the notice), where to fetch it. */
	public record Document(String key, @Nullable String title, String url, boolean pdf) {
	}

}
