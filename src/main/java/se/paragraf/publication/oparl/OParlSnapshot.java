package se.paragraf.publication.oparl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

import se.paragraf.matters.Attachment;
import se.paragraf.matters.AttachmentKind;
import se.paragraf.matters.Matter;
import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.MeetingStatus;
import se.paragraf.meetings.Minutes;
import se.paragraf.meetings.Notice;
import se.paragraf.meetings.NoticeEntry;
import se.paragraf.people.Board;
import se.paragraf.people.BoardKind;
import se.paragraf.people.Membership;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Municipality;
import se.paragraf.people.Person;
import se.paragraf.publication.PublicRecord;
import se.paragraf.publication.oparl.OParlLedger.Current;
import se.paragraf.publication.oparl.OParlLedger.Stamp;

/**
 * Everything Paragraf publishes over OParl, as it is at one request: built from the other modules,
 * limited to what is public (no contact details, agendas and files only from published notices,
 * no drafts, papers as the public register lists them), and stamped by the ledger with created, modified and deleted.
 */
final class OParlSnapshot {

	static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

	private final OParlSources sources;

	/** The OParl root, e.g. https://paragraf.example.se/oparl/v1. */
	private final String base;

	/** The site root, for the public pages and files. */
	private final String origin;

	private final Map<Kind, Map<String, Entry>> entries = new EnumMap<>(Kind.class);

	private final Map<Kind, Map<String, Stamp>> stamps = new EnumMap<>(Kind.class);

	private @Nullable Data data;

	OParlSnapshot(OParlSources sources, String origin) {
		this.sources = sources;
		this.origin = origin;
		this.base = origin + "/oparl/v1";
	}

	String base() {
		return this.base;
	}

	String url(Kind kind, Object key) {
		return this.base + "/" + kind.segment() + "/" + key;
	}

	// ---- answering

	/** The object as served, current or deleted; empty when it never was public. */
	Optional<Map<String, Object>> object(Kind kind, String key) {
		Entry entry = entries(kind).get(key);
		Stamp stamp = stamps(kind).get(key);
		if (stamp == null) {
			return Optional.empty();
		}
		return Optional.of(entry != null ? stamped(entry.view(), stamp) : tombstone(kind, stamp));
	}

	boolean isDeleted(Kind kind, String key) {
		Stamp stamp = stamps(kind).get(key);
		return stamp != null && stamp.deleted();
	}

	/**
	 * One kind's objects in a scope, oldest first, filtered by the created/modified window; deleted
	 * objects only when asked for changes since a moment.
	 */
	List<Map<String, Object>> list(Kind kind, @Nullable Long bodyId, @Nullable Long organizationId, Window window) {
		Map<String, Entry> current = entries(kind);
		List<Map<String, Object>> result = new ArrayList<>();
		stamps(kind).values()
			.stream()
			.sorted(Comparator.comparing(Stamp::created).thenComparing(Stamp::key))
			.forEach(stamp -> {
				Entry entry = current.get(stamp.key());
				boolean inScope = entry != null
						? (bodyId == null || entry.bodyIds().contains(bodyId))
								&& (organizationId == null || entry.organizationIds().contains(organizationId))
						: (bodyId == null || bodyId.equals(stamp.bodyId()))
								&& (organizationId == null || organizationId.equals(stamp.organizationId()));
				if (!inScope || !window.admits(stamp)) {
					return;
				}
				result.add(entry != null ? stamped(entry.view(), stamp) : tombstone(kind, stamp));
			});
		return result;
	}

