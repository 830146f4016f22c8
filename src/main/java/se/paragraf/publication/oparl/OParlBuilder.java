package se.paragraf.publication.oparl;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import se.paragraf.matters.Attachment;
import se.paragraf.matters.AttachmentKind;
import se.paragraf.matters.Matter;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingStatus;
import se.paragraf.proceedings.Minutes;
import se.paragraf.meetings.Notice;
import se.paragraf.meetings.NoticeEntry;
import se.paragraf.people.Board;
import se.paragraf.people.BoardKind;
import se.paragraf.people.Membership;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Municipality;
import se.paragraf.people.Person;
import se.paragraf.publication.PublicRecord;
import se.paragraf.publication.oparl.OParlObject.Head;
import se.paragraf.publication.oparl.OParlObject.Stamped;
import se.paragraf.publication.oparl.OParlSnapshot.Entry;

/**
 * Builds the OParl objects of one snapshot from the other modules, limited to what is public: no
 * contact details, agendas and files only from published notices, no drafts, papers as the public
 * register lists them. Embedded objects come stamped from the snapshot.
 */
final class OParlBuilder {

	private final OParlSnapshot snapshot;

	private final OParlSources sources;

	/** The site root, for the public pages and files. */
	private final String origin;

	private @Nullable OParlData data;

	OParlBuilder(OParlSnapshot snapshot, OParlSources sources, String origin) {
		this.snapshot = snapshot;
		this.sources = sources;
		this.origin = origin;
	}

	List<Entry> build(Kind kind) {
		return switch (kind) {
			case SYSTEM -> List.of(system());
			case BODY -> data().municipalities.stream().map(this::body).toList();
			case ORGANIZATION -> data().boards.values().stream().map(this::organization).toList();
			case MEMBERSHIP -> data().memberships.stream().map(this::membership).toList();
			case PERSON -> data().members().stream().map(this::person).toList();
			case LEGISLATIVE_TERM -> legislativeTerms();
			case MEETING -> data().meetings.stream().map(this::meeting).toList();
			case LOCATION -> data().meetings.stream().map(this::location).toList();
			case AGENDA_ITEM -> publishedEntries().stream().map(this::agendaItem).toList();
			case CONSULTATION -> publishedEntries().stream()
				.filter(e -> e.entry().matterId() != null)
				.map(this::consultation)
				.toList();
			// Every matter the public register lists, so the two public views of the register agree.
			case PAPER -> data().registeredMatters().stream().map(this::paper).toList();
			case FILE -> files();
		};
	}

	private Entry system() {
		String base = this.snapshot.base();
		return new Entry("system", new OParlSystem(head(Kind.SYSTEM, base + "/system"), Kind.SCHEMA, base + "/bodies",
				"Paragraf", this.origin + "/", this.origin + "/public/meetings"), Set.of(), Set.of(), null);
	}

	private Entry body(Municipality municipality) {
		Long id = municipality.getId();
		String self = url(Kind.BODY, id);
		OParlBody body = new OParlBody(head(Kind.BODY, self), this.snapshot.base() + "/system", municipality.getName(),
				municipality.getCode(), list(self, Kind.ORGANIZATION), list(self, Kind.PERSON), list(self, Kind.MEETING),
				list(self, Kind.PAPER), list(self, Kind.AGENDA_ITEM), list(self, Kind.CONSULTATION),
				list(self, Kind.FILE), list(self, Kind.MEMBERSHIP), list(self, Kind.LOCATION),
				list(self, Kind.LEGISLATIVE_TERM), this.snapshot.embedded(Kind.LEGISLATIVE_TERM,
						OParlLegislativeTerm.class, term -> term.body().equals(self)),
				this.origin + "/public/meetings");
		return new Entry(String.valueOf(id), body, Set.of(id), Set.of(), null);
	}

	private static String list(String body, Kind kind) {
		return body + "/" + kind.listSegment();
	}

