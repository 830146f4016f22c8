package se.paragraf.proceedings.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import se.paragraf.meetings.AgendaItem;
import se.paragraf.proceedings.Attendance;
import se.paragraf.proceedings.Certification;
import se.paragraf.proceedings.Decision;
import se.paragraf.proceedings.DecisionOutcome;
import se.paragraf.meetings.Meeting;
import se.paragraf.proceedings.MeetingConduct;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.proceedings.MeetingRecord;
import se.paragraf.proceedings.Minutes;
import se.paragraf.proceedings.NoticeBoardPostings;
import se.paragraf.meetings.OfficialLinks;
import se.paragraf.proceedings.Presence;
import se.paragraf.meetings.PublicText;
import se.paragraf.proceedings.Quorum;
import se.paragraf.proceedings.VoteResult;
import se.paragraf.people.ReadingRights;
import se.paragraf.shared.Confidentiality;

/**
 * The meeting's conduct as the JSON API shows it: attendance, each item's decision and quorum, the
 * minutes' links and the public notices. A reader who may not read the board's secrets
 * ({@link ReadingRights}) gets what the public variants show of secret content: a secret item keeps
 * its number and diary number but its title gives way to "Sekretess enligt … OSL", a secret
 * section keeps its number and outcome and nothing else; and the texts of the other sections pass
 * the same masks as the public minutes.
 */
@Component
class ConductJson {

	private final MeetingConduct conduct;

	private final MeetingPlanning planning;

	private final Certification certification;

	private final ObjectProvider<NoticeBoardPostings> postings;

	private final Clock clock;

	private final ReadingRights rights;

	private final PublicText publicText;

	ConductJson(MeetingConduct conduct, MeetingPlanning planning, Certification certification,
			ObjectProvider<NoticeBoardPostings> postings, Clock clock, ReadingRights rights, PublicText publicText) {
		this.clock = clock;
		this.rights = rights;
		this.publicText = publicText;
		this.conduct = conduct;
		this.planning = planning;
		this.certification = certification;
		this.postings = postings;
	}

	/** The record part of the meeting: version, state, attendance, checkers. */
	@Nullable RecordJson record(Long meetingId) {
		return this.conduct.record(meetingId).map(r -> new RecordJson(r.getVersion(), r.getState().name(),
				r.getAttendance().stream().map(a -> AttendanceJson.of(a, this.conduct.name(a.personId()))).toList(),
				r.getOthersPresent(), r.getCheckers().stream().map(id -> new PersonJson(id, this.conduct.name(id))).toList(),
				r.getCertificationPlace(), r.getCertificationAt()))
			.orElse(null);
	}

	List<AttendanceJson> attendance(Long meetingId) {
		return this.conduct.record(meetingId)
			.map(r -> r.getAttendance().stream().map(a -> AttendanceJson.of(a, this.conduct.name(a.personId()))).toList())
			.orElse(List.of());
	}

	/** Whether the signed-in user may read the secret content of this meeting (its board's, as on its day). */
	boolean readsSecrets(Meeting meeting) {
		return this.rights.readsSecretsOf(meeting.getBoardId(), meeting.getStart().toLocalDate());
	}

	/** The item's title, or for a reader without the right, "Sekretess enligt … OSL" if the item is secret. */
	String title(AgendaItem item, boolean secrets) {
		Confidentiality mark = this.planning.confidentialityOf(item);
		return secrets || !mark.isConfidential() ? item.getTitle()
				: Confidentiality.withheldMark(String.valueOf(mark.citation()));
	}

