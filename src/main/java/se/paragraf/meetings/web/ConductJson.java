package se.paragraf.meetings.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import se.paragraf.meetings.AgendaItem;
import se.paragraf.meetings.Attendance;
import se.paragraf.meetings.Certification;
import se.paragraf.meetings.Decision;
import se.paragraf.meetings.DecisionOutcome;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingConduct;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.meetings.MeetingRecord;
import se.paragraf.meetings.Minutes;
import se.paragraf.meetings.NoticeBoardPostings;
import se.paragraf.meetings.OfficialLinks;
import se.paragraf.meetings.Presence;
import se.paragraf.meetings.Quorum;
import se.paragraf.meetings.VoteResult;

/**
 * The meeting's conduct as the JSON API shows it: attendance, each item's decision and quorum, the
 * minutes' links and the public notices.
 */
@Component
class ConductJson {

	private final MeetingConduct conduct;

	private final MeetingPlanning planning;

	private final Certification certification;

	private final ObjectProvider<NoticeBoardPostings> postings;

	private final Clock clock;

	ConductJson(MeetingConduct conduct, MeetingPlanning planning, Certification certification,
			ObjectProvider<NoticeBoardPostings> postings, Clock clock) {
		this.clock = clock;
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

	@Nullable DecisionJson decision(Long meetingId, AgendaItem item) {
		Optional<MeetingRecord> record = this.conduct.record(meetingId);
		if (record.isEmpty()) {
			return null;
		}
		Quorum quorum = this.conduct.quorum(meetingId, item.getId());
		Decision d = record.get().decisionOn(item.getId()).orElse(null);
		LocalDate today = LocalDate.now(this.clock.withZone(Certification.SWEDEN));
		Boolean inForce = d == null || d.getSectionNumber() == null ? null
				: this.postings.stream().findFirst().map(p -> p.inForce(meetingId, d.getSectionNumber(), today)).orElse(false);
		return new DecisionJson(d == null ? null : d.getSectionNumber(), d == null ? null : d.getOutcome(),
				d == null ? null : d.getText(), d == null ? null : d.getReason(), d == null ? null : d.getReferredMeetingId(),
				d == null ? List.of() : d.getProposals().stream().map(p -> new ProposalJson(p.moverPersonId(),
						p.moverPersonId() == null ? null : this.conduct.name(p.moverPersonId()), p.text())).toList(),
				d == null ? null : d.getPropositionOrder(),
				d == null ? List.of() : d.getVotes().stream().map(v -> new VoteJson(v.personId(), this.conduct.name(v.personId()),
						v.choice().name())).toList(),
				d == null || d.getVoteResult().isEmpty() ? null : d.getVoteResult(),
				d == null ? List.of() : d.getDissents().stream().map(x -> new DissentJson(x.personId(),
						this.conduct.name(x.personId()), x.motivation())).toList(),
				d == null ? List.of() : d.getConflicts().stream().map(id -> new PersonJson(id, this.conduct.name(id))).toList(),
				new QuorumJson(quorum.serving(), quorum.members(), quorum.isReached()),
				d != null && d.isImmediatelyCertified(), inForce, secrecy(d, item, record.get()));
	}

	/** The section's mark in force (its own, or else its item's) and whether it is the section's own. */
	private SecrecyJson secrecy(@Nullable Decision d, AgendaItem item, MeetingRecord record) {
		se.paragraf.shared.Confidentiality mark = this.conduct.sectionConfidentiality(record.getMeetingId(), item);
		return new SecrecyJson(mark.isConfidential(), mark.getLegalGround(),
				d != null && d.getConfidentiality().isConfidential());
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
		return new ConductView(meetingId, meeting.getStatus().name(), record(meetingId),
				meeting.getAgenda().stream().map(i -> new ItemJson(i.getId(), meeting.numberOf(i), i.getTitle(),
						decision(meetingId, i))).toList(),
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
