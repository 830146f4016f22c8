package se.paragraf.internalcontrol;

import static se.paragraf.internalcontrol.InternalControlRules.checkYear;
import static se.paragraf.internalcontrol.InternalControlRules.requireText;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.internalcontrol.InternalControlManagement.BoardStatus;
import se.paragraf.internalcontrol.InternalControlManagement.PointStatus;
import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;
import se.paragraf.shared.files.FileStore;
import se.paragraf.shared.security.CurrentUser;

/**
 * The boards' follow-ups of their control points, drafted, submitted and corrected, with their
 * evidence files; and where each board stands, for the dashboard and the executive board's
 * consolidated report due 31 January.
 */
@Service
@Transactional(readOnly = true)
class FollowUpReporting {

	private final FollowUps followUps;

	private final FollowUpEvidences evidence;

	private final ControlPlanning planning;

	private final Organisation organisation;

	private final FileStore files;

	private final Clock clock;

	FollowUpReporting(FollowUps followUps, FollowUpEvidences evidence, ControlPlanning planning,
			Organisation organisation, FileStore files, Clock clock) {
		this.followUps = followUps;
		this.evidence = evidence;
		this.planning = planning;
		this.organisation = organisation;
		this.files = files;
		this.clock = clock;
	}

	/** The follow-up that stands: the latest, not replaced by a correction. */
	public Optional<FollowUp> currentFollowUp(Long pointId, Long boardId, int year) {
		return this.followUps.findByControlPointIdAndBoardIdAndYearOrderByIdAsc(pointId, boardId, year)
			.stream()
			.filter(f -> f.getReplacedById() == null)
			.reduce((first, second) -> second);
	}

	/** Every record of a board's follow-up of a point, the replaced ones included, oldest first. */
	public List<FollowUp> history(Long pointId, Long boardId, int year) {
		return this.followUps.findByControlPointIdAndBoardIdAndYearOrderByIdAsc(pointId, boardId, year);
	}

	public FollowUp followUp(Long id) {
		return this.followUps.findById(id).orElseThrow(() -> new NotFoundException("FollowUp", id));
	}

	/** Records (or changes) the draft of a board's follow-up; a submitted follow-up refuses. */
	@Transactional
	public FollowUp recordFollowUp(Long pointId, Long boardId, int year, FollowUpContent content) {
		ControlPoint point = this.planning.point(pointId);
		checkFollowUp(point, boardId, year, content);
		Optional<FollowUp> current = currentFollowUp(pointId, boardId, year);
		if (current.isPresent()) {
			current.get().write(content);
			return current.get();
		}
		return this.followUps.save(new FollowUp(pointId, boardId, year, content));
	}

	@Transactional
	public FollowUp submit(Long followUpId, long expectedVersion) {
		FollowUp followUp = followUp(followUpId);
		StaleVersionException.check("FollowUp", followUpId, followUp.getVersion(), expectedVersion);
		followUp.submit(this.clock.instant(), CurrentUser.name());
		return followUp;
	}

	/**
	 * Corrects a submitted follow-up: a new, submitted record replaces it; the old one is kept and
	 * points to its correction.
	 */
	@Transactional
	public FollowUp correct(Long followUpId, FollowUpContent content, String reason) {
		FollowUp old = followUp(followUpId);
		if (!old.isSubmitted()) {
			throw new RuleViolation("internalcontrol.followUp.correctDraft");
		}
		if (old.getReplacedById() != null) {
			throw new RuleViolation("internalcontrol.followUp.alreadyCorrected", old.getReplacedById());
		}
		requireText("reason", reason);
		checkFollowUp(this.planning.point(old.getControlPointId()), old.getBoardId(), old.getYear(), content);
		FollowUp correction = new FollowUp(old.getControlPointId(), old.getBoardId(), old.getYear(), content);
		correction.correctionOf(old.getId(), reason.strip());
		correction.submit(this.clock.instant(), CurrentUser.name());
		correction = this.followUps.save(correction);
		old.replacedBy(correction.getId());
		for (FollowUpEvidence file : evidence(old.getId())) {
			this.evidence.save(new FollowUpEvidence(correction.getId(), file.getFilename(), file.getContentType(),
					file.getStorageKey(), file.getSha256(), file.getSize(), file.getAddedAt()));
		}
		return correction;
	}

