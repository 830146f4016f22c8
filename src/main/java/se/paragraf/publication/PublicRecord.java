package se.paragraf.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.meetings.AgendaItem;
import se.paragraf.proceedings.Attendance;
import se.paragraf.proceedings.Certification;
import se.paragraf.proceedings.Decision;
import se.paragraf.proceedings.DecisionOutcome;
import se.paragraf.meetings.Meeting;
import se.paragraf.proceedings.MeetingConduct;
import se.paragraf.meetings.MeetingPlanning;
import se.paragraf.proceedings.MeetingRecord;
import se.paragraf.meetings.Notice;
import se.paragraf.meetings.NoticeEntry;
import se.paragraf.meetings.NoticePublication;
import se.paragraf.meetings.PublicText;
import se.paragraf.meetings.PublicLinks;
import se.paragraf.proceedings.VoteChoice;
import se.paragraf.proceedings.VoteResult;
import se.paragraf.people.Organisation;

/**
 * What the public may read of a matter's way through the board: the published notices that put it
 * on an agenda, and the decisions of certified minutes with their votes and dissents. A secret
 * matter has none of this in public; only its register entry, with the withheld fields marked.
 */
@Service
@Transactional(readOnly = true)
public class PublicRecord {

	private final MatterRegister register;

	private final MeetingPlanning planning;

	private final NoticePublication notices;

	private final MeetingConduct conduct;

	private final Certification certification;

	private final Organisation organisation;

	private final PublicText publicText;

	PublicRecord(MatterRegister register, MeetingPlanning planning, NoticePublication notices, MeetingConduct conduct,
			Certification certification, Organisation organisation, PublicText publicText) {
		this.publicText = publicText;
		this.register = register;
		this.planning = planning;
		this.notices = notices;
		this.conduct = conduct;
		this.certification = certification;
		this.organisation = organisation;
	}

	/**
	 * The meetings whose newest published notice carries the matter, oldest first, each with its
	 * decision once the minutes are certified. Empty for a secret matter.
	 */
	public List<Appearance> appearances(Matter matter) {
		if (matter.isConfidential()) {
			return List.of();
		}
		List<Appearance> appearances = new ArrayList<>();
		for (Meeting meeting : this.planning.allMeetings()) {
			Optional<Notice> notice = this.notices.latest(meeting.getId());
			if (notice.isEmpty()) {
				continue;
			}
			for (NoticeEntry entry : notice.get().getEntries()) {
				if (matter.getId().equals(entry.matterId())) {
					appearances.add(new Appearance(meeting.getId(), meeting.getStart().toLocalDate(), entry.number(),
							PublicLinks.notice(meeting.getId()), itemOf(meeting, entry)
								.flatMap(itemId -> decision(meeting.getId(), itemId))
								.orElse(null)));
				}
			}
		}
		appearances.sort(Comparator.comparing(Appearance::meetingDate));
		return appearances;
	}

	/**
	 * The decision on an agenda item as the certified minutes record it; empty while the minutes are
	 * not certified (or are being corrected), and for a secret section.
	 */
	public Optional<PublicDecision> decision(Long meetingId, Long agendaItemId) {
		Optional<MeetingRecord> record = this.conduct.record(meetingId);
		if (record.isEmpty() || !record.get().isCertified() || this.certification.certified(meetingId).isEmpty()) {
			return Optional.empty();
		}
		Optional<AgendaItem> item = this.planning.meeting(meetingId)
			.getAgenda()
			.stream()
			.filter(i -> i.getId().equals(agendaItemId))
			.findFirst();
		if (item.isEmpty() || isSecret(meetingId, item.get())) {
			return Optional.empty();
		}
		return record.get().decisionOn(agendaItemId).filter(Decision::isRecorded).map(d -> publicDecision(meetingId, d));
	}

	/**
	 * Every decision of a meeting's certified minutes, by agenda item, leaving out secret sections;
	 * empty while the minutes are not certified.
	 */
	public Map<Long, PublicDecision> decisions(Long meetingId) {
		Optional<MeetingRecord> record = this.conduct.record(meetingId);
		if (record.isEmpty() || !record.get().isCertified() || this.certification.certified(meetingId).isEmpty()) {
			return Map.of();
		}
		Map<Long, PublicDecision> decisions = new LinkedHashMap<>();
		for (AgendaItem item : this.planning.meeting(meetingId).getAgenda()) {
			if (isSecret(meetingId, item)) {
				continue;
			}
			record.get()
				.decisionOn(item.getId())
				.filter(Decision::isRecorded)
				.ifPresent(d -> decisions.put(item.getId(), publicDecision(meetingId, d)));
		}
		return decisions;
	}

	/** A section marked secret itself, or through its item or matter: the public sees only its number. */
	private boolean isSecret(Long meetingId, AgendaItem item) {
		return this.conduct.sectionConfidentiality(meetingId, item).isConfidential();
	}

	/** The persons present at a meeting whose minutes are certified; empty before. */
	public List<Long> present(Long meetingId) {
		return this.conduct.record(meetingId)
			.filter(MeetingRecord::isCertified)
			.map(r -> r.getAttendance()
				.stream()
				.filter(a -> a.presence().isPresent())
				.map(Attendance::personId)
				.distinct()
				.toList())
			.orElse(List.of());
	}

	/**
	 * A decision as the public minutes show it: its text and the dissents' motivations pass the same
	 * masks as the minutes' sections, so a personal identity number masked there is masked here.
	 */
	private PublicDecision publicDecision(Long meetingId, Decision decision) {
		String minutes = PublicText.minutesKey(meetingId);
		int section = Objects.requireNonNullElse(decision.getSectionNumber(), 0);
		List<PublicVote> votes = decision.getVotes()
			.stream()
			.map(v -> new PublicVote(v.personId(), name(v.personId()), v.choice()))
			.toList();
		List<PublicDissent> dissents = decision.getDissents()
			.stream()
			.map(d -> new PublicDissent(d.personId(), name(d.personId()), d.motivation() == null ? null
					: this.publicText.plain(minutes, PublicText.sectionKey(section, "dissents"), d.motivation())))
			.toList();
		return new PublicDecision(decision.getSectionNumber(), Objects.requireNonNull(decision.getOutcome()),
				this.publicText.plain(minutes, PublicText.sectionKey(section, "decision"),
						Objects.requireNonNullElse(decision.getText(), "")),
				votes, decision.getVoteResult(), dissents);
	}

	private static Optional<Long> itemOf(Meeting meeting, NoticeEntry entry) {
		if (entry.itemId() != null) {
			return Optional.of(entry.itemId());
		}
		return meeting.getAgenda()
			.stream()
			.filter(i -> Objects.equals(i.getMatterId(), entry.matterId()))
			.map(AgendaItem::getId)
			.findFirst();
	}

	private String name(Long personId) {
		return this.organisation.person(personId).getFullName();
	}

	/** A meeting that had the matter on its agenda: its date, the item's number, the notice's address. */
	public record Appearance(Long meetingId, LocalDate meetingDate, int itemNumber, String noticeUrl,
			@Nullable PublicDecision decision) {
	}

	/** A decision as certified: its section (§), outcome, text, the vote by name and the dissents. */
	public record PublicDecision(@Nullable Integer section, DecisionOutcome outcome, String text, List<PublicVote> votes,
			VoteResult result, List<PublicDissent> dissents) {
	}

	public record PublicVote(Long personId, String name, VoteChoice choice) {
	}

	public record PublicDissent(Long personId, String name, @Nullable String motivation) {
	}

}