	/**
	 * The item's decision as the reader may read it: complete for those who read the board's
	 * secrets; for others a secret section withheld and the rest masked as in the public minutes.
	 */
	@Nullable DecisionJson decision(Long meetingId, AgendaItem item, boolean secrets) {
		Optional<MeetingRecord> record = this.conduct.record(meetingId);
		if (record.isEmpty()) {
			return null;
		}
		Quorum quorum = this.conduct.quorum(meetingId, item.getId());
		Decision d = record.get().decisionOn(item.getId()).orElse(null);
		LocalDate today = LocalDate.now(this.clock);
		Boolean inForce = d == null || d.getSectionNumber() == null ? null
				: this.postings.stream().findFirst().map(p -> p.inForce(meetingId, d.getSectionNumber(), today)).orElse(false);
		QuorumJson quorumJson = new QuorumJson(quorum.serving(), quorum.members(), quorum.isReached());
		Confidentiality mark = this.conduct.sectionConfidentiality(meetingId, item);
		SecrecyJson secrecy = new SecrecyJson(mark.isConfidential(), mark.getLegalGround(),
				d != null && d.getConfidentiality().isConfidential());
		if (d != null && !secrets && mark.isConfidential()) {
			// As the public minutes show a withheld section: its number and outcome, the ground in place of the rest.
			return new DecisionJson(d.getSectionNumber(), d.getOutcome(),
					Confidentiality.withheldMark(String.valueOf(mark.citation())), null, null, List.of(), null, List.of(),
					null, List.of(), List.of(), quorumJson, d.isImmediatelyCertified(), inForce, secrecy);
		}
		UnaryOperator<String> decisionText = shown(meetingId, d, "decision", secrets);
		UnaryOperator<String> proposalText = shown(meetingId, d, "proposals", secrets);
		UnaryOperator<String> orderText = shown(meetingId, d, "propositionOrder", secrets);
		UnaryOperator<String> dissentText = shown(meetingId, d, "dissents", secrets);
		return new DecisionJson(d == null ? null : d.getSectionNumber(), d == null ? null : d.getOutcome(),
				d == null || d.getText() == null ? null : decisionText.apply(d.getText()), d == null ? null : d.getReason(),
				d == null ? null : d.getReferredMeetingId(),
				d == null ? List.of() : d.getProposals().stream().map(p -> new ProposalJson(p.moverPersonId(),
						p.moverPersonId() == null ? null : this.conduct.name(p.moverPersonId()), proposalText.apply(p.text())))
					.toList(),
				d == null || d.getPropositionOrder() == null ? null : orderText.apply(d.getPropositionOrder()),
				d == null ? List.of() : d.getVotes().stream().map(v -> new VoteJson(v.personId(), this.conduct.name(v.personId()),
						v.choice().name())).toList(),
				d == null || d.getVoteResult().isEmpty() ? null : d.getVoteResult(),
				d == null ? List.of() : d.getDissents().stream().map(x -> new DissentJson(x.personId(),
						this.conduct.name(x.personId()), x.motivation() == null ? null : dissentText.apply(x.motivation())))
					.toList(),
				d == null ? List.of() : d.getConflicts().stream().map(id -> new PersonJson(id, this.conduct.name(id))).toList(),
				quorumJson, d != null && d.isImmediatelyCertified(), inForce, secrecy);
	}

	/** A part of a section as the reader gets it: as written, or masked as the public minutes mask it. */
	private UnaryOperator<String> shown(Long meetingId, @Nullable Decision d, String part, boolean secrets) {
		if (secrets || d == null) {
			return UnaryOperator.identity();
		}
		String section = PublicText.sectionKey(Objects.requireNonNullElse(d.getSectionNumber(), 0), part);
		return text -> this.publicText.plain(PublicText.minutesKey(meetingId), section, text);
	}

	/**
	 * Links to the minutes: public (the public variant) and official once certified, the draft for
	 * the secretary before.
	 */
	Map<String, String> links(Long meetingId) {
		Map<String, String> links = new LinkedHashMap<>();
		Optional<Minutes> certified = this.certification.certified(meetingId);
		if (certified.isPresent()) {
			links.put("minutes", "/public/meetings/" + meetingId + "/minutes");
			links.put("minutesPdf", "/public/meetings/" + meetingId + "/minutes.pdf");
			links.put("officialMinutes", OfficialLinks.minutes(meetingId, certified.get().getVersionNumber()));
			links.put("officialMinutesPdf", OfficialLinks.minutesPdf(meetingId, certified.get().getVersionNumber()));
		}
		else if (this.certification.latest(meetingId).isPresent()) {
			links.put("minutes", "/meetings/" + meetingId + "/minutes/draft");
			links.put("minutesPdf", "/meetings/" + meetingId + "/minutes/draft.pdf");
		}
		return links;
	}

	List<MinutesJson> minutes(Long meetingId) {
		return this.certification.versions(meetingId).stream().map(MinutesJson::of).toList();
	}