	private Map<String, Object> tombstone(Kind kind, Stamp stamp) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", url(kind, stamp.key()));
		view.put("type", kind.type());
		view.put("created", dateTime(stamp.created()));
		view.put("modified", dateTime(stamp.modified()));
		view.put("license", this.sources.license);
		view.put("deleted", true);
		// The fields the schema requires even of a deleted object.
		if (kind == Kind.FILE) {
			view.put("accessUrl", url(kind, stamp.key()) + "/access");
		}
		if (kind == Kind.AGENDA_ITEM) {
			view.put("order", Integer.parseInt(stamp.key().substring(stamp.key().lastIndexOf('-') + 1)));
		}
		return view;
	}

	private static Map<String, Object> stamped(Map<String, Object> view, Stamp stamp) {
		Map<String, Object> object = new LinkedHashMap<>(view);
		object.put("created", dateTime(stamp.created()));
		object.put("modified", dateTime(stamp.modified()));
		return object;
	}

	/** Current objects of a kind, stamped, for embedding; deleted objects are never embedded. */
	private List<Map<String, Object>> embedded(Kind kind, Predicate<Entry> which) {
		Map<String, Stamp> known = stamps(kind);
		return entries(kind).values()
			.stream()
			.filter(which)
			.map(e -> stamped(e.view(), known.get(e.key())))
			.toList();
	}

	private Optional<Map<String, Object>> embedded(Kind kind, String key) {
		Entry entry = entries(kind).get(key);
		return entry == null ? Optional.empty() : Optional.of(stamped(entry.view(), stamps(kind).get(key)));
	}

	// ---- stamping

	private Map<String, Stamp> stamps(Kind kind) {
		Map<String, Stamp> known = this.stamps.get(kind);
		if (known != null) {
			return known;
		}
		List<Current> current = entries(kind).values()
			.stream()
			.map(e -> new Current(e.key(), fingerprint(e.view()), first(e.bodyIds()), first(e.organizationIds()),
					e.created()))
			.toList();
		for (int attempt = 1;; attempt++) {
			try {
				known = this.sources.ledger.sync(kind.name(), current);
				break;
			}
			catch (DataIntegrityViolationException | OptimisticLockingFailureException concurrent) {
				// Another request stamped the same objects at the same moment; its stamps stand.
				if (attempt == 3) {
					throw concurrent;
				}
			}
		}
		this.stamps.put(kind, known);
		return known;
	}

	private static @Nullable Long first(Set<Long> ids) {
		return ids.isEmpty() ? null : ids.iterator().next();
	}

	private static String fingerprint(Map<String, Object> view) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(view.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	// ---- building

	private Map<String, Entry> entries(Kind kind) {
		Map<String, Entry> built = this.entries.get(kind);
		if (built == null) {
			built = new LinkedHashMap<>();
			for (Entry entry : build(kind)) {
				built.put(entry.key(), entry);
			}
			this.entries.put(kind, built);
		}
		return built;
	}

	private List<Entry> build(Kind kind) {
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
		Map<String, Object> view = view(Kind.SYSTEM, this.base + "/system");
		view.put("oparlVersion", "https://schema.oparl.org/1.1/");
		view.put("body", this.base + "/bodies");
		view.put("name", "Paragraf");
		view.put("website", this.origin + "/");
		view.put("web", this.origin + "/public/meetings");
		return new Entry("system", view, Set.of(), Set.of(), null);
	}

	private Entry body(Municipality municipality) {
		Long id = municipality.getId();
		String self = url(Kind.BODY, id);
		Map<String, Object> view = view(Kind.BODY, self);
		view.put("system", this.base + "/system");
		view.put("name", municipality.getName());
		view.put("Paragraf:municipalityCode", municipality.getCode());
		for (Kind list : List.of(Kind.ORGANIZATION, Kind.PERSON, Kind.MEETING, Kind.PAPER, Kind.AGENDA_ITEM,
				Kind.CONSULTATION, Kind.FILE, Kind.MEMBERSHIP)) {
			view.put(switch (list) {
				case ORGANIZATION -> "organization";
				case PERSON -> "person";
				case MEETING -> "meeting";
				case PAPER -> "paper";
				case AGENDA_ITEM -> "agendaItem";
				case CONSULTATION -> "consultation";
				case FILE -> "file";
				default -> "membership";
			}, self + "/" + list.listSegment());
		}
		view.put("locationList", self + "/" + Kind.LOCATION.listSegment());
		view.put("legislativeTermList", self + "/" + Kind.LEGISLATIVE_TERM.listSegment());
		view.put("legislativeTerm", embedded(Kind.LEGISLATIVE_TERM, e -> e.bodyIds().contains(id)));
		view.put("web", this.origin + "/public/meetings");
		return new Entry(String.valueOf(id), view, Set.of(id), Set.of(), null);
	}

	private Entry organization(Board board) {
		Map<String, Object> view = view(Kind.ORGANIZATION, url(Kind.ORGANIZATION, board.getId()));
		view.put("body", url(Kind.BODY, board.getHostMunicipalityId()));
		view.put("name", board.getName());
		view.put("shortName", board.getCode());
		List<String> memberships = data().memberships.stream()
			.filter(m -> m.getBoardId().equals(board.getId()))
			.map(m -> url(Kind.MEMBERSHIP, m.getId()))
			.toList();
		if (!memberships.isEmpty()) {
			view.put("membership", memberships);
		}
		view.put("meeting", url(Kind.ORGANIZATION, board.getId()) + "/" + Kind.MEETING.listSegment());
		view.put("organizationType", "Gremium");
		view.put("classification", board.getKind() == BoardKind.JOINT ? "Gemensam nämnd" : "Nämnd");
		if (board.getKind() == BoardKind.JOINT) {
			view.put("Paragraf:partnerBodies", board.getPartnerMunicipalityIds()
				.stream()
				.sorted()
				.map(id -> url(Kind.BODY, id))
				.toList());
		}
		view.put("web", this.origin + "/public/boards/" + board.getCode());
		return new Entry(String.valueOf(board.getId()), view, Set.of(board.getHostMunicipalityId()),
				Set.of(board.getId()), null);
	}

	private Entry membership(Membership membership) {
		Board board = data().boards.get(membership.getBoardId());
		Map<String, Object> view = view(Kind.MEMBERSHIP, url(Kind.MEMBERSHIP, membership.getId()));
		view.put("person", url(Kind.PERSON, membership.getPersonId()));
		view.put("organization", url(Kind.ORGANIZATION, membership.getBoardId()));
		view.put("role", roleName(membership.getRole()));
		view.put("votingRight", membership.getRole().isMember());
		view.put("startDate", membership.getTermStart().toString());
		view.put("endDate", membership.getTermEnd().toString());
		return new Entry(String.valueOf(membership.getId()), view,
				board == null ? Set.of() : Set.of(board.getHostMunicipalityId()), Set.of(membership.getBoardId()), null);
	}

	private Entry person(Person person) {
		Map<String, Object> view = view(Kind.PERSON, url(Kind.PERSON, person.getId()));
		Set<Long> bodies = new LinkedHashSet<>();
		Set<Long> boards = new LinkedHashSet<>();
		data().memberships.stream().filter(m -> m.getPersonId().equals(person.getId())).forEach(m -> {
			boards.add(m.getBoardId());
			Board board = data().boards.get(m.getBoardId());
			if (board != null) {
				bodies.add(board.getHostMunicipalityId());
			}
		});
		if (!bodies.isEmpty()) {
			view.put("body", url(Kind.BODY, bodies.iterator().next()));
		}
		// Names and roles only: contact details of elected members are not published here.
		view.put("name", person.getFullName());
		view.put("familyName", person.getLastName());
		view.put("givenName", person.getFirstName());
		String self = url(Kind.PERSON, person.getId());
		view.put("membership", embedded(Kind.MEMBERSHIP, e -> self.equals(e.view().get("person"))));
		return new Entry(String.valueOf(person.getId()), view, bodies, boards, null);
	}

	private List<Entry> legislativeTerms() {
		Map<String, Entry> terms = new TreeMap<>();
		for (Membership membership : data().memberships) {
			Board board = data().boards.get(membership.getBoardId());
			if (board == null) {
				continue;
			}
			String key = termKey(board.getHostMunicipalityId(), membership.getTermStart(), membership.getTermEnd());
			terms.computeIfAbsent(key, k -> {
				Map<String, Object> view = view(Kind.LEGISLATIVE_TERM, url(Kind.LEGISLATIVE_TERM, k));
				view.put("body", url(Kind.BODY, board.getHostMunicipalityId()));
				view.put("name", "Mandatperiod " + membership.getTermStart().getYear() + "–"
						+ membership.getTermEnd().getYear());
				view.put("startDate", membership.getTermStart().toString());
				view.put("endDate", membership.getTermEnd().toString());
				return new Entry(k, view, Set.of(board.getHostMunicipalityId()), Set.of(), null);
			});
		}
		return List.copyOf(terms.values());
	}

	private static String termKey(Long bodyId, LocalDate start, LocalDate end) {
		return bodyId + "-" + start.toString().replace("-", "") + "-" + end.toString().replace("-", "");
	}

	private Entry meeting(Meeting meeting) {
		Board board = data().boards.get(meeting.getBoardId());
		String key = String.valueOf(meeting.getId());
		Map<String, Object> view = view(Kind.MEETING, url(Kind.MEETING, key));
		view.put("name", (board == null ? "" : board.getName() + " ") + meeting.getStart().toLocalDate());
		view.put("meetingState", switch (meeting.getStatus()) {
			case PLANNED -> "planerat";
			case NOTICE_PUBLISHED -> "kallat";
			case HELD -> "genomfört";
			case MINUTES_CERTIFIED -> "protokoll justerat";
			case CANCELLED -> "inställt";
		});
		if (meeting.getStatus() == MeetingStatus.CANCELLED) {
			view.put("cancelled", true);
		}
		view.put("start", dateTime(meeting.getStart()));
		view.put("end", dateTime(meeting.getEnd()));
		embedded(Kind.LOCATION, key).ifPresent(location -> view.put("location", location));
		view.put("organization", List.of(url(Kind.ORGANIZATION, meeting.getBoardId())));
		Notice latest = data().latestNotice(meeting.getId());
		if (latest != null) {
			embedded(Kind.FILE, noticeKey(meeting.getId(), latest.getVersionNumber())).ifPresent(file -> view.put("invitation", file));
			List<Map<String, Object>> items = embedded(Kind.AGENDA_ITEM,
					e -> url(Kind.MEETING, key).equals(e.view().get("meeting")));
			if (!items.isEmpty()) {
				view.put("agendaItem", items);
			}
			view.put("web", this.origin + "/public/meetings/" + meeting.getId() + "/notice");
		}
		Minutes minutes = data().certifiedMinutes(meeting.getId());
		if (minutes != null) {
			embedded(Kind.FILE, minutesKey(meeting.getId(), minutes.getVersionNumber()))
				.ifPresent(file -> view.put("resultsProtocol", file));
			// Who was present is part of the certified minutes; only persons published here are linked.
			Set<Long> published = data().memberIds();
			List<String> present = this.sources.record.present(meeting.getId())
				.stream()
				.filter(published::contains)
				.map(id -> url(Kind.PERSON, id))
				.toList();
			if (!present.isEmpty()) {
				view.put("participant", present);
			}
		}
		if (latest == null && board != null) {
			view.put("web", this.origin + "/public/boards/" + board.getCode());
		}
		return new Entry(key, view, board == null ? Set.of() : Set.of(board.getHostMunicipalityId()),
				Set.of(meeting.getBoardId()), data().meetingCreated.get(meeting.getId()));
	}

	private Entry location(Meeting meeting) {
		Board board = data().boards.get(meeting.getBoardId());
		String key = String.valueOf(meeting.getId());
		Map<String, Object> view = view(Kind.LOCATION, url(Kind.LOCATION, key));
		view.put("description", meeting.getLocation());
		if (meeting.getPlace() != null) {
			view.put("room", meeting.getPlace());
		}
		view.put("meetings", List.of(url(Kind.MEETING, key)));
		return new Entry(key, view, board == null ? Set.of() : Set.of(board.getHostMunicipalityId()),
				Set.of(meeting.getBoardId()), data().meetingCreated.get(meeting.getId()));
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
		Map<String, Object> view = view(Kind.AGENDA_ITEM, url(Kind.AGENDA_ITEM, key));
		view.put("meeting", url(Kind.MEETING, meeting.getId()));
		view.put("number", String.valueOf(line.number()));
		view.put("order", line.number());
		Matter matter = line.matterId() == null ? null : data().publishedMatters().get(line.matterId());
		if (matter != null && matter.isConfidential()) {
			// The line stays, as in the register; what it says is withheld under its OSL ground.
			view.put("name", withheld(matter));
			view.put("Paragraf:withheld", matter.getConfidentiality().citation());
		}
		else {
			view.put("name", line.title());
		}
		// OParl's "public": handled in open session. A secret item, or one on a secret matter, was not.
		boolean closedDoors = (matter != null && matter.isConfidential()) || (line.itemId() != null && meeting.getAgenda()
			.stream()
			.filter(i -> i.getId().equals(line.itemId()))
			.anyMatch(i -> this.sources.planning.confidentialityOf(i).isConfidential()));
		view.put("public", !closedDoors);
		if (line.matterId() != null) {
			view.put("consultation", url(Kind.CONSULTATION, key));
		}
		PublicRecord.PublicDecision decision = line.itemId() == null ? null
				: data().decisions(meeting.getId()).get(line.itemId());
		if (decision != null) {
			if (decision.section() != null) {
				view.put("Paragraf:section", decision.section());
			}
			if (!decision.votes().isEmpty()) {
				view.put("Paragraf:votes", decision.votes().stream().map(v -> {
					Map<String, Object> vote = new LinkedHashMap<>();
					vote.put("person", url(Kind.PERSON, v.personId()));
					vote.put("name", v.name());
					vote.put("choice", v.choice().name().toLowerCase(java.util.Locale.ROOT));
					return vote;
				}).toList());
				view.put("Paragraf:voteResult", Map.of("yes", decision.result().yes(), "no", decision.result().no(),
						"abstain", decision.result().abstain()));
			}
			if (!decision.dissents().isEmpty()) {
				view.put("Paragraf:dissents", decision.dissents().stream().map(d -> {
					Map<String, Object> dissent = new LinkedHashMap<>();
					dissent.put("person", url(Kind.PERSON, d.personId()));
					dissent.put("name", d.name());
					if (d.motivation() != null && !d.motivation().isBlank()) {
						dissent.put("motivation", d.motivation());
					}
					return dissent;
				}).toList());
			}
		}
		if (line.diaryNumber() != null) {
			view.put("Paragraf:diaryNumber", line.diaryNumber());
		}
		view.put("Paragraf:noticePages", line.pages());
		view.put("web", this.origin + "/public/meetings/" + meeting.getId() + "/notice");
		return new Entry(key, view, scopeOf(meeting), Set.of(meeting.getBoardId()),
				published.notice().getPublishedAt());
	}

	private Entry consultation(PublishedEntry published) {
		Meeting meeting = published.meeting();
		NoticeEntry line = published.entry();
		String key = meeting.getId() + "-" + line.number();
		Map<String, Object> view = view(Kind.CONSULTATION, url(Kind.CONSULTATION, key));
		view.put("paper", url(Kind.PAPER, line.matterId()));
		view.put("agendaItem", url(Kind.AGENDA_ITEM, key));
		view.put("meeting", url(Kind.MEETING, meeting.getId()));
		view.put("organization", List.of(url(Kind.ORGANIZATION, meeting.getBoardId())));
		// The board a matter goes to on its own agenda decides it.
		view.put("authoritative", true);
		view.put("role", "Beslut");
		return new Entry(key, view, scopeOf(meeting), Set.of(meeting.getBoardId()),
				published.notice().getPublishedAt());
	}

	private Entry paper(Matter matter) {
		Board board = data().boards.get(matter.getBoardId());
		String key = String.valueOf(matter.getId());
		Map<String, Object> view = view(Kind.PAPER, url(Kind.PAPER, key));
		if (board != null) {
			view.put("body", url(Kind.BODY, board.getHostMunicipalityId()));
		}
		boolean secret = matter.isConfidential();
		// A secret matter keeps its register entry (diary number, date, board, status), as the public
		// register shows it; its title is withheld and no file of it is ever a File object.
		view.put("name", secret ? withheld(matter) : matter.getTitle());
		if (secret) {
			view.put("Paragraf:withheld", matter.getConfidentiality().citation());
		}
		view.put("reference", matter.getDiaryNumber().toString());
		view.put("date", matter.getRegisteredOn().toString());
		view.put("paperType", "Ärende");
		String self = url(Kind.PAPER, key);
		List<Map<String, Object>> files = embedded(Kind.FILE, e -> e.view().get("paper") instanceof List<?> papers
				&& papers.contains(self));
		if (!files.isEmpty() && !secret) {
			view.put("auxiliaryFile", files);
		}
		view.put("underDirectionOf", List.of(url(Kind.ORGANIZATION, matter.getBoardId())));
		List<Map<String, Object>> consultations = embedded(Kind.CONSULTATION, e -> self.equals(e.view().get("paper")));
		if (!consultations.isEmpty()) {
			view.put("consultation", consultations);
		}
		view.put("Paragraf:status", matter.getStatus().name());
		view.put("web", this.origin + "/public/matters/" + matter.getId());
		return new Entry(key, view, board == null ? Set.of() : Set.of(board.getHostMunicipalityId()),
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
		Map<String, Object> view = view(Kind.FILE, url(Kind.FILE, key));
		view.put("name", "Kallelse " + (board == null ? "" : board.getName() + " ") + meeting.getStart().toLocalDate()
				+ (notice.getVersionNumber() > 1 ? " (version " + notice.getVersionNumber() + ")" : ""));
		view.put("fileName", "kallelse-" + meeting.getId() + "-v" + notice.getVersionNumber() + ".pdf");
		view.put("mimeType", "application/pdf");
		view.put("date", notice.getPublishedAt().atZone(ZONE).toLocalDate().toString());
		view.put("accessUrl", this.origin + "/public/meetings/" + meeting.getId() + "/notices/"
				+ notice.getVersionNumber() + ".pdf");
		view.put("downloadUrl", url(Kind.FILE, key) + "/download");
		view.put("meeting", List.of(url(Kind.MEETING, meeting.getId())));
		view.put("Paragraf:sha256", notice.getPdfSha256());
		view.put("web", this.origin + "/public/meetings/" + meeting.getId() + "/notices/" + notice.getVersionNumber());
		return new Entry(key, view, scopeOf(meeting), Set.of(meeting.getBoardId()), notice.getPublishedAt());
	}

	/** The certified minutes as a File: the sealed PDF of the newest certified version. */
	private Entry minutesFile(Meeting meeting, Minutes minutes) {
		String key = minutesKey(meeting.getId(), minutes.getVersionNumber());
		Board board = data().boards.get(meeting.getBoardId());
		Map<String, Object> view = view(Kind.FILE, url(Kind.FILE, key));
		view.put("name", "Protokoll " + (board == null ? "" : board.getName() + " ") + meeting.getStart().toLocalDate()
				+ (minutes.getVersionNumber() > 1 ? " (version " + minutes.getVersionNumber() + ")" : ""));
		view.put("fileName", "protokoll-" + meeting.getId() + "-v" + minutes.getVersionNumber() + ".pdf");
		view.put("mimeType", "application/pdf");
		Instant certifiedAt = java.util.Objects.requireNonNullElse(minutes.getCertifiedAt(), minutes.getCreatedAt());
		view.put("date", certifiedAt.atZone(ZONE).toLocalDate().toString());
		view.put("accessUrl", this.origin + "/public/meetings/" + meeting.getId() + "/minutes/"
				+ minutes.getVersionNumber() + ".pdf");
		view.put("downloadUrl", url(Kind.FILE, key) + "/download");
		view.put("meeting", List.of(url(Kind.MEETING, meeting.getId())));
		if (minutes.getPublicPdfSha256() != null) {
			view.put("Paragraf:sha256", minutes.getPublicPdfSha256());
		}
		view.put("web", this.origin + "/public/meetings/" + meeting.getId() + "/minutes/" + minutes.getVersionNumber());
		return new Entry(key, view, scopeOf(meeting), Set.of(meeting.getBoardId()), certifiedAt);
	}

	/** The certified minutes' file: the meeting and the version, "minutes-12-v1". */
	static String minutesKey(Long meetingId, int version) {
		return "minutes-" + meetingId + "-v" + version;
	}

	/** "Uppgift undantagen enligt 21 kap. 1 § OSL": what stands where a secret title would. */
	static String withheld(Matter matter) {
		return "Uppgift undantagen enligt " + matter.getConfidentiality().citation();
	}

	/** A notice's file: the meeting and the version, "notice-12-v2". */
	static String noticeKey(Long meetingId, int version) {
		return "notice-" + meetingId + "-v" + version;
	}

	private Entry attachmentFile(Matter matter, Attachment attachment) {
		String key = "attachment-" + attachment.getId();
		Board board = data().boards.get(matter.getBoardId());
		Map<String, Object> view = view(Kind.FILE, url(Kind.FILE, key));
		view.put("name", attachment.getTitle());
		if (attachment.getFilename() != null) {
			view.put("fileName", attachment.getFilename());
		}
		if (attachment.getContentType() != null) {
			view.put("mimeType", attachment.getContentType());
		}
		view.put("date", attachment.getAddedAt().atZone(ZONE).toLocalDate().toString());
		view.put("size", attachment.getSize());
		view.put("accessUrl", url(Kind.FILE, key) + "/access");
		view.put("downloadUrl", this.origin + "/public/attachments/" + attachment.getId());
		view.put("paper", List.of(url(Kind.PAPER, matter.getId())));
		if (attachment.getSha256() != null) {
			view.put("Paragraf:sha256", attachment.getSha256());
		}
		return new Entry(key, view, board == null ? Set.of() : Set.of(board.getHostMunicipalityId()),
				Set.of(matter.getBoardId()), attachment.getAddedAt());
	}

	private Set<Long> scopeOf(Meeting meeting) {
		Board board = data().boards.get(meeting.getBoardId());
		return board == null ? Set.of() : Set.of(board.getHostMunicipalityId());
	}

	/**
	 * A new object with its id, type and the licence of the data: set on every object, not only on
	 * System and Body, since validators and clients read each object alone.
	 */
	private Map<String, Object> view(Kind kind, String id) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", id);
		view.put("type", kind.type());
		view.put("license", this.sources.license);
		return view;
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

	static String dateTime(Instant instant) {
		return DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZONE));
	}

	static String dateTime(LocalDateTime local) {
		return DATE_TIME.format(local.truncatedTo(ChronoUnit.SECONDS).atZone(ZONE));
	}

	private Data data() {
		if (this.data == null) {
			this.data = new Data(this.sources);
		}
		return this.data;
	}

	/** One public object before stamping, with the bodies and boards it belongs to. */
	record Entry(String key, Map<String, Object> view, Set<Long> bodyIds, Set<Long> organizationIds,
			@Nullable Instant created) {
	}

	private record PublishedEntry(Meeting meeting, Notice notice, NoticeEntry entry) {
	}

	/** The created/modified window of a list request. */
	record Window(@Nullable Instant createdSince, @Nullable Instant createdUntil, @Nullable Instant modifiedSince,
			@Nullable Instant modifiedUntil) {

		boolean admits(Stamp stamp) {
			if (stamp.deleted() && this.modifiedSince == null) {
				return false;
			}
			Instant created = stamp.created().truncatedTo(ChronoUnit.SECONDS);
			Instant modified = stamp.modified().truncatedTo(ChronoUnit.SECONDS);
			return (this.createdSince == null || !created.isBefore(this.createdSince))
					&& (this.createdUntil == null || !created.isAfter(this.createdUntil))
					&& (this.modifiedSince == null || !modified.isBefore(this.modifiedSince))
					&& (this.modifiedUntil == null || !modified.isAfter(this.modifiedUntil));
		}

	}

	/** The rows read once per request. */
	private static final class Data {

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

		Data(OParlSources sources) {
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
			return ids.stream().map(this.persons::get).filter(java.util.Objects::nonNull).sorted(
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

}
