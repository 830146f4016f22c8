package se.paragraf.internalcontrol;

import static se.paragraf.shared.Texts.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.StaleVersionException;
import se.paragraf.shared.files.FileStore;
import se.paragraf.shared.security.CurrentUser;

/**
 * Internal control as the regulation lays it out: the executive board's municipality-wide plan with
 * common control points that every board of the municipality follows up, each board's own plan,
 * the risk analyses that precede them, and the follow-ups reported to the executive board by
 * 31 January. Every rule the forms and the API share is checked here.
 */
@Service
@Transactional(readOnly = true)
public class InternalControlManagement {

	private static final int MIN_LEVELS = 2;

	private static final int MAX_LEVELS = 10;

	private final ControlRegulations regulations;

	private final RiskMatrices matrices;

	private final RiskAnalyses analyses;

	private final Risks risks;

	private final ControlPlans plans;

	private final ControlPoints points;

	private final FollowUps followUps;

	private final FollowUpEvidences evidence;

	private final Organisation organisation;

	private final FileStore files;

	private final Clock clock;

	InternalControlManagement(ControlRegulations regulations, RiskMatrices matrices, RiskAnalyses analyses, Risks risks,
			ControlPlans plans, ControlPoints points, FollowUps followUps, FollowUpEvidences evidence,
			Organisation organisation, FileStore files, Clock clock) {
		this.regulations = regulations;
		this.matrices = matrices;
		this.analyses = analyses;
		this.risks = risks;
		this.plans = plans;
		this.points = points;
		this.followUps = followUps;
		this.evidence = evidence;
		this.organisation = organisation;
		this.files = files;
		this.clock = clock;
	}

	// The regulation

	public Optional<ControlRegulation> regulation(Long municipalityId) {
		return this.regulations.findByMunicipalityId(municipalityId);
	}

	@Transactional
	public ControlRegulation setRegulation(Long municipalityId, String reference, String body) {
		this.organisation.municipality(municipalityId);
		requireText("reference", reference);
		Optional<ControlRegulation> held = this.regulations.findByMunicipalityId(municipalityId);
		if (held.isPresent()) {
			held.get().revise(reference.strip(), clean(body));
			return held.get();
		}
		return this.regulations.save(new ControlRegulation(municipalityId, reference.strip(), clean(body)));
	}

	// Risk matrix and analyses

	/** Sets a new version of the municipality's matrix; analyses already started keep theirs. */
	@Transactional
	public RiskMatrix defineMatrix(Long municipalityId, List<String> likelihoodLabels, List<String> consequenceLabels) {
		this.organisation.municipality(municipalityId);
		checkLevels("likelihoodLabels", likelihoodLabels);
		checkLevels("consequenceLabels", consequenceLabels);
		int next = this.matrices.findFirstByMunicipalityIdOrderByMatrixVersionDesc(municipalityId)
			.map(m -> m.getMatrixVersion() + 1)
			.orElse(1);
		return this.matrices.save(new RiskMatrix(municipalityId, next, strip(likelihoodLabels), strip(consequenceLabels),
				this.clock.instant()));
	}

	public Optional<RiskMatrix> currentMatrix(Long municipalityId) {
		return this.matrices.findFirstByMunicipalityIdOrderByMatrixVersionDesc(municipalityId);
	}

	public RiskMatrix matrix(Long id) {
		return this.matrices.findById(id).orElseThrow(() -> new NotFoundException("RiskMatrix", id));
	}

	/** Starts the analysis of the municipality (origin common) or of a board, on the current matrix. */
	@Transactional
	public RiskAnalysis startAnalysis(Origin origin, @Nullable Long municipalityId, @Nullable String boardCode, int year) {
		Owner owner = owner(origin, municipalityId, boardCode);
		checkYear(year);
		RiskMatrix matrix = currentMatrix(owner.municipalityId())
			.orElseThrow(() -> RuleViolation.onField("municipalityId", "internalcontrol.matrix.missing"));
		return this.analyses.save(new RiskAnalysis(origin, owner.municipalityId(), owner.boardId(), year, matrix.getId()));
	}

	public RiskAnalysis analysis(Long id) {
		return this.analyses.findById(id).orElseThrow(() -> new NotFoundException("RiskAnalysis", id));
	}