	private Entry organization(Board board) {
		boolean joint = board.getKind() == BoardKind.JOINT;
		OParlOrganization organization = new OParlOrganization(
				head(Kind.ORGANIZATION, url(Kind.ORGANIZATION, board.getId())),
				url(Kind.BODY, board.getHostMunicipalityId()), board.getName(), board.getCode(),
				data().memberships.stream()
					.filter(m -> m.getBoardId().equals(board.getId()))
					.map(m -> url(Kind.MEMBERSHIP, m.getId()))
					.toList(),
				url(Kind.ORGANIZATION, board.getId()) + "/" + Kind.MEETING.listSegment(), "Gremium",
				joint ? "Gemensam nämnd" : "Nämnd",
				joint ? board.getPartnerMunicipalityIds().stream().sorted().map(id -> url(Kind.BODY, id)).toList() : null,
				this.origin + "/public/boards/" + board.getCode());
		return new Entry(String.valueOf(board.getId()), organization, Set.of(board.getHostMunicipalityId()),
				Set.of(board.getId()), null);
	}

	private Entry membership(Membership membership) {
		Board board = data().boards.get(membership.getBoardId());
		OParlMembership object = new OParlMembership(head(Kind.MEMBERSHIP, url(Kind.MEMBERSHIP, membership.getId())),
				url(Kind.PERSON, membership.getPersonId()), url(Kind.ORGANIZATION, membership.getBoardId()),
				roleName(membership.getRole()), membership.getRole().isMember(), membership.getTermStart().toString(),
				membership.getTermEnd().toString());
		return new Entry(String.valueOf(membership.getId()), object,
				board == null ? Set.of() : Set.of(board.getHostMunicipalityId()), Set.of(membership.getBoardId()), null);
	}

	private Entry person(Person person) {
		Set<Long> bodies = new LinkedHashSet<>();
		Set<Long> boards = new LinkedHashSet<>();
		data().memberships.stream().filter(m -> m.getPersonId().equals(person.getId())).forEach(m -> {
			boards.add(m.getBoardId());
			Board board = data().boards.get(m.getBoardId());
			if (board != null) {
				bodies.add(board.getHostMunicipalityId());
			}
		});
		String self = url(Kind.PERSON, person.getId());
		// Names and roles only: contact details of elected members are not published here.
		OParlPerson object = new OParlPerson(head(Kind.PERSON, self),
				bodies.isEmpty() ? null : url(Kind.BODY, bodies.iterator().next()), person.getFullName(),
				person.getLastName(), person.getFirstName(),
				this.snapshot.embedded(Kind.MEMBERSHIP, OParlMembership.class, m -> self.equals(m.person())));
		return new Entry(String.valueOf(person.getId()), object, bodies, boards, null);
	}

	private List<Entry> legislativeTerms() {
		Map<String, Entry> terms = new TreeMap<>();
		for (Membership membership : data().memberships) {
			Board board = data().boards.get(membership.getBoardId());
			if (board == null) {
				continue;
			}
			String key = termKey(board.getHostMunicipalityId(), membership.getTermStart(), membership.getTermEnd());
			terms.computeIfAbsent(key, k -> new Entry(k,
					new OParlLegislativeTerm(head(Kind.LEGISLATIVE_TERM, url(Kind.LEGISLATIVE_TERM, k)),
							url(Kind.BODY, board.getHostMunicipalityId()),
							"Mandatperiod " + membership.getTermStart().getYear() + "–"
									+ membership.getTermEnd().getYear(),
							membership.getTermStart().toString(), membership.getTermEnd().toString()),
					Set.of(board.getHostMunicipalityId()), Set.of(), null));
		}
		return List.copyOf(terms.values());
	}

	private static String termKey(Long bodyId, LocalDate start, LocalDate end) {
		return bodyId + "-" + start.toString().replace("-", "") + "-" + end.toString().replace("-", "");
	}