	List<PublicNoticeJson> publicNotices(Long meetingId) {
		return this.postings.stream()
			.findFirst()
			.map(p -> p.postings(meetingId)
				.stream()
				.map(x -> new PublicNoticeJson(x.municipality(), x.postedOn(), x.takeDownOn(), x.appealEndsOn(), x.dueBy()))
				.toList())
			.orElse(List.of());
	}

	/** The whole conduct of a meeting, the answer of the write endpoints. */
	ConductView view(Long meetingId) {
		Meeting meeting = this.planning.meeting(meetingId);
		boolean secrets = readsSecrets(meeting);
		return new ConductView(meetingId, meeting.getStatus().name(), record(meetingId),
				meeting.getAgenda().stream().map(i -> new ItemJson(i.getId(), meeting.numberOf(i), title(i, secrets),
						decision(meetingId, i, secrets))).toList(),
				minutes(meetingId), links(meetingId), publicNotices(meetingId));
	}

	record ConductView(Long meetingId, String status, @Nullable RecordJson record, List<ItemJson> items,
			List<MinutesJson> minutes, Map<String, String> links, List<PublicNoticeJson> publicNotices) {
	}

	record ItemJson(Long id, int number, String title, @Nullable DecisionJson decision) {
	}

	record RecordJson(long version, String state, List<AttendanceJson> attendance, @Nullable String othersPresent,
			List<PersonJson> checkers, @Nullable String certificationPlace, @Nullable LocalDateTime certificationAt) {
	}

	record AttendanceJson(Long personId, String name, Presence presence, @Nullable Long servingForPersonId,
			@Nullable Integer fromItem, @Nullable Integer toItem) {

		static AttendanceJson of(Attendance a, String name) {
			return new AttendanceJson(a.personId(), name, a.presence(), a.servingForPersonId(), a.fromItem(), a.toItem());
		}

	}

	record PersonJson(Long personId, String name) {
	}

	record ProposalJson(@Nullable Long moverPersonId, @Nullable String mover, String text) {
	}

	record VoteJson(Long personId, String name, String vote) {
	}

	record DissentJson(Long personId, String name, @Nullable String motivation) {
	}

	record QuorumJson(int serving, int members, boolean reached) {
	}

	record DecisionJson(@Nullable Integer section, @Nullable DecisionOutcome outcome, @Nullable String text,
			@Nullable String reason, @Nullable Long referredMeetingId, List<ProposalJson> proposals,
			@Nullable String propositionOrder, List<VoteJson> votes, @Nullable VoteResult result,
			List<DissentJson> dissents, List<PersonJson> conflicts, QuorumJson quorum, boolean immediatelyCertified,
			@Nullable Boolean inForce, SecrecyJson secrecy) {
	}

	/** A section's secrecy: confidential with its OSL ground, and whether the mark is the section's own. */
	record SecrecyJson(boolean confidential, @Nullable String legalGround, boolean ownMark) {
	}

	/**
	 * A version of the minutes: the official PDF's checksums (as signed, as sealed), whether a public
	 * variant withholds or masks something, and that variant's checksum once certified.
	 */
	record MinutesJson(int version, String state, String sectionRange, String sha256, @Nullable String sealedSha256,
			boolean publicVariantDiffers, @Nullable String publicSha256, @Nullable String correctionReason,
			List<SignatureJson> signatures) {

		static MinutesJson of(Minutes m) {
			return new MinutesJson(m.getVersionNumber(), m.getState().name(), m.getSectionRange(), m.getPdfSha256(),
					m.getSignedPdfSha256(), m.hasPublicVariant(), m.isCertified() ? m.getPublicPdfSha256() : null,
					m.getCorrectionReason(),
					m.getSignatures().stream().map(s -> new SignatureJson(s.name(), s.role().name(), s.signedAt().toString(),
							s.pdfSha256())).toList());
		}

	}

	record SignatureJson(String name, String role, String signedAt, String pdfSha256) {
	}

	record PublicNoticeJson(String municipality, @Nullable LocalDate postedOn, @Nullable LocalDate takeDownOn,
			@Nullable LocalDate appealEndsOn, LocalDate postingDueBy) {
	}

}