	public List<RiskAnalysis> analyses(int year) {
		return this.analyses.findByYear(year);
	}

	public List<Risk> risks(Long analysisId) {
		return this.risks.findByAnalysisIdOrderByIdAsc(analysisId);
	}

	public Risk risk(Long id) {
		return this.risks.findById(id).orElseThrow(() -> new NotFoundException("Risk", id));
	}

	@Transactional
	public Risk addRisk(Long analysisId, String category, String description, int likelihood, int consequence,
			String rationale) {
		RiskAnalysis analysis = analysis(analysisId);
		requireText("category", category);
		requireText("description", description);
		checkScore(matrix(analysis.getMatrixId()), likelihood, consequence);
		return this.risks.save(new Risk(analysisId, category.strip(), description.strip(), likelihood, consequence,
				clean(rationale)));
	}

	/**
	 * Moves an analysis to another version of its municipality's matrix. The caller says explicitly
	 * which new level each old level becomes (index 0 is old level 1); every risk is re-scored so.
	 */
	@Transactional
	public RiskAnalysis remap(Long analysisId, Long matrixId, List<Integer> likelihoodMap, List<Integer> consequenceMap) {
		RiskAnalysis analysis = analysis(analysisId);
		RiskMatrix from = matrix(analysis.getMatrixId());
		RiskMatrix to = matrix(matrixId);
		if (!to.getMunicipalityId().equals(from.getMunicipalityId())) {
			throw RuleViolation.onField("matrixId", "internalcontrol.matrix.otherMunicipality");
		}
		checkMap("likelihoodMap", likelihoodMap, from.likelihoodLevels(), to.likelihoodLevels());
		checkMap("consequenceMap", consequenceMap, from.consequenceLevels(), to.consequenceLevels());
		for (Risk risk : risks(analysisId)) {
			risk.rescore(likelihoodMap.get(risk.getLikelihood() - 1), consequenceMap.get(risk.getConsequence() - 1));
		}
		analysis.moveTo(to.getId());
		return analysis;
	}

	// Plans and control points

	@Transactional
	public ControlPlan createPlan(Origin origin, @Nullable Long municipalityId, @Nullable String boardCode, int year,
			@Nullable Long riskAnalysisId, @Nullable String decidedBy, @Nullable LocalDate decidedOn) {
		Owner owner = owner(origin, municipalityId, boardCode);
		checkYear(year);
		Optional<ControlPlan> existing = origin == Origin.COMMON
				? this.plans.findByOriginAndMunicipalityIdAndYear(origin, owner.municipalityId(), year)
				: this.plans.findByOriginAndBoardIdAndYear(origin, Objects.requireNonNull(owner.boardId()), year);
		if (existing.isPresent()) {
			throw RuleViolation.onField("year", "internalcontrol.plan.exists", year);
		}
		if (riskAnalysisId != null) {
			RiskAnalysis analysis = analysis(riskAnalysisId);
			if (analysis.getOrigin() != origin || analysis.getYear() != year
					|| !Objects.equals(analysis.getBoardId(), owner.boardId())
					|| !analysis.getMunicipalityId().equals(owner.municipalityId())) {
				throw RuleViolation.onField("riskAnalysisId", "internalcontrol.plan.analysisMismatch");
			}
		}
		return this.plans.save(new ControlPlan(origin, owner.municipalityId(), owner.boardId(), year, riskAnalysisId,
				blankToNull(decidedBy), decidedOn));
	}

	public ControlPlan plan(Long id) {
		return this.plans.findById(id).orElseThrow(() -> new NotFoundException("ControlPlan", id));
	}

	public List<ControlPlan> plans(int year) {
		return this.plans.findByYear(year);
	}

	public List<ControlPlan> allPlans() {
		return this.plans.findAll()
			.stream()
			.sorted(Comparator.comparing(ControlPlan::getYear).reversed().thenComparing(ControlPlan::getOrigin))
			.toList();
	}

	public List<ControlPoint> points(Long planId) {
		return this.points.findByPlanIdOrderByPositionAsc(planId);
	}

	public ControlPoint point(Long id) {
		return this.points.findById(id).orElseThrow(() -> new NotFoundException("ControlPoint", id));
	}