	private Entry meeting(Meeting meeting) {
		Board board = data().boards.get(meeting.getBoardId());
		String key = String.valueOf(meeting.getId());
		String self = url(Kind.MEETING, key);
		Notice latest = data().latestNotice(meeting.getId());
		Minutes minutes = data().certifiedMinutes(meeting.getId());
		List<String> present = List.of();
		if (minutes != null) {
			// Who was present is part of the certified minutes; only persons published here are linked.
			Set<Long> published = data().memberIds();
			present = this.sources.record.present(meeting.getId())
				.stream()
				.filter(published::contains)
				.map(id -> url(Kind.PERSON, id))
				.toList();
		}
		String web = latest != null ? this.origin + "/public/meetings/" + meeting.getId() + "/notice"
				: board != null ? this.origin + "/public/boards/" + board.getCode() : null;
		OParlMeeting object = new OParlMeeting(head(Kind.MEETING, self),
				(board == null ? "" : board.getName() + " ") + meeting.getStart().toLocalDate(),
				switch (meeting.getStatus()) {
					case PLANNED -> "planerat";
					case NOTICE_PUBLISHED -> "kallat";
					case HELD -> "genomfört";
					case MINUTES_CERTIFIED -> "protokoll justerat";
					case CANCELLED -> "inställt";
				}, meeting.getStatus() == MeetingStatus.CANCELLED ? Boolean.TRUE : null,
				OParlSnapshot.dateTime(meeting.getStart()), OParlSnapshot.dateTime(meeting.getEnd()),
				this.snapshot.embedded(Kind.LOCATION, key), List.of(url(Kind.ORGANIZATION, meeting.getBoardId())),
				latest == null ? null
						: this.snapshot.embedded(Kind.FILE, noticeKey(meeting.getId(), latest.getVersionNumber())),
				latest == null ? null
						: this.snapshot.embedded(Kind.AGENDA_ITEM, OParlAgendaItem.class, i -> self.equals(i.meeting())),
				web,
				minutes == null ? null
						: this.snapshot.embedded(Kind.FILE, minutesKey(meeting.getId(), minutes.getVersionNumber())),
				present);
		return new Entry(key, object, board == null ? Set.of() : Set.of(board.getHostMunicipalityId()),
				Set.of(meeting.getBoardId()), data().meetingCreated.get(meeting.getId()));
	}

	private Entry location(Meeting meeting) {
		String key = String.valueOf(meeting.getId());
		OParlLocation object = new OParlLocation(head(Kind.LOCATION, url(Kind.LOCATION, key)), meeting.getLocation(),
				meeting.getPlace(), List.of(url(Kind.MEETING, key)));
		return new Entry(key, object, scopeOf(meeting), Set.of(meeting.getBoardId()),
				data().meetingCreated.get(meeting.getId()));
	}

	/** The agenda lines of each meeting's newest published notice. */
	private List<PublishedEntry> publishedEntries() {
		List<PublishedEntry> entries = new ArrayList<>();
		for (Meeting meeting : data().meetings) {
			Notice latest = data().latestNotice(meeting.getId());
			if (latest != null) {
				latest.getEntries().forEach(e -> entries.add(new PublishedEntry(meeting, latest, e)));
			}
		}
		return entries;
	}

	private Entry agendaItem(PublishedEntry published) {
		Meeting meeting = published.meeting();
		NoticeEntry line = published.entry();
		String key = meeting.getId() + "-" + line.number();
		Matter matter = line.matterId() == null ? null : data().publishedMatters().get(line.matterId());
		// The line stays, as in the register; what a secret matter's line says is withheld under its OSL ground.
		boolean secret = matter != null && matter.isConfidential();
		// OParl's "public": handled in open session. A secret item, or one on a secret matter, was not.
		boolean closedDoors = secret || (line.itemId() != null && meeting.getAgenda()
			.stream()
			.filter(i -> i.getId().equals(line.itemId()))
			.anyMatch(i -> this.sources.planning.confidentialityOf(i).isConfidential()));
		PublicRecord.PublicDecision decision = line.itemId() == null ? null
				: data().decisions(meeting.getId()).get(line.itemId());
		boolean voted = decision != null && !decision.votes().isEmpty();
		OParlAgendaItem object = new OParlAgendaItem(head(Kind.AGENDA_ITEM, url(Kind.AGENDA_ITEM, key)),
				url(Kind.MEETING, meeting.getId()), String.valueOf(line.number()), line.number(),
				secret ? withheld(matter) : line.title(), secret ? matter.getConfidentiality().citation() : null,
				!closedDoors, line.matterId() == null ? null : url(Kind.CONSULTATION, key),
				decision == null ? null : decision.section(),
				!voted ? null : decision.votes()
					.stream()
					.map(v -> new OParlAgendaItem.Vote(url(Kind.PERSON, v.personId()), v.name(),
							v.choice().name().toLowerCase(Locale.ROOT)))
					.toList(),
				!voted ? null : new OParlAgendaItem.VoteResult(decision.result().yes(), decision.result().no(),
						decision.result().abstain()),
				decision == null ? null : decision.dissents()
					.stream()
					.map(d -> new OParlAgendaItem.Dissent(url(Kind.PERSON, d.personId()), d.name(),
							d.motivation() != null && !d.motivation().isBlank() ? d.motivation() : null))
					.toList(),
				line.diaryNumber(), line.pages(), this.origin + "/public/meetings/" + meeting.getId() + "/notice");
		return new Entry(key, object, scopeOf(meeting), Set.of(meeting.getBoardId()),
				published.notice().getPublishedAt());
	}

