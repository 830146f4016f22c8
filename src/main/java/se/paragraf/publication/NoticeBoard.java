package se.paragraf.publication;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.proceedings.MinutesCertified;
import se.paragraf.proceedings.NoticeBoardPostings;
import se.paragraf.people.Board;
import se.paragraf.people.Municipality;
import se.paragraf.people.Organisation;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.events.EventEffects;

/**
 * The digital notice boards of the municipalities. When minutes are certified, the certification
 * is announced on the board of every partner municipality of the board; the appeal period runs
 * three weeks from the last of those postings, and the decisions come into force after it unless
 * appealed.
 */
@Service
@Transactional(readOnly = true)
public class NoticeBoard implements NoticeBoardPostings {

	private static final Logger log = LoggerFactory.getLogger(NoticeBoard.class);

	private final PublicNotices notices;

	private final Appeals appeals;

	private final Organisation organisation;

	private final Clock clock;

	private final boolean autoPost;

	private final EventEffects effects;

	NoticeBoard(PublicNotices notices, Appeals appeals, Organisation organisation, Clock clock,
			@Value("${paragraf.publication.auto-post:true}") boolean autoPost, EventEffects effects) {
		this.effects = effects;
		this.notices = notices;
		this.appeals = appeals;
		this.organisation = organisation;
		this.clock = clock;
		this.autoPost = autoPost;
	}

	/**
	 * Announces certified minutes on every partner municipality's board, posted on the day. A
	 * registered publication, handled after the certification has committed, in a transaction of its
	 * own; a replay finds the minutes version already announced and posts nothing twice.
	 */
	@ApplicationModuleListener
	public void on(MinutesCertified event) {
		if (!this.effects.claim("publication.notice-board:" + event.minutesId() + "/" + event.versionNumber())) {
			return;
		}
		Board board = this.organisation.board(event.boardId());
		String keptAt = keptAt(board);
		for (Municipality municipality : this.organisation.partnersOf(board)) {
			PublicNotice notice = new PublicNotice(event.meetingId(), event.minutesId(), event.versionNumber(),
					board.getId(), board.getName(), municipality.getId(), municipality.getName(), event.meetingDate(),
					event.certifiedOn(), event.sectionRange(), keptAt);
			if (this.autoPost) {
				notice.post(event.certifiedOn());
			}
			this.notices.save(notice);
		}
		this.notices.flush();
		recompute(event.minutesId());
	}

	/**
	 * Records the day a notice was posted (for a municipality that posts by hand, or a later
	 * posting); the appeal period of all partners moves with the last posting.
	 */
	@Transactional
	public PublicNotice post(Long noticeId, LocalDate on) {
		PublicNotice notice = notice(noticeId);
		if (on.isBefore(notice.getCertifiedOn())) {
			throw RuleViolation.onField("postedOn", "publicNotice.postedBeforeCertification");
		}
		notice.post(on);
		this.notices.saveAndFlush(notice);
		recompute(notice.getMinutesId());
		return notice;
	}

	@Transactional
	public Appeal registerAppeal(Long meetingId, int sectionNumber, LocalDate receivedOn, @Nullable String note) {
		if (this.notices.findByMeetingIdOrderByMunicipalityNameAsc(meetingId).isEmpty()) {
			throw new RuleViolation("appeal.notAnnounced");
		}
		return this.appeals.save(new Appeal(meetingId, sectionNumber, receivedOn, note));
	}

	public PublicNotice notice(Long id) {
		return this.notices.findById(id).orElseThrow(() -> new NotFoundException("PublicNotice", id));
	}

	/** The announcements of a meeting's newest certified minutes, one per partner municipality. */
	public List<PublicNotice> notices(Long meetingId) {
		List<PublicNotice> all = this.notices.findByMeetingIdOrderByMunicipalityNameAsc(meetingId);
		int newest = all.stream().mapToInt(PublicNotice::getMinutesVersion).max().orElse(0);
		return all.stream().filter(n -> n.getMinutesVersion() == newest).toList();
	}

	/** What one municipality's board shows on a day. */
	public List<PublicNotice> board(Long municipalityId, LocalDate on) {
		return this.notices.findByMunicipalityIdOrderByCertifiedOnDesc(municipalityId)
			.stream()
			.filter(n -> n.isUpOn(on))
			.toList();
	}

	/** Everything a municipality's board has announced, newest first. */
	public List<PublicNotice> archive(Long municipalityId) {
		return this.notices.findByMunicipalityIdOrderByCertifiedOnDesc(municipalityId)
			.stream()
			.filter(PublicNotice::isPosted)
			.toList();
	}

	/** Postings not made by the second day after certification: an alert for the secretary. */
	public List<PublicNotice> overdue(LocalDate today) {
		return this.notices.findByPostedOnIsNull().stream().filter(n -> n.isOverdue(today)).toList();
	}

	/** Notices not yet posted, overdue or not. */
	public List<PublicNotice> unposted() {
		return this.notices.findByPostedOnIsNull();
	}

	public List<Appeal> appeals(Long meetingId) {
		return this.appeals.findByMeetingId(meetingId);
	}

	@Override
	public List<Posting> postings(Long meetingId) {
		return notices(meetingId).stream()
			.map(n -> new Posting(n.getMunicipalityName(), n.getPostedOn(), n.getTakeDownOn(), n.getAppealEndsOn(),
					n.getDueBy()))
			.toList();
	}

	@Override
	public boolean inForce(Long meetingId, int sectionNumber, LocalDate on) {
		List<PublicNotice> current = notices(meetingId);
		if (current.isEmpty() || current.stream().anyMatch(n -> n.getAppealEndsOn() == null)) {
			return false;
		}
		LocalDate ends = Objects.requireNonNull(current.get(0).getAppealEndsOn());
		return on.isAfter(ends) && this.appeals.findByMeetingId(meetingId)
			.stream()
			.noneMatch(a -> a.getSectionNumber() == sectionNumber);
	}

	/** Today in Sweden, where the notice boards hang. */
	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** Daily: warn about postings overdue. */
	public void logOverdue() {
		overdue(today()).forEach(n -> log.warn("Public notice of {} {} in {} is overdue (due {})", n.getBoardName(),
				n.getMeetingDate(), n.getMunicipalityName(), n.getDueBy()));
	}

	private void recompute(Long minutesId) {
		List<PublicNotice> siblings = this.notices.findByMinutesId(minutesId);
		boolean allPosted = siblings.stream().allMatch(PublicNotice::isPosted);
		LocalDate ends = allPosted ? AppealPeriod.endsOn(siblings.stream().map(PublicNotice::getPostedOn).toList())
				: null;
		siblings.forEach(n -> n.appealEnds(ends));
		this.notices.saveAll(siblings);
	}

	private String keptAt(Board board) {
		String host = this.organisation.municipality(board.getHostMunicipalityId()).getName();
		if (board.getAdministrationId() == null) {
			return host + " kommun";
		}
		return this.organisation.administration(board.getAdministrationId()).getName() + ", " + host + " kommun";
	}

}
