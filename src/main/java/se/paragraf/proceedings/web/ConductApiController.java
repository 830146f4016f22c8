package se.paragraf.proceedings.web;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

import se.paragraf.matters.MatterRegister;
import se.paragraf.proceedings.Attendance;
import se.paragraf.proceedings.Certification;
import se.paragraf.proceedings.DecisionDispatch;
import se.paragraf.proceedings.DecisionOutcome;
import se.paragraf.proceedings.MeetingConduct;
import se.paragraf.proceedings.Presence;
import se.paragraf.proceedings.Proposal;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.PublicText;
import se.paragraf.proceedings.Vote;
import se.paragraf.proceedings.VoteChoice;
import se.paragraf.people.ReadingRights;
import se.paragraf.shared.Confidentiality;
import se.paragraf.shared.mail.FailedMailJson;
import se.paragraf.shared.mail.MailDelivery;
import se.paragraf.shared.web.ApiController;

/**
 * Recording a meeting and certifying its minutes in the JSON API, with the same rules as the
 * secretary's page. Every change names the record version the client saw (0 before the first);
 * the answer carries the new one.
 */
@ApiController("/api/v1")
@PreAuthorize("isAuthenticated()")
class ConductApiController {

	private final MeetingConduct conduct;

	private final Certification certification;

	private final DecisionDispatch dispatch;

	private final ConductJson json;

	private final MatterRegister register;

	private final ReadingRights rights;

	private final PublicText publicText;

	private final MailDelivery mail;

	private final MeetingPlanning planning;

	ConductApiController(MeetingConduct conduct, Certification certification, DecisionDispatch dispatch,
			ConductJson json, MatterRegister register, ReadingRights rights, PublicText publicText, MailDelivery mail,
			MeetingPlanning planning) {
		this.mail = mail;
		this.planning = planning;
		this.conduct = conduct;
		this.certification = certification;
		this.dispatch = dispatch;
		this.json = json;
		this.register = register;
		this.rights = rights;
		this.publicText = publicText;
	}

	@GetMapping("/meetings/{id}/conduct")
	ConductJson.ConductView conduct(@PathVariable Long id) {
		return this.json.view(id);
	}

	@PutMapping("/meetings/{id}/attendance")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	ConductJson.ConductView recordAttendance(@PathVariable Long id, @Valid @RequestBody AttendanceRequest request) {
		this.conduct.recordAttendance(id, request.version(),
				request.attendance().stream().map(a -> new Attendance(a.personId(), a.presence(), a.servingForPersonId(),
						a.fromItem(), a.toItem())).toList(),
				request.othersPresent());
		return this.json.view(id);
	}

	@PutMapping("/meetings/{id}/checkers")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	ConductJson.ConductView electCheckers(@PathVariable Long id, @Valid @RequestBody CheckersRequest request) {
		this.conduct.electCheckers(id, request.version(), request.personIds(), request.place(), request.at());
		return this.json.view(id);
	}

	@PostMapping("/meetings/{id}/extra-items")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	ConductJson.ConductView addExtraItem(@PathVariable Long id, @Valid @RequestBody ExtraItemRequest request) {
		this.conduct.addExtraItem(id, request.version(), request.matterId());
		return this.json.view(id);
	}

	@PutMapping("/meetings/{id}/agenda/{itemId}/conflicts")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	ConductJson.ConductView declareConflicts(@PathVariable Long id, @PathVariable Long itemId,
			@Valid @RequestBody ConflictsRequest request) {
		this.conduct.declareConflicts(id, request.version(), itemId, request.personIds());
		return this.json.view(id);
	}

	@PutMapping("/meetings/{id}/agenda/{itemId}/decision")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	ConductJson.ConductView decide(@PathVariable Long id, @PathVariable Long itemId,
			@Valid @RequestBody DecisionRequest request) {
		this.conduct.decide(id, request.version(), itemId, new MeetingConduct.DecisionCommand(request.outcome(),
				request.text(), request.reason(), request.referredMeetingId(),
				request.proposals() == null ? null
						: request.proposals().stream().map(p -> new Proposal(p.moverPersonId(), p.text())).toList(),
				request.propositionOrder(),
				request.votes() == null ? null
						: request.votes().stream().map(v -> new Vote(v.personId(), v.vote())).toList()));
		return this.json.view(id);
	}