	private Entry consultation(PublishedEntry published) {
		Meeting meeting = published.meeting();
		NoticeEntry line = published.entry();
		String key = meeting.getId() + "-" + line.number();
		// The board a matter goes to on its own agenda decides it.
		OParlConsultation object = new OParlConsultation(head(Kind.CONSULTATION, url(Kind.CONSULTATION, key)),
				url(Kind.PAPER, line.matterId()), url(Kind.AGENDA_ITEM, key), url(Kind.MEETING, meeting.getId()),
				List.of(url(Kind.ORGANIZATION, meeting.getBoardId())), true, "Beslut");
		return new Entry(key, object, scopeOf(meeting), Set.of(meeting.getBoardId()),
				published.notice().getPublishedAt());
	}

	private Entry paper(Matter matter) {
		Board board = data().boards.get(matter.getBoardId());
		String key = String.valueOf(matter.getId());
		String self = url(Kind.PAPER, key);
		boolean secret = matter.isConfidential();
		// A secret matter keeps its register entry (diary number, date, board, status), as the public
		// register shows it; its title is withheld and no file of it is ever a File object.
		List<Stamped> files = this.snapshot.embedded(Kind.FILE, OParlFile.class,
				f -> f.paper() != null && f.paper().contains(self));
		OParlPaper object = new OParlPaper(head(Kind.PAPER, self),
				board == null ? null : url(Kind.BODY, board.getHostMunicipalityId()),
				secret ? withheld(matter) : matter.getTitle(), secret ? matter.getConfidentiality().citation() : null,
				matter.getDiaryNumber().toString(), matter.getRegisteredOn().toString(), "Ärende",
				secret ? null : files,
				List.of(url(Kind.ORGANIZATION, matter.getBoardId())),
				this.snapshot.embedded(Kind.CONSULTATION, OParlConsultation.class, c -> self.equals(c.paper())),
				matter.getStatus().name(), this.origin + "/public/matters/" + matter.getId());
		return new Entry(key, object, board == null ? Set.of() : Set.of(board.getHostMunicipalityId()),
				Set.of(matter.getBoardId()), data().matterCreated.get(matter.getId()));
	}

	private List<Entry> files() {
		List<Entry> files = new ArrayList<>();
		for (Meeting meeting : data().meetings) {
			for (Notice notice : data().notices(meeting.getId())) {
				files.add(noticeFile(meeting, notice));
			}
		}
		for (Meeting meeting : data().meetings) {
			if (data().certifiedMinutes(meeting.getId()) != null) {
				// Every certified version stays, as every published notice does.
				this.sources.certification.versions(meeting.getId())
					.stream()
					.filter(Minutes::isCertified)
					.forEach(minutes -> files.add(minutesFile(meeting, minutes)));
			}
		}
		for (Matter matter : data().publishedMatters().values()) {
			if (matter.isConfidential()) {
				continue;
			}
			for (Attachment attachment : this.sources.register.attachments(matter.getId())) {
				// Only files a public notice carried; withdrawn and secret ones are left out, so a file once
				// served turns deleted.
				if (attachment.getKind() == AttachmentKind.FILE && !attachment.isWithdrawn()
						&& !attachment.isConfidential() && this.sources.notices.isPublicAttachment(attachment.getId())) {
					files.add(attachmentFile(matter, attachment));
				}
			}
		}
		return files;
	}

	private Entry noticeFile(Meeting meeting, Notice notice) {
		String key = noticeKey(meeting.getId(), notice.getVersionNumber());
		Board board = data().boards.get(meeting.getBoardId());
		int version = notice.getVersionNumber();
		String pages = this.origin + "/public/meetings/" + meeting.getId() + "/notices/" + version;
		OParlFile file = new OParlFile(head(Kind.FILE, url(Kind.FILE, key)),
				"Kallelse " + (board == null ? "" : board.getName() + " ") + meeting.getStart().toLocalDate()
						+ (version > 1 ? " (version " + version + ")" : ""),
				"kallelse-" + meeting.getId() + "-v" + version + ".pdf", "application/pdf",
				notice.getPublishedAt().atZone(OParlSnapshot.ZONE).toLocalDate().toString(), null, pages + ".pdf",
				url(Kind.FILE, key) + "/download", List.of(url(Kind.MEETING, meeting.getId())), null,
				notice.getPdfSha256(), pages);
		return new Entry(key, file, scopeOf(meeting), Set.of(meeting.getBoardId()), notice.getPublishedAt());
	}

