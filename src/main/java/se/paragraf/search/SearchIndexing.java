package se.paragraf.search;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.extractor.XSSFExcelExtractor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.matters.Attachment;
import se.paragraf.matters.AttachmentKind;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.OfficerReport;
import se.paragraf.meetings.AgendaItem;
import se.paragraf.proceedings.Certification;
import se.paragraf.proceedings.Decision;
import se.paragraf.meetings.Meeting;
import se.paragraf.proceedings.MeetingConduct;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.proceedings.MeetingRecord;
import se.paragraf.proceedings.Minutes;
import se.paragraf.meetings.Notice;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.meetings.PublicLinks;
import se.paragraf.meetings.PublicText;
import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.Sweden;
import se.paragraf.shared.text.RichText;

/**
 * Writes the search entries of matters and meetings from what their modules hold now. Every method
 * replaces the entries it covers, so running one twice does no harm, and a rebuild is every method
 * for everything. Who may find an entry is decided here:
 * <ul>
 * <li>a secret matter, and everything of it (report, attachments, decisions), and a secret attachment
 * are internal and secret;</li>
 * <li>the register entry of a matter is public (the register is);</li>
 * <li>an attachment is public once a published notice has carried its matter, internal before;</li>
 * <li>an officer report is internal: its public form is the published notice, which has an entry of
 * its own;</li>
 * <li>published notices, certified minutes and their decisions are public (what their public pages
 * show).</li>
 * </ul>
 */
