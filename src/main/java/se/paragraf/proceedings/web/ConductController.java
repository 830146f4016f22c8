package se.paragraf.proceedings.web;

import static se.paragraf.shared.Texts.blankToNull;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.MatterStatus;
import se.paragraf.meetings.AgendaItem;
import se.paragraf.proceedings.Attendance;
import se.paragraf.proceedings.Certification;
import se.paragraf.proceedings.Decision;
import se.paragraf.proceedings.DecisionDispatch;
import se.paragraf.proceedings.DecisionOutcome;
import se.paragraf.meetings.Meeting;
import se.paragraf.proceedings.MeetingConduct;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.RecordState;
import se.paragraf.proceedings.MeetingRecord;
import se.paragraf.meetings.MeetingStatus;
import se.paragraf.proceedings.Minutes;
import se.paragraf.proceedings.NoticeBoardPostings;
import se.paragraf.proceedings.Presence;
import se.paragraf.proceedings.Proposal;
import se.paragraf.proceedings.Quorum;
import se.paragraf.proceedings.Vote;
import se.paragraf.proceedings.live.LiveMeeting;
import se.paragraf.proceedings.live.LiveState;
import se.paragraf.proceedings.live.LiveStates;
import se.paragraf.proceedings.VoteChoice;
import se.paragraf.people.Organisation;
import se.paragraf.people.Organisation.Seat;
import se.paragraf.shared.Confidentiality;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;
import se.paragraf.shared.mail.FailedMail;
import se.paragraf.shared.mail.MailDelivery;
import se.paragraf.shared.mail.MailKind;

