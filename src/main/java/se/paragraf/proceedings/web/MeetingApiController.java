package se.paragraf.proceedings.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.OfficialLinks;
import se.paragraf.meetings.PublicLinks;
import se.paragraf.meetings.MeetingKind;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.Notice;
import se.paragraf.meetings.NoticeEntry;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.Confidentiality;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.web.ApiController;

/**
 * Meetings, agendas and notices in the JSON API. Every change names the meeting version the client
 * saw; the answer carries the new one. Every signed-in role reads a meeting; one who may not read
 * its board's secrets gets secret items and sections withheld as the public variants withhold
 * them (see {@link ConductJson}).
 */
@ApiController("/api/v1")
@PreAuthorize("isAuthenticated()")
class MeetingApiController {

	private final MeetingPlanning planning;

	private final NoticePublication notices;

	private final Organisation organisation;

	private final MatterRegister register;

	private final ConductJson conduct;

	private final Clock clock;

	MeetingApiController(MeetingPlanning planning, NoticePublication notices, Organisation organisation,
			MatterRegister register, ConductJson conduct, Clock clock) {
		this.clock = clock;
		this.conduct = conduct;
		this.planning = planning;
		this.notices = notices;
		this.organisation = organisation;
		this.register = register;
	}

	@GetMapping("/boards/{code}/meetings")
	List<MeetingSummary> meetings(@PathVariable String code, @RequestParam(required = false) @Nullable Integer year) {
		Board board = this.organisation.board(code);
		int wanted = year == null ? LocalDate.now(this.clock).getYear() : year;
		return this.planning.meetings(board.getId(), wanted).stream().map(MeetingSummary::of).toList();
	}

	@PostMapping("/boards/{code}/meetings")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<MeetingJson> schedule(@PathVariable String code, @Valid @RequestBody NewMeeting request) {
		Meeting meeting = this.planning.schedule(code, request.kind() == null ? MeetingKind.ORDINARY : request.kind(),
				request.start(), request.end(), request.place(), request.digitalTool());
		return ResponseEntity.created(URI.create("/api/v1/meetings/" + meeting.getId())).body(json(meeting.getId()));
	}

	@PostMapping("/boards/{code}/schedule")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<List<MeetingSummary>> planYear(@PathVariable String code, @Valid @RequestBody NewSchedule request) {
		if (!request.to().isAfter(request.from())) {
			throw RuleViolation.onField("to", "meeting.end.beforeStart");
		}
		List<Meeting> planned = this.planning.planYear(code, request.dates(), request.from(), request.to(),
				request.place(), request.digitalTool());
		return ResponseEntity.created(URI.create("/api/v1/boards/" + code + "/meetings?year=" + request.dates().get(0).getYear()))
			.body(planned.stream().map(MeetingSummary::of).toList());
	}

	@GetMapping("/meetings/{id}")
	MeetingJson meeting(@PathVariable Long id) {
		return json(id);
	}

	@PutMapping("/meetings/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	MeetingJson reschedule(@PathVariable Long id, @Valid @RequestBody MeetingUpdate request) {
		this.planning.reschedule(id, request.version(), request.start(), request.end(), request.place(),
				request.digitalTool());
		return json(id);
	}

	@PostMapping("/meetings/{id}/agenda")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<MeetingJson> addItem(@PathVariable Long id, @Valid @RequestBody NewAgendaItem request) {
		if (request.matterId() != null) {
			this.planning.addMatter(id, request.version(), request.matterId());
		}
		else if (request.oralInformation() != null && !request.oralInformation().isBlank()) {
			this.planning.addOralInformation(id, request.version(), request.oralInformation());
		}
		else {
			throw RuleViolation.onField("matterId", "agenda.item.required");
		}
		return ResponseEntity.created(URI.create("/api/v1/meetings/" + id)).body(json(id));
	}

	@PutMapping("/meetings/{id}/agenda")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	MeetingJson reorder(@PathVariable Long id, @Valid @RequestBody AgendaOrder request) {
		this.planning.reorder(id, request.version(), request.itemIds());
		return json(id);
	}

	@DeleteMapping("/meetings/{id}/agenda/{itemId}")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	MeetingJson removeItem(@PathVariable Long id, @PathVariable Long itemId, @RequestParam long version) {
		this.planning.removeItem(id, version, itemId);
		return json(id);
	}

	/**
	 * Marks an agenda item secret with its OSL ground, or lifts its own mark; an item whose matter
	 * is secret stays secret. A missing or malformed ground is a 400 on the field legalGround.
	 */
	@PutMapping("/meetings/{id}/agenda/{itemId}/confidentiality")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	MeetingJson classifyItem(@PathVariable Long id, @PathVariable Long itemId,
			@Valid @RequestBody ConfidentialityRequest request) {
		this.planning.classifyItem(id, request.version(), itemId,
				Confidentiality.of(request.confidential(), request.legalGround()));
		return json(id);
	}

	@GetMapping("/meetings/{id}/notices")
	List<NoticeJson> notices(@PathVariable Long id) {
		this.planning.meeting(id);
		return this.notices.versions(id).stream().map(NoticeJson::of).toList();
	}