	public List<FollowUpEvidence> evidence(Long followUpId) {
		return this.evidence.findByFollowUpIdOrderByIdAsc(followUpId);
	}

	public FollowUpEvidence evidenceFile(Long id) {
		return this.evidence.findById(id).orElseThrow(() -> new NotFoundException("FollowUpEvidence", id));
	}

	public byte[] evidenceContent(FollowUpEvidence file) {
		return this.files.read(file.getStorageKey(), file.getSha256());
	}

	@Transactional
	public FollowUpEvidence addEvidence(Long followUpId, String filename, @Nullable String contentType, byte[] content) {
		FollowUp followUp = followUp(followUpId);
		if (followUp.isSubmitted()) {
			throw new FollowUpLocked(followUpId);
		}
		if (filename == null || filename.isBlank() || content.length == 0) {
			throw RuleViolation.onField("file", "internalcontrol.evidence.empty");
		}
		if (content.length > this.files.maxUploadSize()) {
			throw new se.paragraf.shared.UploadTooLarge(this.files.maxUploadSize() / (1024 * 1024));
		}
		FileStore.StoredFile stored = this.files.store(content);
		String name = filename.replaceAll("[\\\\/]", "_").strip();
		return this.evidence.save(new FollowUpEvidence(followUpId, name,
				contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType, stored.key(),
				stored.sha256(), stored.size(), this.clock.instant()));
	}

	/** Where a board stands with a year's follow-ups, point by point. */
	public BoardStatus status(Board board, int year) {
		checkYear(year);
		List<PointStatus> statuses = this.planning.applicablePoints(board.getId(), year).stream()
			.map(a -> new PointStatus(a.plan(), a.point(), currentFollowUp(a.point().getId(), board.getId(), year).orElse(null)))
			.toList();
		return new BoardStatus(board, year, LocalDate.of(year + 1, 1, 31), today(), statuses);
	}

	/** Every board with control points for the year and what it has not yet followed up. */
	public List<BoardStatus> dashboard(int year) {
		checkYear(year);
		return this.organisation.boards()
			.stream()
			.map(board -> status(board, year))
			.filter(status -> !status.points().isEmpty())
			.toList();
	}

	/** The executive board's consolidated report: every board of the municipality, every point. */
	public List<BoardStatus> consolidatedReport(Long municipalityId, int year) {
		checkYear(year);
		this.organisation.municipality(municipalityId);
		return this.organisation.boards()
			.stream()
			.filter(b -> b.getPartnerMunicipalityIds().contains(municipalityId))
			.map(board -> status(board, year))
			.filter(status -> !status.points().isEmpty())
			.toList();
	}

	private void checkFollowUp(ControlPoint point, Long boardId, int year, FollowUpContent content) {
		ControlPlan plan = this.planning.plan(point.getPlanId());
		if (plan.getYear() != year) {
			throw RuleViolation.onField("year", "internalcontrol.followUp.yearOfPlan", plan.getYear());
		}
		if (this.planning.boardsFollowing(plan).stream().noneMatch(b -> b.getId().equals(boardId))) {
			throw RuleViolation.onField("boardId", "internalcontrol.followUp.notTheBoardsPoint");
		}
		if (today().isBefore(LocalDate.of(year, 1, 1))) {
			throw RuleViolation.onField("year", "internalcontrol.followUp.periodNotStarted", year);
		}
		if (content.date() == null) {
			throw RuleViolation.onField("date", "internalcontrol.required");
		}
		if (content.date().getYear() < year || content.date().isAfter(today())) {
			throw RuleViolation.onField("date", "internalcontrol.followUp.dateOutsidePeriod", year);
		}
		if (content.performed() && content.result() == null) {
			throw RuleViolation.onField("result", "internalcontrol.followUp.resultRequired");
		}
		if (!content.performed() && content.result() != null) {
			throw RuleViolation.onField("result", "internalcontrol.followUp.resultWithoutControl");
		}
		if (content.result() == FollowUpResult.WITH_REMARK && (content.remark() == null || content.remark().isBlank())) {
			throw RuleViolation.onField("remark", "internalcontrol.followUp.remarkRequired");
		}
		for (Measure measure : content.measures()) {
			if (measure.getDescription().isBlank() || measure.getOwner().isBlank() || measure.getDueDate() == null) {
				throw RuleViolation.onField("measures", "internalcontrol.followUp.measureIncomplete");
			}
		}
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

}