	@Transactional
	public ControlPoint addPoint(Long planId, ControlPointDefinition definition) {
		ControlPlan plan = plan(planId);
		requireText("question", definition.question());
		requireText("method", definition.method());
		requireText("frequency", definition.frequency());
		requireText("responsible", definition.responsible());
		requireText("reportsTo", definition.reportsTo());
		if (definition.riskId() != null) {
			Risk risk = risk(definition.riskId());
			if (plan.getRiskAnalysisId() != null && !plan.getRiskAnalysisId().equals(risk.getAnalysisId())) {
				throw RuleViolation.onField("riskId", "internalcontrol.point.riskOfOtherAnalysis");
			}
		}
		if (definition.responsiblePersonId() != null) {
			this.organisation.person(definition.responsiblePersonId());
		}
		String question = definition.question().strip();
		List<ControlPoint> rivals = new ArrayList<>(points(planId));
		if (plan.getOrigin() == Origin.BOARD && plan.getBoardId() != null) {
			commonPlans(this.organisation.board(plan.getBoardId()), plan.getYear())
				.forEach(common -> rivals.addAll(points(common.getId())));
		}
		if (rivals.stream().anyMatch(p -> normalised(p.getQuestion()).equals(normalised(question)))) {
			throw RuleViolation.onField("question", "internalcontrol.point.duplicate");
		}
		return this.points.save(new ControlPoint(planId, points(planId).size() + 1,
				new ControlPointDefinition(question, definition.riskId(), definition.method().strip(),
						definition.frequency().strip(), definition.responsiblePersonId(), definition.responsible().strip(),
						definition.reportsTo().strip())));
	}

	/** The municipality-wide plans a board follows: those of every municipality it serves. */
	public List<ControlPlan> commonPlans(Board board, int year) {
		return board.getPartnerMunicipalityIds()
			.stream()
			.sorted(Comparator.comparing((Long id) -> !id.equals(board.getHostMunicipalityId())))
			.map(id -> this.plans.findByOriginAndMunicipalityIdAndYear(Origin.COMMON, id, year))
			.flatMap(Optional::stream)
			.toList();
	}

	public Optional<ControlPlan> boardPlan(Long boardId, int year) {
		return this.plans.findByOriginAndBoardIdAndYear(Origin.BOARD, boardId, year);
	}

	/** The control points a board follows up for a year: the common ones first, then its own. */
	public List<ApplicablePoint> applicablePoints(Long boardId, int year) {
		Board board = this.organisation.board(boardId);
		List<ApplicablePoint> result = new ArrayList<>();
		for (ControlPlan plan : commonPlans(board, year)) {
			points(plan.getId()).forEach(p -> result.add(new ApplicablePoint(plan, p)));
		}
		boardPlan(boardId, year).ifPresent(plan -> points(plan.getId()).forEach(p -> result.add(new ApplicablePoint(plan, p))));
		return result;
	}

	/** The boards that follow up a plan's points: every board of the municipality, or the board itself. */
	public List<Board> boardsFollowing(ControlPlan plan) {
		if (plan.getOrigin() == Origin.BOARD) {
			return List.of(this.organisation.board(Objects.requireNonNull(plan.getBoardId())));
		}
		return this.organisation.boards()
			.stream()
			.filter(b -> b.getPartnerMunicipalityIds().contains(plan.getMunicipalityId()))
			.toList();
	}

	// Follow-ups

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
		ControlPoint point = point(pointId);
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
		checkFollowUp(point(old.getControlPointId()), old.getBoardId(), old.getYear(), content);
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
		return this.files.read(file.getStorageKey());
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

	// Dashboard and reports

