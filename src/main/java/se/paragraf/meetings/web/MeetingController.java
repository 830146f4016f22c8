package se.paragraf.meetings.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.MatterStatus;
import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.PublicLinks;
import se.paragraf.meetings.PublicText;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.MeetingStatus;
import se.paragraf.meetings.NoticeJob;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.meetings.NoticePublishing;
import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.mail.MailDelivery;
import se.paragraf.shared.mail.MailKind;
import se.paragraf.shared.Confidentiality;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;
import se.paragraf.shared.web.Forms;
import se.paragraf.shared.web.HtmxRequests;

/**
 * The secretary's pages: the year's meetings, planning the schedule, building an agenda and
 * publishing the notice. Agenda edits answer htmx requests with the agenda fragment alone.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
class MeetingController {

	private static final String LIST = "meetings/list";

	private static final String DETAIL = "meetings/detail";

	private static final String AGENDA = "meetings/detail :: agenda";

	/** The meeting's rules name the end "end"; the forms call it "to". */
	private static final java.util.Map<String, String> FORM_FIELDS = java.util.Map.of("end", "to");

	private final MeetingPlanning planning;

	private final NoticePublication notices;

	private final NoticePublishing publishing;

	private final Organisation organisation;

	private final MatterRegister register;

	private final MessageSource messages;

	private final Clock clock;

	private final MailDelivery mail;

	MeetingController(MeetingPlanning planning, NoticePublication notices, NoticePublishing publishing,
			Organisation organisation, MatterRegister register, MessageSource messages, Clock clock,
			MailDelivery mail) {
		this.mail = mail;
		this.publishing = publishing;
		this.clock = clock;
		this.planning = planning;
		this.notices = notices;
		this.organisation = organisation;
		this.register = register;
		this.messages = messages;
	}

	@GetMapping("/meetings")
	String listMeetings(@RequestParam(required = false) @Nullable String board,
			@RequestParam(required = false) @Nullable Integer year, Model model) {
		String code = board == null ? defaultBoard() : board;
		model.addAttribute("meeting", MeetingForm.empty(code));
		model.addAttribute("schedule", ScheduleForm.empty(code));
		return list(code, year, model);
	}

	@PostMapping("/meetings")
	String scheduleMeeting(@Valid @ModelAttribute("meeting") MeetingForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Meeting meeting = this.planning.schedule(form.board(), form.kind(), form.date().atTime(form.from()),
						form.date().atTime(form.to()), form.place(), form.digitalTool());
				redirect.addFlashAttribute("message", text("meeting.scheduled"));
				return "redirect:/meetings/" + meeting.getId();
			}
			catch (RuleViolation violation) {
				Forms.reject(result, violation, FORM_FIELDS);
			}
		}
		model.addAttribute("schedule", ScheduleForm.empty(form.board()));
		return list(form.board(), form.date() == null ? null : form.date().getYear(), model);
	}

	@PostMapping("/meetings/schedule")
	String planYear(@Valid @ModelAttribute("schedule") ScheduleForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		ScheduleForm.Parsed parsed = result.hasFieldErrors("dates") ? null : form.parse();
		if (parsed != null && parsed.badLine() != null) {
			result.rejectValue("dates", "schedule.date.invalid", new Object[] { parsed.badLine() }, null);
		}
		if (!result.hasErrors() && parsed != null) {
			try {
				if (!form.to().isAfter(form.from())) {
					throw RuleViolation.onField("to", "meeting.end.beforeStart");
				}
				List<Meeting> planned = this.planning.planYear(form.board(), parsed.dates(), form.from(), form.to(),
						form.place(), form.digitalTool());
				redirect.addFlashAttribute("message", text("schedule.planned", planned.size()));
				return "redirect:/meetings?board=" + form.board() + "&year=" + parsed.dates().get(0).getYear();
			}
			catch (RuleViolation violation) {
				Forms.reject(result, violation, FORM_FIELDS);
			}
		}
		model.addAttribute("meeting", MeetingForm.empty(form.board()));
		return list(form.board(), null, model);
	}

	@GetMapping("/meetings/{id}")
	@Transactional(readOnly = true) // one session and one commit for the page's many reads
	String showMeeting(@PathVariable Long id, Model model, HttpServletRequest request) {
		return detail(this.planning.meeting(id), model, HtmxRequests.isHtmx(request));
	}

	@PostMapping("/meetings/{id}")
	String rescheduleMeeting(@PathVariable Long id, @Valid @ModelAttribute("meetingForm") MeetingForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.planning.reschedule(id, form.version() == null ? -1 : form.version(),
						form.date().atTime(form.from()), form.date().atTime(form.to()), form.place(), form.digitalTool());
				redirect.addFlashAttribute("message", text("common.saved"));
				return "redirect:/meetings/" + id;
			}
			catch (StaleVersionException ex) {
				result.reject("common.stale");
			}
			catch (RuleViolation violation) {
				if (violation.field() == null) {
					// The meeting's state, not the input, refuses the change; the page no longer offers the form.
					redirect.addFlashAttribute("error", text(violation.code(), violation.arguments()));
					return "redirect:/meetings/" + id;
				}
				Forms.reject(result, violation, FORM_FIELDS);
			}
		}
		return detail(this.planning.meeting(id), model, false);
	}

	@PostMapping("/meetings/{id}/agenda")
	String addAgendaItem(@PathVariable Long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable Long matterId,
			@RequestParam(required = false) @Nullable String oralInformation, Model model, HttpServletRequest request,
			RedirectAttributes redirect) {
		return editAgenda(id, model, request, redirect, () -> {
			if (matterId != null) {
				this.planning.addMatter(id, version, matterId);
			}
			else if (oralInformation != null && !oralInformation.isBlank()) {
				this.planning.addOralInformation(id, version, oralInformation);
			}
			else {
				throw new RuleViolation("agenda.item.required");
			}
		});
	}

	@PostMapping("/meetings/{id}/agenda/{itemId}/move")
	String moveAgendaItem(@PathVariable Long id, @PathVariable Long itemId, @RequestParam long version,
			@RequestParam int to, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		return editAgenda(id, model, request, redirect, () -> this.planning.moveItem(id, version, itemId, to));
	}

	/**
	 * Puts the agenda in the order a drag and drop left it: every item on it named once, the standing
	 * items first. The up and down buttons do the same one step at a time, without script.
	 */
	@PostMapping("/meetings/{id}/agenda/order")
	String reorderAgenda(@PathVariable Long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable List<Long> itemIds, Model model, HttpServletRequest request,
			RedirectAttributes redirect) {
		return editAgenda(id, model, request, redirect,
				() -> this.planning.reorder(id, version, itemIds == null ? List.of() : itemIds));
	}

	/**
	 * Takes an item off the agenda, recorded and restorable: the page says so with "Ångra" right
	 * away, and lists the removed items to restore later.
	 */
	@PostMapping("/meetings/{id}/agenda/{itemId}/removal")
	String removeAgendaItem(@PathVariable Long id, @PathVariable Long itemId, @RequestParam long version, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		return editAgenda(id, model, request, redirect, () -> {
			Meeting before = this.planning.meeting(id);
			var item = before.item(itemId);
			String removed = text("agenda.removed", before.numberOf(item), item.getTitle());
			this.planning.removeItem(id, version, itemId);
			model.addAttribute("undo", new Undo(itemId, removed, item.getTitle()));
			redirect.addFlashAttribute("undo", new Undo(itemId, removed, item.getTitle()));
		});
	}

	/** Puts a removed item back at the number it had. */
	@PostMapping("/meetings/{id}/agenda/{itemId}/restoration")
	String restoreAgendaItem(@PathVariable Long id, @PathVariable Long itemId, @RequestParam long version, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		return editAgenda(id, model, request, redirect, () -> {
			var item = this.planning.restoreItem(id, version, itemId);
			Meeting meeting = this.planning.meeting(id);
			String restored = text("agenda.restored", item.getTitle(), meeting.numberOf(meeting.item(itemId)));
			model.addAttribute("agendaMessage", restored);
			redirect.addFlashAttribute("message", restored);
		});
	}

	/**
	 * Starts publishing the notice in the background (a large agenda takes seconds); the meeting
	 * page, or for htmx the job fragment, shows how far it has come. Asking twice for the same
	 * meeting version gets the one job.
	 */
	@PostMapping("/meetings/{id}/notices")
	String publishNotice(@PathVariable Long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String confirmed,
			@RequestParam(required = false) @Nullable String source, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		String error;
		try {
			if (!"true".equals(confirmed)) {
				throw new RuleViolation("notice.publish.confirm");
			}
			if (source != null && !source.equals(this.notices.currentSource(id))) {
				// A report changed after the review; the meeting's version does not show that.
				throw new RuleViolation("notice.publish.changedSinceReview");
			}
			NoticeJob job = this.publishing.start(id, version);
			if (HtmxRequests.isHtmx(request)) {
				if (!job.isRunning()) {
					// Already ended: the page's version table and forms are out of date.
					response.setHeader("HX-Refresh", "true");
				}
				model.addAttribute("job", job);
				return NoticeJobController.FRAGMENT;
			}
			return "redirect:/meetings/" + id;
		}
		catch (StaleVersionException ex) {
			error = text("common.stale");
		}
		catch (RuleViolation violation) {
			error = text(violation.code(), violation.arguments());
		}
		if (HtmxRequests.isHtmx(request)) {
			model.addAttribute("jobError", error);
			return NoticeJobController.FRAGMENT;
		}
		redirect.addFlashAttribute("error", error);
		return "redirect:/meetings/" + id + "/notices/preview";
	}

	/**
	 * The notice as it would be published now, before the secretary publishes it: the page count,
	 * the agenda with page ranges, the PDF itself in the page and what changed against the last
	 * published version, with the form that publishes it once she has ticked that she reviewed it.
	 */
	@GetMapping("/meetings/{id}/notices/preview")
	String reviewNotice(@PathVariable Long id, Model model) {
		Meeting meeting = this.planning.meeting(id);
		model.addAttribute("meeting", meeting);
		model.addAttribute("board", boardOf(meeting));
		model.addAttribute("sealed", this.planning.sealedBy(meeting).map(this::text).orElse(null));
		model.addAttribute("preview", this.notices.preview(id));
		return "meetings/notice-review";
	}

	/** The PDF of the notice as it would be published now; nothing is stored. */
	@GetMapping("/meetings/{id}/notices/preview.pdf")
	ResponseEntity<byte[]> reviewNoticePdf(@PathVariable Long id) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "inline; filename=\"kallelse-forhandsgranskning.pdf\"")
			.header("Cache-Control", "no-store")
			.body(this.notices.preview(id).pdf());
	}

	/** The notice as the public will see it; with official=true, the complete one members get. */
	@GetMapping("/meetings/{id}/preview")
	ResponseEntity<String> previewNotice(@PathVariable Long id,
			@RequestParam(defaultValue = "false") boolean official) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.body(this.notices.previewHtml(id, official));
	}

	/**
	 * Marks an agenda item secret ("behandlas inom stängda dörrar") with its OSL ground, or lifts
	 * the mark. A missing or malformed ground is shown beside the field, the input kept.
	 */
	@PostMapping("/meetings/{id}/agenda/{itemId}/confidentiality")
	String classifyAgendaItem(@PathVariable Long id, @PathVariable Long itemId, @RequestParam long version,
			@RequestParam(defaultValue = "false") boolean confidential,
			@RequestParam(required = false) @Nullable String legalGround, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		boolean htmx = HtmxRequests.isHtmx(request);
		try {
			this.planning.classifyItem(id, version, itemId, Confidentiality.of(confidential, legalGround));
			if (!htmx) {
				redirect.addFlashAttribute("message", text("common.saved"));
				return "redirect:/meetings/" + id + "#agenda";
			}
		}
		catch (StaleVersionException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("agendaError", text("common.stale"));
		}
		catch (RuleViolation violation) {
			if (violation.field() == null) {
				// Not the input but the meeting's state refuses the mark: say so above the agenda.
				if (!htmx) {
					redirect.addFlashAttribute("error", text(violation.code(), violation.arguments()));
					return "redirect:/meetings/" + id + "#agenda";
				}
				response.setStatus(HttpServletResponse.SC_CONFLICT);
				model.addAttribute("agendaError", text(violation.code(), violation.arguments()));
			}
			else {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				model.addAttribute("mark", new MarkInput(itemId, confidential, legalGround,
						text(violation.code(), violation.arguments())));
			}
		}
		return detail(this.planning.meeting(id), model, htmx);
	}

	private String editAgenda(Long id, Model model, HttpServletRequest request, RedirectAttributes redirect,
			Runnable change) {
		boolean htmx = HtmxRequests.isHtmx(request);
		String problem = null;
		try {
			change.run();
		}
		catch (StaleVersionException ex) {
			problem = text("common.stale");
		}
		catch (RuleViolation violation) {
			problem = text(violation.code(), violation.arguments());
		}
		if (!htmx) {
			if (problem != null) {
				redirect.addFlashAttribute("error", problem);
			}
			return "redirect:/meetings/" + id + "#agenda";
		}
		model.addAttribute("agendaError", problem);
		return detail(this.planning.meeting(id), model, true);
	}

	private String list(@Nullable String boardCode, @Nullable Integer year, Model model) {
		Board board = boardCode == null ? null : this.organisation.findBoard(boardCode).orElse(null);
		int shown = year == null ? LocalDate.now(this.clock).getYear() : year;
		model.addAttribute("boards", this.organisation.boards());
		model.addAttribute("board", board);
		model.addAttribute("year", shown);
		model.addAttribute("meetings", board == null ? List.of() : this.planning.meetings(board.getId(), shown));
		return LIST;
	}

	private String detail(Meeting meeting, Model model, boolean htmx) {
		Board board = boardOf(meeting);
		if (!model.containsAttribute("meetingForm")) {
			model.addAttribute("meetingForm", MeetingForm.of(board.getCode(), meeting));
		}
		model.addAttribute("meeting", meeting);
		model.addAttribute("board", board);
		model.addAttribute("sealed", this.planning.sealedBy(meeting).map(this::text).orElse(null));
		// The agenda's matters in one query, not one per item.
		Map<Long, Matter> matters = this.register.matters(
				meeting.getAgenda().stream().map(AgendaItem::getMatterId).filter(Objects::nonNull).toList());
		model.addAttribute("diaryNumbers", meeting.getAgenda()
			.stream()
			.filter(i -> i.getMatterId() != null)
			.collect(java.util.stream.Collectors.toMap(i -> i.getId(),
					i -> matters.get(i.getMatterId()).getDiaryNumber().toString())));
		List<Matter> candidates = this.register.matters(board.getId(), MatterStatus.OPEN, MatterStatus.ON_AGENDA)
			.stream()
			.filter(m -> meeting.getAgenda().stream().noneMatch(i -> m.getId().equals(i.getMatterId())))
			.toList();
		model.addAttribute("candidates", candidates);
		model.addAttribute("marks", this.planning.confidentialities(meeting));
		model.addAttribute("maskingReview", "/masking/" + PublicText.noticeKey(meeting.getId()));
		model.addAttribute("notices", this.notices.versions(meeting.getId()));
		model.addAttribute("job", this.publishing.current(meeting.getId()).orElse(null));
		model.addAttribute("noticeOutOfDate", meeting.getStatus() == MeetingStatus.NOTICE_PUBLISHED
				&& this.notices.isOutOfDate(meeting.getId()));
		model.addAttribute("noticeUrl", PublicLinks.notice(meeting.getId()));
		model.addAttribute("noticePdfUrl", PublicLinks.noticePdf(meeting.getId()));
		// The members' mail about the published notice that did not arrive, with "Försök igen".
		model.addAttribute("failedMails", this.mail.undelivered(meeting.getId())
			.stream()
			.filter(f -> f.getKind() == MailKind.NOTICE_PUBLISHED)
			.toList());
		return htmx ? AGENDA : DETAIL;
	}

	private Board boardOf(Meeting meeting) {
		return this.organisation.board(meeting.getBoardId());
	}

	private String defaultBoard() {
		return this.organisation.boards().stream().findFirst().map(Board::getCode).orElse("");
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	/**
	 * An item just removed, with what the page says and the button that undoes it. A flash attribute,
	 * so serializable: with sessions in the database it is kept there until the redirect.
	 */
	record Undo(Long itemId, String message, String title) implements java.io.Serializable {
	}

	/** A secrecy mark as the secretary sent it, kept with its error to show beside the field. */
	record MarkInput(Long itemId, boolean confidential, @Nullable String legalGround, String error) {
	}

}
