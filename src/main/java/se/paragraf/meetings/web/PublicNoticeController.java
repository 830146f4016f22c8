package se.paragraf.meetings.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

import se.paragraf.matters.Attachment;
import se.paragraf.matters.AttachmentDownloads;
import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.PublicLinks;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.Notice;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.web.PublicPage;
import se.paragraf.shared.web.FrozenDocuments;

/**
 * Published notices for everyone, without login: a notice is a public document once published.
 * A numbered version never changes, so it is cached for a year and answers conditional requests;
 * the newest version is revalidated.
 */
@Controller
class PublicNoticeController {

	private static final CacheControl FOREVER = FrozenDocuments.FOREVER;

	private static final CacheControl REVALIDATE = FrozenDocuments.REVALIDATE;

	private final MeetingPlanning planning;

	private final NoticePublication notices;

	private final Organisation organisation;

	private final MatterRegister register;

	PublicNoticeController(MeetingPlanning planning, NoticePublication notices, Organisation organisation,
			MatterRegister register) {
		this.planning = planning;
		this.notices = notices;
		this.organisation = organisation;
		this.register = register;
	}

	@GetMapping("/public/meetings")
	@PublicPage
	String listPublishedMeetings(Model model) {
		model.addAttribute("entries", published(this.planning.allMeetings()));
		return "meetings/public-list";
	}

	@GetMapping("/public/meetings/{id}/notice")
	ResponseEntity<String> showLatestNotice(@PathVariable Long id, WebRequest request) {
		return html(latest(id), REVALIDATE, request);
	}

	@GetMapping("/public/meetings/{id}/notice.pdf")
	ResponseEntity<byte[]> downloadLatestNotice(@PathVariable Long id, WebRequest request) {
		return pdf(latest(id), REVALIDATE, request);
	}

	@GetMapping("/public/meetings/{id}/notices/{version}")
	ResponseEntity<String> showNotice(@PathVariable Long id, @PathVariable int version, WebRequest request) {
		return html(this.notices.version(id, version), FOREVER, request);
	}

	@GetMapping("/public/meetings/{id}/notices/{version}.pdf")
	ResponseEntity<byte[]> downloadNotice(@PathVariable Long id, @PathVariable int version, WebRequest request) {
		return pdf(this.notices.version(id, version), FOREVER, request);
	}

	/**
	 * A file that a public notice carried; anything else does not exist here: not a secret attachment,
	 * nor any attachment of a secret matter (OSL), nor one withheld for personal data, nor one added
	 * after the last publication. A mark made since still counts.
	 */
	@GetMapping("/public/attachments/{id}")
	ResponseEntity<byte[]> downloadAttachment(@PathVariable Long id) {
		Attachment attachment = this.register.attachment(id);
		if (!this.register.isPublic(attachment) || !this.notices.isPublicAttachment(id)) {
			throw new NotFoundException("Attachment", id);
		}
		return AttachmentDownloads.download(attachment, this.register.content(attachment));
	}

	private Notice latest(Long meetingId) {
		return this.notices.latest(meetingId).orElseThrow(() -> new NotFoundException("Notice", meetingId));
	}

	private List<PublishedMeeting> published(List<Meeting> meetings) {
		return meetings.stream()
			.map(m -> this.notices.latest(m.getId())
				.map(n -> new PublishedMeeting(m, this.organisation.board(m.getBoardId()), n)))
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing((PublishedMeeting p) -> p.meeting().getStart()).reversed())
			.toList();
	}

	private static ResponseEntity<String> html(Notice notice, CacheControl cache, WebRequest request) {
		return FrozenDocuments.html(notice.getPdfSha256() + "-html", cache, request, notice::getHtml);
	}

	private ResponseEntity<byte[]> pdf(Notice notice, CacheControl cache, WebRequest request) {
		return FrozenDocuments.pdf(notice.getPdfSha256(),
				"kallelse-" + notice.getMeetingId() + "-v" + notice.getVersionNumber() + ".pdf", cache, request,
				() -> this.notices.pdf(notice));
	}

	/** A meeting with its newest published notice, as the public list shows it. */
	record PublishedMeeting(Meeting meeting, Board board, Notice notice) {

		public String noticeUrl() {
			return PublicLinks.notice(this.meeting.getId());
		}

		public String noticePdfUrl() {
			return PublicLinks.noticePdf(this.meeting.getId());
		}

	}

}