	private MeetingJson json(Long id) {
		Meeting meeting = this.planning.meeting(id);
		Optional<Notice> latest = this.notices.latest(id);
		// An item's pages are those of the newest published (official) notice that carried that very item.
		Map<Long, NoticeEntry> published = latest
			.map(n -> n.getOfficialEntries()
				.stream()
				.filter(e -> e.itemId() != null)
				.collect(Collectors.toMap(NoticeEntry::itemId, Function.identity())))
			.orElse(Map.of());
		// A reader who may not read the board's secrets gets secret items as the public notice shows them.
		boolean secrets = this.conduct.readsSecrets(meeting);
		List<AgendaItemJson> agenda = meeting.getAgenda().stream().map(item -> {
			NoticeEntry entry = published.get(item.getId());
			Confidentiality mark = this.planning.confidentialityOf(item);
			boolean withheld = mark.isConfidential() && !secrets;
			return new AgendaItemJson(item.getId(), meeting.numberOf(item), this.conduct.title(item, secrets),
					item.getKind().name(),
					item.getMatterId() == null ? null : this.register.matter(item.getMatterId()).getDiaryNumber().toString(),
					item.getMatterId(), entry == null || withheld ? null : entry.pages(),
					new SecrecyJson(mark.isConfidential(), mark.getLegalGround(),
							item.getConfidentiality().isConfidential()),
					this.conduct.decision(id, item, secrets));
		}).toList();
		Map<String, String> links = new java.util.LinkedHashMap<>();
		if (latest.isPresent()) {
			links.put("notice", PublicLinks.notice(id));
			links.put("noticePdf", PublicLinks.noticePdf(id));
			links.put("officialNotice", OfficialLinks.notice(id));
			links.put("officialNoticePdf", OfficialLinks.noticePdf(id));
		}
		links.putAll(this.conduct.links(id));
		return new MeetingJson(meeting.getId(), this.organisation.board(meeting.getBoardId()).getCode(),
				meeting.getStart(), meeting.getEnd(), meeting.getLocation(), meeting.getPlace(), meeting.getDigitalTool(),
				meeting.getKind().name(), meeting.getStatus().name(), meeting.getVersion(), agenda, links,
				this.notices.versions(id).stream().map(NoticeJson::of).toList(), this.conduct.attendance(id),
				this.conduct.publicNotices(id));
	}

	record MeetingSummary(Long id, LocalDateTime start, LocalDateTime end, String place, String kind, String status,
			long version) {

		static MeetingSummary of(Meeting meeting) {
			return new MeetingSummary(meeting.getId(), meeting.getStart(), meeting.getEnd(), meeting.getLocation(),
					meeting.getKind().name(), meeting.getStatus().name(), meeting.getVersion());
		}

	}

	record MeetingJson(Long id, String board, LocalDateTime start, LocalDateTime end, String place,
			@Nullable String room, @Nullable String digitalTool, String kind, String status, long version,
			List<AgendaItemJson> agenda, Map<String, String> links, List<NoticeJson> notices,
			List<ConductJson.AttendanceJson> attendance, List<ConductJson.PublicNoticeJson> publicNotices) {
	}

	/**
	 * An item on the agenda, with the pages of its documents in the official notice and its secrecy:
	 * the mark in force (its own or its matter's) and whether the item carries its own.
	 */
	record AgendaItemJson(Long id, int number, String title, String kind, @Nullable String diaryNumber,
			@Nullable Long matterId, @Nullable String pages, SecrecyJson secrecy,
			ConductJson.@Nullable DecisionJson decision) {
	}

	/** A secrecy mark: confidential with its OSL ground ("21 kap. 1 §"), and whether it is the item's own. */
	record SecrecyJson(boolean confidential, @Nullable String legalGround, boolean ownMark) {
	}

	record ConfidentialityRequest(@NotNull Boolean confidential, @Nullable @Size(max = 200) String legalGround,
			@NotNull Long version) {
	}

	/**
	 * A published notice: page count and checksum of the public PDF, and, when the public variant
	 * withheld or masked something, those of the official one; links to both.
	 */
	record NoticeJson(int version, Instant publishedAt, String publishedBy, int pageCount, String sha256,
			boolean publicVariantDiffers, int officialPageCount, String officialSha256, Map<String, String> links) {

		static NoticeJson of(Notice notice) {
			Long id = notice.getMeetingId();
			int v = notice.getVersionNumber();
			return new NoticeJson(v, notice.getPublishedAt(), notice.getPublishedBy(), notice.getPageCount(),
					notice.getPdfSha256(), notice.hasOfficialVariant(), notice.getOfficialPageCount(),
					notice.getOfficialPdfSha256(),
					Map.of("notice", PublicLinks.notice(id, v), "noticePdf", PublicLinks.noticePdf(id, v),
							"officialNotice", OfficialLinks.notice(id, v), "officialNoticePdf",
							OfficialLinks.noticePdf(id, v)));
		}

	}

	record NewMeeting(@Nullable MeetingKind kind, @NotNull LocalDateTime start, @NotNull LocalDateTime end,
			@Nullable @Size(max = 500) String place, @Nullable @Size(max = 200) String digitalTool) {
	}

	record NewSchedule(@NotEmpty List<@NotNull LocalDate> dates, @NotNull LocalTime from, @NotNull LocalTime to,
			@Nullable @Size(max = 500) String place, @Nullable @Size(max = 200) String digitalTool) {
	}

	record MeetingUpdate(@NotNull LocalDateTime start, @NotNull LocalDateTime end,
			@Nullable @Size(max = 500) String place, @Nullable @Size(max = 200) String digitalTool,
			@NotNull Long version) {
	}

	record NewAgendaItem(@Nullable Long matterId, @Nullable @Size(max = 500) String oralInformation,
			@NotNull Long version) {
	}

	record AgendaOrder(@NotEmpty List<@NotNull Long> itemIds, @NotNull Long version) {
	}

}