/**
 * The secretary's screen during and after the meeting: roll call, quorum per item, checkers,
 * extra items, proposals, votes, decisions, dissents, closing, the minutes and their dispatch.
 * Every form carries the record version; a form sent against a record that moved on is shown
 * again with the secretary's input and a conflict message, and nothing is saved.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
class ConductController {

	private static final String VIEW = "meetings/conduct";

	private final MeetingPlanning planning;

	private final MeetingConduct conduct;

	private final Certification certification;

	private final DecisionDispatch dispatch;

	private final Organisation organisation;

	private final MatterRegister register;

	private final ObjectProvider<NoticeBoardPostings> postings;

	private final MessageSource messages;

	private final LiveMeeting live;

	private final LiveStates liveStates;

	private final MailDelivery mail;

	ConductController(MeetingPlanning planning, MeetingConduct conduct, Certification certification,
			DecisionDispatch dispatch, Organisation organisation, MatterRegister register,
			ObjectProvider<NoticeBoardPostings> postings, MessageSource messages, LiveMeeting live,
			LiveStates liveStates, MailDelivery mail) {
		this.live = live;
		this.liveStates = liveStates;
		this.mail = mail;
		this.planning = planning;
		this.conduct = conduct;
		this.certification = certification;
		this.dispatch = dispatch;
		this.organisation = organisation;
		this.register = register;
		this.postings = postings;
		this.messages = messages;
	}

	@GetMapping("/meetings/{id}/conduct")
	@Transactional(readOnly = true) // one session and one commit for the page's many reads
	String showConduct(@PathVariable Long id, Model model) {
		return page(id, model, null);
	}

	@PostMapping("/meetings/{id}/conduct/attendance")
	String recordAttendance(@PathVariable Long id, @RequestParam long version,
			@RequestParam Map<String, String> form, @RequestParam(required = false) @Nullable String othersPresent,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return change(id, "attendance", model, redirect, response, () -> {
			List<Attendance> attendance = new ArrayList<>();
			for (Seat seat : this.conduct.seats(id).seats()) {
				Long personId = seat.person().getId();
				String presence = form.get("presence_" + personId);
				if (presence == null || presence.isBlank()) {
					continue;
				}
				attendance.add(new Attendance(personId, Presence.valueOf(presence), id(form.get("servingFor_" + personId)),
						number(form.get("from_" + personId)), number(form.get("to_" + personId))));
			}
			this.conduct.recordAttendance(id, version, attendance, othersPresent);
		});
	}

	/**
	 * Alla närvarande: every member without an attendance is recorded present in the room for the
	 * whole meeting; those already recorded (a member who checked in at a distance) keep theirs.
	 */
	@PostMapping("/meetings/{id}/conduct/attendance/all-present")
	String recordAllPresent(@PathVariable Long id, @RequestParam long version, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return change(id, "attendance", model, redirect, response, () -> {
			MeetingRecord record = this.conduct.record(id).orElse(null);
			List<Attendance> attendance = new ArrayList<>(record == null ? List.of() : record.getAttendance());
			for (Long memberId : this.conduct.seats(id).memberIds()) {
				if (attendance.stream().noneMatch(a -> a.personId().equals(memberId))) {
					attendance.add(new Attendance(memberId, Presence.IN_PERSON, null, null, null));
				}
			}
			this.conduct.recordAttendance(id, version, attendance, record == null ? null : record.getOthersPresent());
		});
	}

	@PostMapping("/meetings/{id}/conduct/checkers")
	String electCheckers(@PathVariable Long id, @RequestParam long version,
			@RequestParam(name = "checkers", required = false) @Nullable List<Long> checkers,
			@RequestParam(required = false) @Nullable String place,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime at,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return change(id, "checkers", model, redirect, response, () -> {
			if (at == null) {
				throw RuleViolation.onField("certificationAt", "conduct.checkers.time");
			}
			this.conduct.electCheckers(id, version, checkers == null ? List.of() : checkers, place == null ? "" : place, at);
		});
	}

	@PostMapping("/meetings/{id}/conduct/extra-items")
	String addExtraItem(@PathVariable Long id, @RequestParam long version, @RequestParam Long matterId, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return change(id, "extra", model, redirect, response, () -> this.conduct.addExtraItem(id, version, matterId));
	}

	@PostMapping("/meetings/{id}/conduct/items/{itemId}/conflicts")
	String declareConflicts(@PathVariable Long id, @PathVariable Long itemId, @RequestParam long version,
			@RequestParam(name = "personIds", required = false) @Nullable List<Long> personIds, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return change(id, "conflicts-" + itemId, model, redirect, response,
				() -> this.conduct.declareConflicts(id, version, itemId, personIds == null ? List.of() : personIds));
	}

	@PostMapping("/meetings/{id}/conduct/items/{itemId}/decision")
	String decide(@PathVariable Long id, @PathVariable Long itemId, @RequestParam long version,
			@RequestParam DecisionOutcome outcome, @RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable Long referredMeetingId,
			@RequestParam(required = false) @Nullable Long motionMover,
			@RequestParam(required = false) @Nullable String motionText,
			@RequestParam(required = false) @Nullable String propositionOrder, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return change(id, "decision-" + itemId, model, redirect, response, () -> {
			List<Vote> votes = new ArrayList<>();
			for (Long personId : this.conduct.servingOn(id, itemId)) {
				String vote = form.get("vote_" + personId);
				if (vote != null && !vote.isBlank()) {
					votes.add(new Vote(personId, VoteChoice.valueOf(vote)));
				}
			}
			List<Proposal> proposals = null;
			if (motionText != null && !motionText.isBlank()) {
				proposals = new ArrayList<>(this.conduct.record(id)
					.flatMap(r -> r.decisionOn(itemId))
					.map(Decision::getProposals)
					.filter(p -> !p.isEmpty())
					.orElse(List.of()));
				proposals.add(new Proposal(motionMover, motionText.strip()));
			}
			this.conduct.decide(id, version, itemId, new MeetingConduct.DecisionCommand(outcome, text, reason,
					referredMeetingId, proposals, blankToNull(propositionOrder), votes));
		});
	}

	@PostMapping("/meetings/{id}/conduct/items/{itemId}/dissents")
	String dissent(@PathVariable Long id, @PathVariable Long itemId, @RequestParam long version,
			@RequestParam Long personId, @RequestParam(required = false) @Nullable String motivation, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return change(id, "dissent-" + itemId, model, redirect, response,
				() -> this.conduct.dissent(id, version, itemId, personId, motivation));
	}

	/**
	 * Marks the item's minute section secret with its OSL ground, or lifts the section's own mark.
	 * A missing or malformed ground is shown beside the field, the input kept and nothing saved.
	 */
	@PostMapping("/meetings/{id}/conduct/items/{itemId}/confidentiality")
	String classifySection(@PathVariable Long id, @PathVariable Long itemId, @RequestParam long version,
			@RequestParam(defaultValue = "false") boolean confidential,
			@RequestParam(required = false) @Nullable String legalGround, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			this.conduct.classifySection(id, version, itemId, Confidentiality.of(confidential, legalGround));
			redirect.addFlashAttribute("message", text("common.saved"));
			return "redirect:/meetings/" + id + "/conduct#item-" + itemId;
		}
		catch (RuleViolation violation) {
			if (!"legalGround".equals(violation.field())) {
				return change(id, "secrecy-" + itemId, model, redirect, response, () -> {
					throw violation;
				});
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("secrecyError", text(violation.code(), violation.arguments()));
			return page(id, model, "secrecy-" + itemId);
		}
		catch (StaleVersionException ex) {
			return change(id, "secrecy-" + itemId, model, redirect, response, () -> {
				throw ex;
			});
		}
	}

	@PostMapping("/meetings/{id}/conduct/items/{itemId}/immediate-certification")
	String certifyImmediately(@PathVariable Long id, @PathVariable Long itemId, @RequestParam long version,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return change(id, "item-" + itemId, model, redirect, response,
				() -> this.conduct.certifyImmediately(id, version, itemId));
	}

	@PostMapping("/meetings/{id}/conduct/closing")
	String close(@PathVariable Long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String confirmed, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return change(id, "closing", model, redirect, response, () -> {
			// Closing numbers the sections for good: the secretary ticks a box first, which works without JavaScript.
			if (!"true".equals(confirmed)) {
				throw new RuleViolation("conduct.close.confirm");
			}
			this.conduct.close(id, version);
		});
	}

	@PostMapping("/meetings/{id}/minutes")
	String drawMinutes(@PathVariable Long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return change(id, "minutes", model, redirect, response, () -> this.certification.draw(id));
	}

	@PostMapping("/meetings/{id}/minutes/corrections")
	String correct(@PathVariable Long id, @RequestParam long version, @RequestParam(required = false) String reason,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return change(id, "correction", model, redirect, response,
				() -> this.certification.correct(id, version, reason == null ? "" : reason));
	}

	@PostMapping("/meetings/{id}/dispatches/{dispatchId}/manual")
	String sentManually(@PathVariable Long id, @PathVariable Long dispatchId, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return change(id, "dispatch", model, redirect, response, () -> this.dispatch.sentManually(dispatchId));
	}

	@GetMapping("/meetings/{id}/minutes/draft")
	ResponseEntity<String> showDraft(@PathVariable Long id) {
		Minutes minutes = this.certification.latest(id).orElseThrow(() -> new NotFoundException("Minutes", id));
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.body(minutes.getOfficialHtml());
	}

	@GetMapping("/meetings/{id}/minutes/draft.pdf")
	ResponseEntity<byte[]> downloadDraft(@PathVariable Long id) {
		Minutes minutes = this.certification.latest(id).orElseThrow(() -> new NotFoundException("Minutes", id));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("protokoll-" + id + "-utkast.pdf").build().toString())
			.body(this.certification.pdf(minutes));
	}

	private String change(Long id, String form, Model model, RedirectAttributes redirect, HttpServletResponse response,
			Runnable change) {
		try {
			change.run();
			// Every screen in the live room follows what the secretary records here.
			this.live.changed(id);
			redirect.addFlashAttribute("message", text("common.saved"));
			return "redirect:/meetings/" + id + "/conduct#" + form;
		}
		catch (StaleVersionException ex) {
			// The other secretary's change stands; this one's input is shown again to apply anew.
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("error", text("conduct.stale"));
		}
		catch (RuleViolation violation) {
			model.addAttribute("error", text(violation.code(), violation.arguments()));
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", text("conduct.form.invalid"));
		}
		return page(id, model, form);
	}

	private String page(Long id, Model model, @Nullable String kept) {
		Meeting meeting = this.planning.meeting(id);
		MeetingConduct.BoardSeats seats = this.conduct.seats(id);
		MeetingRecord record = this.conduct.record(id).orElse(null);
		// What every item needs is read once for the page, not once per item (or per item and seat).
		Map<Long, Matter> matters = this.register.matters(
				meeting.getAgenda().stream().map(AgendaItem::getMatterId).filter(Objects::nonNull).toList());
		Map<Long, Confidentiality> marks = this.planning.confidentialities(meeting);
		List<ItemView> items = new ArrayList<>();
		for (AgendaItem item : meeting.getAgenda()) {
			Decision decision = record == null ? null : record.decisionOn(item.getId()).orElse(null);
			Quorum quorum = this.conduct.quorum(meeting, seats, record, item);
			Set<Long> servingIds = this.conduct.servingOn(meeting, seats, record, item);
			List<Seat> serving = seats.seats().stream().filter(s -> servingIds.contains(s.person().getId())).toList();
			Confidentiality mark = marks.get(item.getId());
			items.add(new ItemView(item, meeting.numberOf(item), decision, quorum, serving,
					item.getMatterId() == null ? null : matters.get(item.getMatterId()).getDiaryNumber().toString(),
					this.conduct.sectionConfidentiality(record, item, mark), mark.isConfidential()));
		}
		model.addAttribute("meeting", meeting);
		model.addAttribute("beforeMeetingDay", record == null && this.conduct.isBeforeMeetingDay(meeting));
		model.addAttribute("board", this.organisation.board(meeting.getBoardId()));
		model.addAttribute("seats", seats);
		model.addAttribute("record", record);
		model.addAttribute("recordVersion", record == null ? 0 : record.getVersion());
		model.addAttribute("items", items);
		model.addAttribute("kept", kept);
		// Certified minutes cannot change; dissents end with the first certification.
		boolean locked = record != null && record.isCertified();
		model.addAttribute("locked", locked);
		model.addAttribute("dissentsOpen", record != null && (record.getState() == RecordState.IN_PROGRESS
				|| record.getState() == RecordState.CLOSED));
		model.addAttribute("outcomes", DecisionOutcome.values());
		model.addAttribute("presences", Presence.values());
		model.addAttribute("choices", VoteChoice.values());
		// What only the forms need is read only when the forms are drawn: certified minutes have none.
		model.addAttribute("laterMeetings", locked ? List.of()
				: this.planning.meetings(meeting.getBoardId(), meeting.getStart().getYear())
					.stream()
					.filter(m -> m.getStart().isAfter(meeting.getStart()))
					.filter(m -> m.getStatus() != MeetingStatus.CANCELLED)
					.toList());
		model.addAttribute("laterMeetingsNextYear",
				locked ? List.of() : this.planning.meetings(meeting.getBoardId(), meeting.getStart().getYear() + 1));
		boolean extraItemsOpen = record == null || record.getState() == RecordState.IN_PROGRESS;
		model.addAttribute("candidates",
				extraItemsOpen ? this.register.matters(meeting.getBoardId(), MatterStatus.OPEN) : List.of());
		model.addAttribute("minutes", this.certification.versions(id));
		model.addAttribute("dueOn", Certification.dueOn(meeting));
		model.addAttribute("dispatches", this.dispatch.dispatches(id));
		// Undelivered mail: an extract's failure is retried on its dispatch row, the members' notice
		// mail on the meeting page, the rest (certification, reminders to sign) in a list of its own.
		List<FailedMail> undelivered = this.mail.undelivered(id);
		model.addAttribute("dispatchRetries", undelivered.stream()
			.filter(f -> f.getKind() == MailKind.DECISION_DISPATCH && f.getReference() != null)
			.collect(Collectors.toMap(f -> Long.valueOf(f.getReference()), FailedMail::getId,
					(first, second) -> first)));
		model.addAttribute("failedMails", undelivered.stream()
			.filter(f -> f.getKind() == MailKind.MINUTES_CERTIFIED || f.getKind() == MailKind.SIGNING_REMINDER)
			.toList());
		model.addAttribute("postings", this.postings.stream().findFirst().map(p -> p.postings(id)).orElse(List.of()));
		model.addAttribute("names", new Names(this.conduct, seats.seats()));
		// The live room on the same screen, the secretary drives it from here; gone once the minutes are certified.
		if (!locked) {
			Map<Long, java.time.LocalDateTime> checkIns = this.liveStates.checkIns(id);
			LiveState state = this.liveStates.state(meeting, record, seats, checkIns);
			model.addAttribute("state", state);
			model.addAttribute("chairing", true);
			model.addAttribute("checkIns", checkIns);
			model.addAttribute("liveItemId", state.current() == null ? null : state.current().id());
		}
		return VIEW;
	}

	private static @Nullable Long id(@Nullable String value) {
		return value == null || value.isBlank() ? null : Long.valueOf(value);
	}

	private static @Nullable Integer number(@Nullable String value) {
		return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
	}


	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	/** One agenda item on the conduct screen. */
	record ItemView(AgendaItem item, int number, @Nullable Decision decision, Quorum quorum, List<Seat> serving,
			@Nullable String diaryNumber, Confidentiality secrecy, boolean secretItem) {

		/** The section's own mark, as its form shows it. */
		public Confidentiality ownMark() {
			return this.decision == null ? Confidentiality.open() : this.decision.getConfidentiality();
		}

		public boolean decided() {
			return this.decision != null && this.decision.isRecorded();
		}

		public Set<Long> conflicts() {
			return this.decision == null ? Set.of() : Set.copyOf(this.decision.getConflicts());
		}

		public @Nullable String voteOf(Long personId) {
			return this.decision == null ? null
					: this.decision.getVotes()
						.stream()
						.filter(v -> v.personId().equals(personId))
						.map(v -> v.choice().name())
						.findFirst()
						.orElse(null);
		}

	}

	/**
	 * Names of persons for the template: the board's seats known from the start, anyone else read once
	 * (the page names the same people under every item).
	 */
	static final class Names {

		private final MeetingConduct conduct;

		private final Map<Long, String> known = new java.util.HashMap<>();

		Names(MeetingConduct conduct, List<Seat> seats) {
			this.conduct = conduct;
			seats.forEach(seat -> this.known.put(seat.person().getId(), seat.person().getFullName()));
		}

		public String of(@Nullable Long personId) {
			return personId == null ? "" : this.known.computeIfAbsent(personId, this.conduct::name);
		}

		/** Several persons' names, in the given order, separated by commas. */
		public String list(Collection<Long> personIds) {
			return personIds.stream().map(this::of).collect(Collectors.joining(", "));
		}

	}

}
