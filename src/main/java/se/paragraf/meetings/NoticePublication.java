package se.paragraf.meetings;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;
import se.paragraf.shared.files.FileStore;
import se.paragraf.shared.files.FileStore.StoredFile;
import se.paragraf.shared.security.CurrentUser;

/**
 * Publishes a meeting's notice. What is published is frozen: the HTML, the PDF and the agenda with
 * its page ranges are stored as they were, and a later change publishes a new version.
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

	private final Clock clock;

	NoticePublication(MeetingPlanning planning, Meetings meetings, Notices notices, NoticeComposer composer,
			FileStore files, ApplicationEventPublisher events, Clock clock) {
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
		Meeting meeting = this.planning.meeting(meetingId);
		StaleVersionException.check("Meeting", meetingId, meeting.getVersion(), expectedVersion);
		if (meeting.getStatus() == MeetingStatus.CANCELLED) {
			throw new RuleViolation("meeting.cancelled");
		}
		int versionNumber = latest(meetingId).map(n -> n.getVersionNumber() + 1).orElse(1);
		NoticeComposer.Composed composed = this.composer.compose(meeting, ATTACHMENT_BASE,
				PublicLinks.noticePdf(meetingId, versionNumber));
		StoredFile pdf = this.files.store(composed.pdf());
		Notice notice = this.notices.save(new Notice(meetingId, versionNumber, Instant.now(this.clock),
				CurrentUser.name(), composed.html(), pdf.key(), pdf.sha256(), composed.pageCount(), composed.entries()));
		meeting.noticePublished();
		this.meetings.save(meeting);
		this.events.publishEvent(new NoticePublished(meetingId, notice.getId(), versionNumber, meeting.getBoardId()));
		return notice;
	}

	/** The notice page as it would be published now, without page numbers; nothing is stored. */
	public String previewHtml(Long meetingId) {
		return this.composer.draftHtml(this.planning.meeting(meetingId), ATTACHMENT_BASE);
	}

	public Optional<Notice> latest(Long meetingId) {
		return this.notices.findFirstByMeetingIdOrderByVersionNumberDesc(meetingId);
	}

	public List<Notice> versions(Long meetingId) {
		return this.notices.findByMeetingIdOrderByVersionNumberDesc(meetingId);
	}

	public Notice version(Long meetingId, int versionNumber) {
		return this.notices.findByMeetingIdAndVersionNumber(meetingId, versionNumber)
			.orElseThrow(() -> new NotFoundException("Notice", meetingId + "/" + versionNumber));
	}

	public byte[] pdf(Notice notice) {
		return this.files.read(notice.getPdfKey());
	}

	/** Whether a matter was carried by a published notice, so that its attachments are public documents. */
	public boolean isPublished(Long matterId) {
		return this.notices.carriedMatter(matterId);
	}

}