@Service
class SearchIndexing {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexing.class);

	private static final ZoneId SWEDEN = Sweden.ZONE;

	private final SearchEntries entries;

	private final MatterRegister register;

	private final NoticePublication notices;

	private final Certification certification;

	private final MeetingPlanning planning;

	private final MeetingConduct conduct;

	private final Organisation organisation;

	private final RichText richText;

	private final PublicText publicText;

	private final Clock clock;

	SearchIndexing(SearchEntries entries, MatterRegister register, NoticePublication notices,
			Certification certification, MeetingPlanning planning, MeetingConduct conduct, Organisation organisation,
			RichText richText, PublicText publicText, Clock clock) {
		this.publicText = publicText;
		this.entries = entries;
		this.register = register;
		this.notices = notices;
		this.certification = certification;
		this.planning = planning;
		this.conduct = conduct;
		this.organisation = organisation;
		this.richText = richText;
		this.clock = clock;
	}

	/** The matter's register entry, its report and its attachments; its decisions follow its secrecy. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void indexMatter(Long matterId) {
		Matter matter = this.register.matter(matterId);
		Board board = this.organisation.board(matter.getBoardId());
		boolean secret = matter.isConfidential();
		boolean published = this.notices.isPublished(matterId);
		Instant now = Instant.now(this.clock);
		String number = matter.getDiaryNumber().toString();

		save(entry(EntryKind.MATTER, matterId).describe(matterId, board.getId(), board.getCode(), board.getName(),
				matter.getRegisteredOn(), matter.getTitle(), number + " " + matter.getTitle(), "/matters/" + matterId,
				SearchLinks.publicMatter(matterId), now)
			.visibleTo(Visibility.PUBLIC, secret));

		OfficerReport report = this.register.report(matterId);
		if (report.isWritten()) {
			String heading = report.getHeading().isBlank() ? matter.getTitle() : report.getHeading();
			List<String> parts = new ArrayList<>();
			parts.add(number);
			parts.add(plain(report.getSummary()));
			report.getProposedResolution().forEach(point -> parts.add(plain(point)));
			parts.add(plain(report.getDescription()));
			parts.add(plain(report.getFinancialImplications()));
			save(entry(EntryKind.OFFICER_REPORT, report.getId()).describe(matterId, board.getId(), board.getCode(),
					board.getName(), Objects.requireNonNullElse(report.getReportDate(), matter.getRegisteredOn()),
					heading, String.join("\n", parts), "/matters/" + matterId, null, now)
				.visibleTo(Visibility.INTERNAL, secret));
		}

		for (Attachment attachment : this.register.attachments(matterId)) {
			String key = SearchEntry.key(EntryKind.ATTACHMENT, attachment.getId());
			if (attachment.isWithdrawn()) {
				this.entries.deleteById(key);
				continue;
			}
			save(entry(EntryKind.ATTACHMENT, attachment.getId()).describe(matterId, board.getId(), board.getCode(),
					board.getName(), LocalDate.ofInstant(attachment.getAddedAt(), SWEDEN), attachment.getTitle(),
					text(attachment), "/matters/" + matterId + "/attachments/" + attachment.getId(),
					"/public/attachments/" + attachment.getId(), now)
				// A written attachment's public form is its masked text in the notice, which is indexed as
				// the notice; its own entry, unmasked, stays internal. A file is public once a notice carried it.
				.visibleTo(attachment.getKind() == AttachmentKind.FILE && this.notices.isPublicAttachment(attachment.getId())
						? Visibility.PUBLIC : Visibility.INTERNAL,
						secret || attachment.isConfidential()));
		}

		// A matter made secret takes its decisions with it. Lifting the mark does not make them public
		// here: a section can be secret on its own or through its item, which only the minutes know.
		if (secret) {
			for (SearchEntry decision : this.entries.findByMatterId(matterId)) {
				if (decision.getKind() == EntryKind.DECISION) {
					decision.visibleTo(Visibility.PUBLIC, true);
				}
			}
		}
	}

	/** The newest published notice of a meeting, and the matters it carries (their attachments are public now). */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void indexNotice(Long meetingId) {
		Optional<Notice> latest = this.notices.latest(meetingId);
		if (latest.isEmpty()) {
			return;
		}
		Meeting meeting = this.planning.meeting(meetingId);
		Board board = this.organisation.board(meeting.getBoardId());
		LocalDate day = meeting.getStart().toLocalDate();
		save(entry(EntryKind.NOTICE, meetingId).describe(null, board.getId(), board.getCode(), board.getName(), day,
				"Kallelse " + board.getName() + " " + day, html(latest.get().getHtml()), "/meetings/" + meetingId,
				PublicLinks.notice(meetingId), Instant.now(this.clock))
			.visibleTo(Visibility.PUBLIC, false));
		for (AgendaItem item : meeting.getAgenda()) {
			if (item.getMatterId() != null) {
				indexMatter(item.getMatterId());
			}
		}
	}

	/** The newest certified minutes of a meeting and each decision in them. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void indexMinutes(Long meetingId) {
		Optional<Minutes> certified = this.certification.certified(meetingId);
		if (certified.isEmpty()) {
			return;
		}
		Meeting meeting = this.planning.meeting(meetingId);
		Board board = this.organisation.board(meeting.getBoardId());
		LocalDate day = meeting.getStart().toLocalDate();
		Instant now = Instant.now(this.clock);
		String publicMinutes = "/public/meetings/" + meetingId + "/minutes";
		save(entry(EntryKind.MINUTES, meetingId).describe(null, board.getId(), board.getCode(), board.getName(), day,
				"Protokoll " + board.getName() + " " + day + " " + certified.get().getSectionRange(),
				html(certified.get().getHtml()), "/meetings/" + meetingId, publicMinutes, now)
			.visibleTo(Visibility.PUBLIC, false));

		MeetingRecord record = this.conduct.record(meetingId).orElse(null);
		if (record == null) {
			return;
		}
		for (AgendaItem item : meeting.getAgenda()) {
			Decision decision = record.decisionOn(item.getId()).filter(Decision::isRecorded).orElse(null);
			if (decision == null) {
				continue;
			}
			Long matterId = item.getMatterId();
			// Secret on its own, through a closed-doors item or through its matter.
			boolean secret = this.conduct.sectionConfidentiality(meetingId, item).isConfidential();
			String section = decision.getSectionNumber() == null ? "" : "§ " + decision.getSectionNumber() + " ";
			String text = decision.getText() != null && !decision.getText().isBlank() ? plain(decision.getText())
					: proposal(matterId);
			// The decision as the public minutes show it: through the same masks.
			if (decision.getSectionNumber() != null) {
				text = this.publicText.plain(PublicText.minutesKey(meetingId),
						PublicText.sectionKey(decision.getSectionNumber(), "decision"), text);
			}
			save(entry(EntryKind.DECISION, decision.getId()).describe(matterId, board.getId(), board.getCode(),
					board.getName(), day, section + item.getTitle(), text, "/meetings/" + meetingId,
					publicMinutes, now)
				.visibleTo(Visibility.PUBLIC, secret));
		}
	}

	/** Every matter and every meeting, from scratch. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int refeedAll() {
		int count = 0;
		for (Matter matter : this.register.allMatters()) {
			indexMatter(matter.getId());
			count++;
		}
		for (Meeting meeting : this.planning.allMeetings()) {
			indexNotice(meeting.getId());
			indexMinutes(meeting.getId());
		}
		return count;
	}

	private String proposal(@Nullable Long matterId) {
		if (matterId == null) {
			return "";
		}
		return String.join("\n", this.register.report(matterId).getProposedResolution().stream().map(this::plain).toList());
	}

	private SearchEntry entry(EntryKind kind, Long referenceId) {
		return this.entries.findById(SearchEntry.key(kind, referenceId)).orElseGet(() -> new SearchEntry(kind, referenceId));
	}

	private void save(SearchEntry entry) {
		this.entries.save(entry);
	}

	private String plain(String text) {
		return this.richText.toPlainText(text);
	}

	private static String html(String html) {
		return Jsoup.parse(html).text();
	}

	/** The words of an attachment: its text, or what PDFBox or POI read from its file. */
	String text(Attachment attachment) {
		if (attachment.getKind() == AttachmentKind.TEXT) {
			return plain(Objects.requireNonNullElse(attachment.getBody(), ""));
		}
		if (attachment.getStorageKey() == null || attachment.getContentType() == null) {
			return "";
		}
		try {
			return extract(attachment.getContentType(), this.register.content(attachment));
		}
		catch (IOException | RuntimeException ex) {
			// An unreadable file is still found by its title.
			log.warn("Could not read the text of attachment {}: {}", attachment.getId(), ex.toString());
			return "";
		}
	}

	static String extract(String contentType, byte[] content) throws IOException {
		switch (contentType) {
			case "application/pdf" -> {
				try (PDDocument document = Loader.loadPDF(content)) {
					return new PDFTextStripper().getText(document);
				}
			}
			case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> {
				try (XWPFWordExtractor extractor = new XWPFWordExtractor(
						new XWPFDocument(new ByteArrayInputStream(content)))) {
					return extractor.getText();
				}
			}
			case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> {
				try (XSSFExcelExtractor extractor = new XSSFExcelExtractor(
						new XSSFWorkbook(new ByteArrayInputStream(content)))) {
					return extractor.getText();
				}
			}
			default -> {
				return "";
			}
		}
	}

}
