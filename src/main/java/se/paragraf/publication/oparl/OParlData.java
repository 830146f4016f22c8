package se.paragraf.publication.oparl;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import se.paragraf.matters.Matter;
import se.paragraf.meetings.Meeting;
import se.paragraf.proceedings.Minutes;
import se.paragraf.meetings.Notice;
import se.paragraf.meetings.NoticeEntry;
import se.paragraf.people.Board;
import se.paragraf.people.Membership;
import se.paragraf.people.Municipality;
import se.paragraf.people.Person;
import se.paragraf.publication.PublicRecord;

/** The rows read once per request. */
final class OParlData {

	final List<Municipality> municipalities;

	final Map<Long, Board> boards = new LinkedHashMap<>();

	final List<Membership> memberships;

	final Map<Long, Person> persons = new LinkedHashMap<>();

	final List<Meeting> meetings;

	final Map<Long, Instant> meetingCreated;

	final Map<Long, Instant> matterCreated;

	private final Map<Long, List<Notice>> notices = new LinkedHashMap<>();

	private final OParlSources sources;

	private @Nullable Map<Long, Matter> publishedMatters;

	OParlData(OParlSources sources) {
		this.sources = sources;
		this.municipalities = sources.organisation.municipalities();
		sources.organisation.boards().forEach(b -> this.boards.put(b.getId(), b));
		this.memberships = sources.organisation.memberships()
			.stream()
			.filter(m -> this.boards.containsKey(m.getBoardId()))
			.sorted(Comparator.comparing(Membership::getId))
			.toList();
		sources.organisation.persons().forEach(p -> this.persons.put(p.getId(), p));
		this.meetings = sources.planning.allMeetings()
			.stream()
			.sorted(Comparator.comparing(Meeting::getId))
			.toList();
		this.meetingCreated = sources.firstRecorded(Meeting.class);
		this.matterCreated = sources.firstRecorded(Matter.class);
	}

	private final Map<Long, Optional<Minutes>> certified = new LinkedHashMap<>();

	private final Map<Long, Map<Long, PublicRecord.PublicDecision>> decisions = new LinkedHashMap<>();

	/** The newest certified minutes of a meeting, or null. */
	@Nullable Minutes certifiedMinutes(Long meetingId) {
		return this.certified.computeIfAbsent(meetingId, this.sources.certification::certified).orElse(null);
	}

	/** The certified decisions of a meeting by agenda item, secret matters left out. */
	Map<Long, PublicRecord.PublicDecision> decisions(Long meetingId) {
		return this.decisions.computeIfAbsent(meetingId, this.sources.record::decisions);
	}

	Set<Long> memberIds() {
		Set<Long> ids = new LinkedHashSet<>();
		this.memberships.forEach(m -> ids.add(m.getPersonId()));
		return ids;
	}

	/** Persons with a seat or role on a board: the public side of the organisation. */
	List<Person> members() {
		Set<Long> ids = new LinkedHashSet<>();
		this.memberships.forEach(m -> ids.add(m.getPersonId()));
		return ids.stream().map(this.persons::get).filter(Objects::nonNull).sorted(
				Comparator.comparing(Person::getId)).toList();
	}

	List<Notice> notices(Long meetingId) {
		return this.notices.computeIfAbsent(meetingId, id -> this.sources.notices.versions(id)
			.stream()
			.sorted(Comparator.comparing(Notice::getVersionNumber))
			.toList());
	}

	@Nullable Notice latestNotice(Long meetingId) {
		List<Notice> versions = notices(meetingId);
		return versions.isEmpty() ? null : versions.get(versions.size() - 1);
	}

	/** Every matter in the register, as the public register lists it (secret ones with withheld fields). */
	List<Matter> registeredMatters() {
		return this.sources.register.allMatters()
			.stream()
			.sorted(Comparator.comparing(Matter::getId))
			.toList();
	}

	/** Matters that stood on a published notice, in any version. */
	Map<Long, Matter> publishedMatters() {
		if (this.publishedMatters == null) {
			Map<Long, Matter> matters = new TreeMap<>();
			for (Meeting meeting : this.meetings) {
				for (Notice notice : notices(meeting.getId())) {
					// A withheld line (secret matter, closed doors) still names its matter, as the register
					// does; which of its files are public is the notice's record of what it carried.
					for (NoticeEntry entry : notice.getEntries()) {
						if (entry.matterId() != null) {
							matters.computeIfAbsent(entry.matterId(), this.sources.register::matter);
						}
					}
				}
			}
			this.publishedMatters = matters;
		}
		return this.publishedMatters;
	}

}