	/** The certified minutes as a File: the sealed PDF of the newest certified version. */
	private Entry minutesFile(Meeting meeting, Minutes minutes) {
		String key = minutesKey(meeting.getId(), minutes.getVersionNumber());
		Board board = data().boards.get(meeting.getBoardId());
		int version = minutes.getVersionNumber();
		Instant certifiedAt = Objects.requireNonNullElse(minutes.getCertifiedAt(), minutes.getCreatedAt());
		String pages = this.origin + "/public/meetings/" + meeting.getId() + "/minutes/" + version;
		OParlFile file = new OParlFile(head(Kind.FILE, url(Kind.FILE, key)),
				"Protokoll " + (board == null ? "" : board.getName() + " ") + meeting.getStart().toLocalDate()
						+ (version > 1 ? " (version " + version + ")" : ""),
				"protokoll-" + meeting.getId() + "-v" + version + ".pdf", "application/pdf",
				certifiedAt.atZone(OParlSnapshot.ZONE).toLocalDate().toString(), null, pages + ".pdf",
				url(Kind.FILE, key) + "/download", List.of(url(Kind.MEETING, meeting.getId())), null,
				minutes.getPublicPdfSha256(), pages);
		return new Entry(key, file, scopeOf(meeting), Set.of(meeting.getBoardId()), certifiedAt);
	}

	private Entry attachmentFile(Matter matter, Attachment attachment) {
		String key = "attachment-" + attachment.getId();
		Board board = data().boards.get(matter.getBoardId());
		OParlFile file = new OParlFile(head(Kind.FILE, url(Kind.FILE, key)), attachment.getTitle(),
				attachment.getFilename(), attachment.getContentType(),
				attachment.getAddedAt().atZone(OParlSnapshot.ZONE).toLocalDate().toString(), attachment.getSize(),
				url(Kind.FILE, key) + "/access", this.origin + "/public/attachments/" + attachment.getId(), null,
				List.of(url(Kind.PAPER, matter.getId())), attachment.getSha256(), null);
		return new Entry(key, file, board == null ? Set.of() : Set.of(board.getHostMunicipalityId()),
				Set.of(matter.getBoardId()), attachment.getAddedAt());
	}

	/** The certified minutes' file: the meeting and the version, "minutes-12-v1". */
	static String minutesKey(Long meetingId, int version) {
		return "minutes-" + meetingId + "-v" + version;
	}

	/** A notice's file: the meeting and the version, "notice-12-v2". */
	static String noticeKey(Long meetingId, int version) {
		return "notice-" + meetingId + "-v" + version;
	}

	/** "Uppgift undantagen enligt 21 kap. 1 § OSL": what stands where a secret title would. */
	static String withheld(Matter matter) {
		return "Uppgift undantagen enligt " + matter.getConfidentiality().citation();
	}

	static String roleName(MembershipRole role) {
		return switch (role) {
			case CHAIR -> "Ordförande";
			case VICE_CHAIR -> "Vice ordförande";
			case MEMBER -> "Ledamot";
			case SUBSTITUTE -> "Ersättare";
			case SECRETARY -> "Sekreterare";
		};
	}

	private Set<Long> scopeOf(Meeting meeting) {
		Board board = data().boards.get(meeting.getBoardId());
		return board == null ? Set.of() : Set.of(board.getHostMunicipalityId());
	}

	private String url(Kind kind, Object key) {
		return this.snapshot.url(kind, key);
	}

	/**
	 * The id, type and the licence of the data: set on every object, not only on System and Body,
	 * since validators and clients read each object alone.
	 */
	private Head head(Kind kind, String id) {
		return new Head(id, kind.type(), this.sources.license);
	}

	private OParlData data() {
		if (this.data == null) {
			this.data = new OParlData(this.sources);
		}
		return this.data;
	}

	private record PublishedEntry(Meeting meeting, Notice notice, NoticeEntry entry) {
	}

}
