package se.paragraf.proceedings.web;

import java.util.Objects;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

import se.paragraf.matters.Attachment;
import se.paragraf.matters.AttachmentDownloads;
import se.paragraf.matters.MatterRegister;
import se.paragraf.proceedings.Certification;
import se.paragraf.proceedings.Minutes;
import se.paragraf.meetings.Notice;
import se.paragraf.meetings.NoticeEntry;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.people.ReadingRights;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.web.FrozenDocuments;

/**
 * The official, complete documents of a meeting for members and staff: the notice with its secret
 * items and attachments, and the certified minutes as signed and sealed. Staff (admins, secretaries,
 * case officers) read every board's; a member or substitute only their own board's, as it was on the
 * meeting day or is today; economists none. Never public, never kept by a shared cache; a frozen
 * document still answers conditional requests.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER', 'MEMBER', 'SUBSTITUTE')")
class OfficialDocumentsController {

	private final NoticePublication notices;

	private final Certification certification;

	private final MatterRegister register;

	private final MeetingPlanning planning;

	private final ReadingRights rights;

	OfficialDocumentsController(NoticePublication notices, Certification certification, MatterRegister register,
			MeetingPlanning planning, ReadingRights rights) {
		this.notices = notices;
		this.certification = certification;
		this.register = register;
		this.planning = planning;
		this.rights = rights;
	}

	/**
	 * Secret content goes to those who must read it, by the one rule of {@link ReadingRights}: staff,
	 * and the board's own members as on the meeting day or today. A meeting that does not exist is not
	 * found for anyone.
	 */
	@ModelAttribute
	void mayRead(@PathVariable Long id) {
		Meeting meeting = this.planning.meeting(id);
		this.rights.requireSecretsOf(meeting.getBoardId(), meeting.getStart().toLocalDate());
	}

	@GetMapping("/meetings/{id}/official/notice")
	ResponseEntity<String> showLatestNotice(@PathVariable Long id, WebRequest request) {
		return html(latest(id), request);
	}

	@GetMapping("/meetings/{id}/official/notice.pdf")
	ResponseEntity<byte[]> downloadLatestNotice(@PathVariable Long id, WebRequest request) {
		return pdf(latest(id), request);
	}

	@GetMapping("/meetings/{id}/official/notices/{version}")
	ResponseEntity<String> showNotice(@PathVariable Long id, @PathVariable int version, WebRequest request) {
		return html(this.notices.version(id, version), request);
	}

	@GetMapping("/meetings/{id}/official/notices/{version}.pdf")
	ResponseEntity<byte[]> downloadNotice(@PathVariable Long id, @PathVariable int version, WebRequest request) {
		return pdf(this.notices.version(id, version), request);
	}

	/** The minutes as certified: the official page and the sealed PDF. Drafts are on the conduct screen. */
	@GetMapping("/meetings/{id}/official/minutes/{version}")
	ResponseEntity<String> showMinutes(@PathVariable Long id, @PathVariable int version, WebRequest request) {
		Minutes minutes = certified(id, version);
		return FrozenDocuments.html(minutes.getSignedPdfSha256() + "-official-html", FrozenDocuments.INTERNAL, request,
				minutes::getOfficialHtml);
	}

	@GetMapping("/meetings/{id}/official/minutes/{version}.pdf")
	ResponseEntity<byte[]> downloadMinutes(@PathVariable Long id, @PathVariable int version, WebRequest request) {
		Minutes minutes = certified(id, version);
		return FrozenDocuments.pdf(Objects.requireNonNull(minutes.getSignedPdfSha256()),
				"protokoll-" + id + "-v" + version + "-fullstandigt.pdf", FrozenDocuments.INTERNAL, request,
				() -> this.certification.pdf(minutes));
	}

	/** A file attached to a matter that a notice of this meeting carried, secret ones included. */
	@GetMapping("/meetings/{id}/official/attachments/{attachmentId}")
	ResponseEntity<byte[]> downloadAttachment(@PathVariable Long id, @PathVariable Long attachmentId) {
		Attachment attachment = this.register.attachment(attachmentId);
		boolean carried = this.notices.versions(id)
			.stream()
			.flatMap(n -> n.getOfficialEntries().stream())
			.map(NoticeEntry::matterId)
			.anyMatch(attachment.getMatterId()::equals);
		if (!carried) {
			throw new NotFoundException("Attachment", attachmentId);
		}
		return AttachmentDownloads.download(attachment, this.register.content(attachment));
	}

	private Notice latest(Long meetingId) {
		return this.notices.latest(meetingId).orElseThrow(() -> new NotFoundException("Notice", meetingId));
	}

	private Minutes certified(Long id, int version) {
		Minutes minutes = this.certification.version(id, version);
		if (!minutes.isCertified()) {
			throw new NotFoundException("Minutes", id + "/" + version);
		}
		return minutes;
	}

	private static ResponseEntity<String> html(Notice notice, WebRequest request) {
		return FrozenDocuments.html(notice.getOfficialPdfSha256() + "-official-html", FrozenDocuments.INTERNAL, request,
				notice::getOfficialHtml);
	}

	private ResponseEntity<byte[]> pdf(Notice notice, WebRequest request) {
		return FrozenDocuments.pdf(notice.getOfficialPdfSha256(),
				"kallelse-" + notice.getMeetingId() + "-v" + notice.getVersionNumber() + "-fullstandig.pdf",
				FrozenDocuments.INTERNAL, request, () -> this.notices.officialPdf(notice));
	}

}