	/**
	 * Marks the item's minute section secret with its OSL ground, or lifts the section's own mark.
	 * A missing or malformed ground is a 400 on the field legalGround.
	 */
	@PutMapping("/meetings/{id}/agenda/{itemId}/decision/confidentiality")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	ConductJson.ConductView classifySection(@PathVariable Long id, @PathVariable Long itemId,
			@Valid @RequestBody SectionConfidentialityRequest request) {
		this.conduct.classifySection(id, request.version(), itemId,
				Confidentiality.of(request.confidential(), request.legalGround()));
		return this.json.view(id);
	}

	@PutMapping("/meetings/{id}/agenda/{itemId}/dissents/{personId}")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	ConductJson.ConductView dissent(@PathVariable Long id, @PathVariable Long itemId, @PathVariable Long personId,
			@Valid @RequestBody DissentRequest request) {
		this.conduct.dissent(id, request.version(), itemId, personId, request.motivation());
		return this.json.view(id);
	}

	@DeleteMapping("/meetings/{id}/agenda/{itemId}/dissents/{personId}")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	ConductJson.ConductView withdrawDissent(@PathVariable Long id, @PathVariable Long itemId,
			@PathVariable Long personId, @RequestParam long version) {
		this.conduct.withdrawDissent(id, version, itemId, personId);
		return this.json.view(id);
	}

	@PostMapping("/meetings/{id}/agenda/{itemId}/immediate-certification")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	ConductJson.ConductView certifyImmediately(@PathVariable Long id, @PathVariable Long itemId,
			@Valid @RequestBody VersionRequest request) {
		this.conduct.certifyImmediately(id, request.version(), itemId);
		return this.json.view(id);
	}

	/**
	 * A matter's decisions and their dispatch, for its history. A reader who may not read the board's
	 * secrets ({@link ReadingRights}) gets a secret section as the public minutes show it (its
	 * number, outcome and ground, not its text nor its dispatch) and the other texts masked as there.
	 */
	@GetMapping("/matters/{id}/decisions")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER', 'ECONOMIST')")
	MatterDecisionsJson matterDecisions(@PathVariable Long id) {
		Long boardId = this.register.matter(id).getBoardId();
		List<MeetingConduct.MatterDecision> decisions = new ArrayList<>();
		Set<String> withheld = new HashSet<>();
		for (MeetingConduct.MatterDecision d : this.conduct.decisionsOn(id)) {
			if (this.rights.readsSecretsOf(boardId, d.meetingDate())) {
				decisions.add(d);
			}
			else if (d.legalGround() != null) {
				withheld.add(d.meetingId() + "§" + d.section());
				decisions.add(new MeetingConduct.MatterDecision(d.meetingId(), d.meetingDate(), d.section(), d.outcome(),
						Confidentiality.withheldMark(String.valueOf(Confidentiality.confidential(d.legalGround()).citation())),
						d.legalGround()));
			}
			else {
				decisions.add(new MeetingConduct.MatterDecision(d.meetingId(), d.meetingDate(), d.section(), d.outcome(),
						this.publicText.plain(PublicText.minutesKey(d.meetingId()),
								PublicText.sectionKey(Objects.requireNonNullElse(d.section(), 0), "decision"), d.text()),
						null));
			}
		}
		return new MatterDecisionsJson(decisions,
				this.dispatch.dispatchesOfMatter(id)
					.stream()
					.filter(x -> !withheld.contains(x.getMeetingId() + "§" + x.getSectionNumber()))
					.map(DispatchJson::of)
					.toList());
	}

	/** Whether the signed-in member gets e-mail when notices are published and minutes certified. */
	@PutMapping("/me/notifications")
	NotificationsJson setNotifications(@Valid @RequestBody NotificationsJson request) {
		Long personId = se.paragraf.shared.security.CurrentUser.get()
			.map(se.paragraf.shared.security.CurrentUser::personId)
			.orElseThrow(() -> new se.paragraf.shared.RuleViolation("notifications.noPerson"));
		if (Boolean.TRUE.equals(request.email())) {
			this.dispatch.optIn(personId);
		}
		else {
			this.dispatch.optOut(personId);
		}
		return new NotificationsJson(!this.dispatch.isOptedOut(personId));
	}

	record NotificationsJson(@NotNull Boolean email) {
	}

	record MatterDecisionsJson(List<MeetingConduct.MatterDecision> decisions, List<DispatchJson> dispatches) {
	}

	@PostMapping("/meetings/{id}/closing")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	ConductJson.ConductView close(@PathVariable Long id, @Valid @RequestBody VersionRequest request) {
		this.conduct.close(id, request.version());
		return this.json.view(id);
	}