	/** Where a board stands with a year's follow-ups, point by point. */
	public BoardStatus status(Board board, int year) {
		checkYear(year);
		List<PointStatus> statuses = applicablePoints(board.getId(), year).stream()
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

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	// Rules

	private void checkFollowUp(ControlPoint point, Long boardId, int year, FollowUpContent content) {
		ControlPlan plan = plan(point.getPlanId());
		if (plan.getYear() != year) {
			throw RuleViolation.onField("year", "internalcontrol.followUp.yearOfPlan", plan.getYear());
		}
		if (boardsFollowing(plan).stream().noneMatch(b -> b.getId().equals(boardId))) {
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

	private Owner owner(Origin origin, @Nullable Long municipalityId, @Nullable String boardCode) {
		if (origin == null) {
			throw RuleViolation.onField("origin", "internalcontrol.required");
		}
		if (origin == Origin.COMMON) {
			if (municipalityId == null) {
				throw RuleViolation.onField("municipalityId", "internalcontrol.required");
			}
			this.organisation.municipality(municipalityId);
			return new Owner(municipalityId, null);
		}
		if (boardCode == null || boardCode.isBlank()) {
			throw RuleViolation.onField("board", "internalcontrol.required");
		}
		Board board = this.organisation.findBoard(boardCode)
			.orElseThrow(() -> RuleViolation.onField("board", "internalcontrol.board.unknown", boardCode));
		return new Owner(board.getHostMunicipalityId(), board.getId());
	}

	private static void checkScore(RiskMatrix matrix, int likelihood, int consequence) {
		if (likelihood < 1 || likelihood > matrix.likelihoodLevels()) {
			throw RuleViolation.onField("likelihood", "internalcontrol.risk.outsideMatrix", likelihood,
					matrix.likelihoodLevels());
		}
		if (consequence < 1 || consequence > matrix.consequenceLevels()) {
			throw RuleViolation.onField("consequence", "internalcontrol.risk.outsideMatrix", consequence,
					matrix.consequenceLevels());
		}
	}

	private static void checkMap(String field, @Nullable List<Integer> map, int fromLevels, int toLevels) {
		if (map == null || map.size() != fromLevels) {
			throw RuleViolation.onField(field, "internalcontrol.matrix.mapSize", fromLevels);
		}
		for (Integer level : map) {
			if (level == null || level < 1 || level > toLevels) {
				throw RuleViolation.onField(field, "internalcontrol.risk.outsideMatrix", String.valueOf(level), toLevels);
			}
		}
	}

	private static void checkLevels(String field, @Nullable List<String> labels) {
		if (labels == null || labels.size() < MIN_LEVELS || labels.size() > MAX_LEVELS
				|| labels.stream().anyMatch(l -> l == null || l.isBlank() || l.contains("|"))) {
			throw RuleViolation.onField(field, "internalcontrol.matrix.levels", MIN_LEVELS, MAX_LEVELS);
		}
	}

	private static void checkYear(int year) {
		if (year < 2000 || year > 2100) {
			throw RuleViolation.onField("year", "internalcontrol.year.invalid", String.valueOf(year));
		}
	}

	private static List<String> strip(List<String> labels) {
		return labels.stream().map(String::strip).toList();
	}

	private static void requireText(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			throw RuleViolation.onField(field, "internalcontrol.required");
		}
	}

	private static String clean(@Nullable String text) {
		return text == null ? "" : text.strip().replace("\r\n", "\n");
	}


	private static String normalised(String question) {
		return question.strip().replaceAll("\\s+", " ").replaceAll("[?.!]+$", "").toLowerCase(Locale.ROOT);
	}

	private record Owner(Long municipalityId, @Nullable Long boardId) {
	}

	/** A control point as a board follows it, with the plan it comes from. */
	public record ApplicablePoint(ControlPlan plan, ControlPoint point) {
	}

	/** A point and the board's current follow-up of it, if any. */
	public record PointStatus(ControlPlan plan, ControlPoint point, @Nullable FollowUp followUp) {

		public boolean followedUp() {
			return this.followUp != null && this.followUp.isSubmitted();
		}

		public boolean drafted() {
			return this.followUp != null && !this.followUp.isSubmitted();
		}

	}

	/** A board's year: its points, the report's due date, and what is still missing. */
	public record BoardStatus(Board board, int year, LocalDate due, LocalDate today, List<PointStatus> points) {

		public List<PointStatus> missing() {
			return this.points.stream().filter(p -> !p.followedUp()).toList();
		}

		public boolean overdue() {
			return !missing().isEmpty() && this.today.isAfter(this.due);
		}

		public long daysLeft() {
			return java.time.temporal.ChronoUnit.DAYS.between(this.today, this.due);
		}

	}

}
