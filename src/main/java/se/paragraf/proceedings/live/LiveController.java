package se.paragraf.proceedings.live;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.proceedings.VoteChoice;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;

/**
 * The live meeting room: the page, its event stream and the actions of members and the chair. An
 * action answers 204 and every screen follows through the stream; a refused action answers
 * problem+json with a Swedish explanation, which the page shows.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class LiveController {

	private final LiveMeeting live;

	private final LiveStates states;

	private final SpeakersList speakers;

	private final LiveVoting voting;

	private final LiveRoom room;

	private final MeetingPlanning planning;

	private final MessageSource messages;

	LiveController(LiveMeeting live, LiveStates states, SpeakersList speakers, LiveVoting voting, LiveRoom room,
			MeetingPlanning planning, MessageSource messages) {
		this.live = live;
		this.states = states;
		this.speakers = speakers;
		this.voting = voting;
		this.room = room;
		this.planning = planning;
		this.messages = messages;
	}

	@GetMapping("/meetings/{id}/live")
	String showLive(@PathVariable Long id, Model model) {
		Meeting meeting = this.planning.meeting(id);
		LiveMeeting.Participant participant = page(id);
		LiveState state = this.states.state(id);
		model.addAttribute("meeting", meeting);
		model.addAttribute("state", state);
		model.addAttribute("participant", participant);
		model.addAttribute("chairing", participant.chairing());
		model.addAttribute("checkedIn", this.states.checkedIn(id, participant.personId()).orElse(null));
		model.addAttribute("upcoming", state.items()
			.stream()
			.filter(i -> !i.current() && !i.decided())
			.filter(i -> state.current() == null || i.number() > state.current().number())
			.toList());
		return "meetings/live";
	}

	/** The stream of the room's state; {@code Last-Event-ID} is the counter the screen last saw. */
	@GetMapping(path = "/meetings/{id}/live/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter streamLive(@PathVariable Long id,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
		LiveMeeting.Participant participant = page(id);
		return this.room.connect(id, LocaleContextHolder.getLocale(), participant.chairing(), parse(lastEventId));
	}

	/** The room's state as one fragment, for a screen that fetches it instead of listening. */
	@GetMapping("/meetings/{id}/live/state")
	ResponseEntity<String> showLiveState(@PathVariable Long id) {
		LiveMeeting.Participant participant = this.live.admitted(id);
		LiveState state = this.states.state(id);
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("X-Live-Sequence", Long.toString(state.sequence()))
			.body(this.room.render(state, LocaleContextHolder.getLocale(), participant.chairing()));
	}

	@PostMapping("/meetings/{id}/live/check-in")
	String checkIn(@PathVariable Long id, Model model) {
		model.addAttribute("checkedIn", this.live.checkIn(id));
		return "meetings/live :: check-in";
	}

	@PostMapping("/meetings/{id}/live/item")
	ResponseEntity<Void> takeUpItem(@PathVariable Long id, @RequestParam(required = false) @Nullable Long itemId) {
		if (itemId == null) {
			this.live.takeUpNext(id);
		}
		else {
			this.live.takeUp(id, itemId);
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/meetings/{id}/live/speakers")
	ResponseEntity<Void> askToSpeak(@PathVariable Long id, @RequestParam(defaultValue = "false") boolean reply) {
		this.speakers.askToSpeak(id, reply);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/meetings/{id}/live/speakers/{requestId}/withdrawal")
	ResponseEntity<Void> withdrawRequest(@PathVariable Long id, @PathVariable Long requestId) {
		this.speakers.withdraw(id, requestId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/meetings/{id}/live/speakers/{requestId}/floor")
	ResponseEntity<Void> giveFloor(@PathVariable Long id, @PathVariable Long requestId) {
		this.speakers.giveFloor(id, requestId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/meetings/{id}/live/floor/end")
	ResponseEntity<Void> endFloor(@PathVariable Long id) {
		this.speakers.endFloor(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/meetings/{id}/live/speakers-list")
	ResponseEntity<Void> closeSpeakersList(@PathVariable Long id, @RequestParam boolean closed) {
		this.speakers.close(id, closed);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/meetings/{id}/live/votes")
	ResponseEntity<Void> openVote(@PathVariable Long id,
			@RequestParam(required = false) @Nullable String propositionOrder) {
		if (propositionOrder != null && propositionOrder.length() > 2000) {
			throw new BadInput("propositionOrder", "live.vote.orderTooLong");
		}
		this.voting.open(id, propositionOrder);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/meetings/{id}/live/votes/{voteId}/ballots")
	ResponseEntity<Void> castBallot(@PathVariable Long id, @PathVariable Long voteId,
			@RequestParam(required = false) @Nullable String choice) {
		VoteChoice parsed;
		try {
			parsed = VoteChoice.valueOf(choice == null ? "" : choice);
		}
		catch (IllegalArgumentException ex) {
			throw new BadInput("choice", "live.vote.choiceInvalid");
		}
		this.voting.cast(id, voteId, parsed);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/meetings/{id}/live/votes/{voteId}/closing")
	ResponseEntity<Void> closeVote(@PathVariable Long id, @PathVariable Long voteId) {
		this.voting.close(id, voteId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/meetings/{id}/live/conflicts")
	ResponseEntity<Void> declareOwnConflict(@PathVariable Long id, @RequestParam Long itemId) {
		this.live.declareOwnConflict(id, itemId);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(LiveRefusal.class)
	@ResponseBody
	ResponseEntity<ProblemDetail> refused(LiveRefusal refusal) {
		return problem(refusal.status(), text(refusal.code(), refusal.arguments()), null);
	}

	@ExceptionHandler(RuleViolation.class)
	@ResponseBody
	ResponseEntity<ProblemDetail> ruleViolated(RuleViolation violation) {
		return problem(violation.field() == null ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
				text(violation.code(), violation.arguments()), violation.field());
	}

	@ExceptionHandler(StaleVersionException.class)
	@ResponseBody
	ResponseEntity<ProblemDetail> stale() {
		return problem(HttpStatus.CONFLICT, text("live.stale"), null);
	}

	@ExceptionHandler(BadInput.class)
	@ResponseBody
	ResponseEntity<ProblemDetail> badInput(BadInput bad) {
		return problem(HttpStatus.BAD_REQUEST, text(bad.code), bad.field);
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class })
	@ResponseBody
	ResponseEntity<ProblemDetail> malformed(Exception ex) {
		String field = ex instanceof MissingServletRequestParameterException missing ? missing.getParameterName()
				: ((MethodArgumentTypeMismatchException) ex).getName();
		return problem(HttpStatus.BAD_REQUEST, text("live.input.invalid"), field);
	}

	/** A page or stream the user may not see answers 403 as any other page does. */
	private LiveMeeting.Participant page(Long id) {
		LiveMeeting.Participant participant = this.live.participant(id);
		if (!participant.admitted()) {
			throw new AccessDeniedException("Not on the board of meeting " + id);
		}
		return participant;
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, @Nullable String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(text("live.refused"));
		if (field != null) {
			problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private String text(String code, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(code, args, code, locale);
	}

	private static @Nullable Long parse(@Nullable String lastEventId) {
		try {
			return lastEventId == null || lastEventId.isBlank() ? null : Long.valueOf(lastEventId.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** A malformed field in an action. */
	static final class BadInput extends RuntimeException {

		final String field;

		final String code;

		BadInput(String field, String code) {
			super(code);
			this.field = field;
			this.code = code;
		}

	}

}