	@PostMapping("/meetings/{id}/minutes")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	ResponseEntity<ConductJson.ConductView> drawMinutes(@PathVariable Long id) {
		this.certification.draw(id);
		return ResponseEntity.status(201).body(this.json.view(id));
	}

	/** The chair or a checker signs, typing their password again; any signed-in role may try. */
	@PostMapping("/meetings/{id}/minutes/signatures")
	ResponseEntity<ConductJson.ConductView> sign(@PathVariable Long id, @Valid @RequestBody SignatureRequest request) {
		this.certification.sign(id, request.password(), request.sha256());
		return ResponseEntity.status(201).body(this.json.view(id));
	}

	@PostMapping("/meetings/{id}/minutes/corrections")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	ConductJson.ConductView correct(@PathVariable Long id, @Valid @RequestBody CorrectionRequest request) {
		this.certification.correct(id, request.version(), request.reason());
		return this.json.view(id);
	}

	@GetMapping("/meetings/{id}/dispatches")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	List<DispatchJson> dispatches(@PathVariable Long id) {
		return this.dispatch.dispatches(id).stream().map(DispatchJson::of).toList();
	}

	/**
	 * The meeting's mail that could not be delivered (notice, certification, reminders to sign,
	 * extracts), oldest first; each is sent again with {@code POST /api/v1/failed-mails/{id}/retry}.
	 */
	@GetMapping("/meetings/{id}/failed-mails")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	List<FailedMailJson> failedMails(@PathVariable Long id) {
		this.planning.meeting(id);
		return this.mail.undelivered(id).stream().map(FailedMailJson::of).toList();
	}

	@PostMapping("/meetings/{id}/dispatches/{dispatchId}/manual")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
	DispatchJson sentManually(@PathVariable Long id, @PathVariable Long dispatchId) {
		return DispatchJson.of(this.dispatch.sentManually(dispatchId));
	}

	record AttendanceEntry(@NotNull Long personId, @NotNull Presence presence, @Nullable Long servingForPersonId,
			@Nullable Integer fromItem, @Nullable Integer toItem) {
	}

	record AttendanceRequest(@NotNull List<@NotNull @Valid AttendanceEntry> attendance,
			@Nullable @Size(max = 2000) String othersPresent, @NotNull Long version) {
	}

	record CheckersRequest(@NotEmpty @Size(max = 2) List<@NotNull Long> personIds, @NotBlank @Size(max = 500) String place,
			@NotNull LocalDateTime at, @NotNull Long version) {
	}

	record ExtraItemRequest(@NotNull Long matterId, @NotNull Long version) {
	}

	record ConflictsRequest(@NotNull List<@NotNull Long> personIds, @NotNull Long version) {
	}

	record ProposalEntry(@Nullable Long moverPersonId, @NotBlank @Size(max = 10000) String text) {
	}

	record VoteEntry(@NotNull Long personId, @NotNull VoteChoice vote) {
	}

	record DecisionRequest(@NotNull DecisionOutcome outcome, @Nullable @Size(max = 20000) String text,
			@Nullable @Size(max = 5000) String reason, @Nullable Long referredMeetingId,
			@Nullable List<@NotNull @Valid ProposalEntry> proposals, @Nullable @Size(max = 5000) String propositionOrder,
			@Nullable List<@NotNull @Valid VoteEntry> votes, @NotNull Long version) {
	}

	record DissentRequest(@Nullable @Size(max = 20000) String motivation, @NotNull Long version) {
	}

	record SectionConfidentialityRequest(@NotNull Boolean confidential, @Nullable @Size(max = 200) String legalGround,
			@NotNull Long version) {
	}

	record VersionRequest(@NotNull Long version) {
	}

	record SignatureRequest(@NotBlank @Size(max = 200) String password, @Nullable @Size(max = 64) String sha256) {
	}

	record CorrectionRequest(@NotBlank @Size(max = 5000) String reason, @NotNull Long version) {
	}

	record DispatchJson(Long id, int section, String recipient, @Nullable String email, String status,
			@Nullable String error, String dispatchedAt, String dispatchedBy) {

		static DispatchJson of(se.paragraf.proceedings.Dispatch d) {
			return new DispatchJson(d.getId(), d.getSectionNumber(), d.getRecipient(), d.getEmail(), d.getStatus().name(),
					d.getError(), d.getDispatchedAt().toString(), d.getDispatchedBy());
		}

	}

}
