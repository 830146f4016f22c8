package se.paragraf.internalcontrol;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import se.paragraf.people.Board;

/**
 * Internal control as the regulation lays it out: the executive board's municipality-wide plan with
 * common control points that every board of the municipality follows up, each board's own plan,
 * the risk analyses that precede them, and the follow-ups reported to the executive board by
 * 31 January. The module's one entry point for the web layer and other modules; the work is done,
 * and every rule the forms and the API share is checked, in {@link RiskManagement},
 * {@link ControlPlanning} and {@link FollowUpReporting} (reminders: {@link FollowUpReminders}).
 */
@Service
public class InternalControlManagement {

	private final RiskManagement risks;

	private final ControlPlanning plans;

	private final FollowUpReporting followUps;

	InternalControlManagement(RiskManagement risks, ControlPlanning plans, FollowUpReporting followUps) {
		this.risks = risks;
		this.plans = plans;
		this.followUps = followUps;
	}

	// The regulation, risk matrices and analyses

	public Optional<ControlRegulation> regulation(Long municipalityId) {
		return this.risks.regulation(municipalityId);
	}

	public ControlRegulation setRegulation(Long municipalityId, String reference, String body) {
		return this.risks.setRegulation(municipalityId, reference, body);
	}

	/** Sets a new version of the municipality's matrix; analyses already started keep theirs. */
	public RiskMatrix defineMatrix(Long municipalityId, List<String> likelihoodLabels, List<String> consequenceLabels) {
		return this.risks.defineMatrix(municipalityId, likelihoodLabels, consequenceLabels);
	}

	public Optional<RiskMatrix> currentMatrix(Long municipalityId) {
		return this.risks.currentMatrix(municipalityId);
	}

	public RiskMatrix matrix(Long id) {
		return this.risks.matrix(id);
	}

	/** Starts the analysis of the municipality (origin common) or of a board, on the current matrix. */
	public RiskAnalysis startAnalysis(Origin origin, @Nullable Long municipalityId, @Nullable String boardCode, int year) {
		return this.risks.startAnalysis(origin, municipalityId, boardCode, year);
	}

	public RiskAnalysis analysis(Long id) {
		return this.risks.analysis(id);
	}

	public List<RiskAnalysis> analyses(int year) {
		return this.risks.analyses(year);
	}

	public List<Risk> risks(Long analysisId) {
		return this.risks.risks(analysisId);
	}

	public Risk risk(Long id) {
		return this.risks.risk(id);
	}

	public Risk addRisk(Long analysisId, String category, String description, int likelihood, int consequence,
			String rationale) {
		return this.risks.addRisk(analysisId, category, description, likelihood, consequence, rationale);
	}

	/**
	 * Moves an analysis to another version of its municipality's matrix. The caller says explicitly
	 * which new level each old level becomes (index 0 is old level 1); every risk is re-scored so.
	 */
	public RiskAnalysis remap(Long analysisId, Long matrixId, List<Integer> likelihoodMap, List<Integer> consequenceMap) {
		return this.risks.remap(analysisId, matrixId, likelihoodMap, consequenceMap);
	}

	// Plans and control points

	public ControlPlan createPlan(Origin origin, @Nullable Long municipalityId, @Nullable String boardCode, int year,
			@Nullable Long riskAnalysisId, @Nullable String decidedBy, @Nullable LocalDate decidedOn) {
		return this.plans.createPlan(origin, municipalityId, boardCode, year, riskAnalysisId, decidedBy, decidedOn);
	}

	public ControlPlan plan(Long id) {
		return this.plans.plan(id);
	}

	public List<ControlPlan> plans(int year) {
		return this.plans.plans(year);
	}

	public List<ControlPlan> allPlans() {
		return this.plans.allPlans();
	}

	/** A board's own plans, newest first; municipality-wide plans have no board. */
	public List<ControlPlan> boardPlans(Long boardId) {
		return this.plans.boardPlans(boardId);
	}

	public List<ControlPoint> points(Long planId) {
		return this.plans.points(planId);
	}

	public ControlPoint point(Long id) {
		return this.plans.point(id);
	}

	public ControlPoint addPoint(Long planId, ControlPointDefinition definition) {
		return this.plans.addPoint(planId, definition);
	}

	/** The municipality-wide plans a board follows: those of every municipality it serves. */
	public List<ControlPlan> commonPlans(Board board, int year) {
		return this.plans.commonPlans(board, year);
	}

	public Optional<ControlPlan> boardPlan(Long boardId, int year) {
		return this.plans.boardPlan(boardId, year);
	}

	/** The control points a board follows up for a year: the common ones first, then its own. */
	public List<ApplicablePoint> applicablePoints(Long boardId, int year) {
		return this.plans.applicablePoints(boardId, year);
	}

	/** The boards that follow up a plan's points: every board of the municipality, or the board itself. */
	public List<Board> boardsFollowing(ControlPlan plan) {
		return this.plans.boardsFollowing(plan);
	}

	// Follow-ups, evidence and where the boards stand

	/** The follow-up that stands: the latest, not replaced by a correction. */
	public Optional<FollowUp> currentFollowUp(Long pointId, Long boardId, int year) {
		return this.followUps.currentFollowUp(pointId, boardId, year);
	}

	/** Every record of a board's follow-up of a point, the replaced ones included, oldest first. */
	public List<FollowUp> history(Long pointId, Long boardId, int year) {
		return this.followUps.history(pointId, boardId, year);
	}

	public FollowUp followUp(Long id) {
		return this.followUps.followUp(id);
	}

	/** Records (or changes) the draft of a board's follow-up; a submitted follow-up refuses. */
	public FollowUp recordFollowUp(Long pointId, Long boardId, int year, FollowUpContent content) {
		return this.followUps.recordFollowUp(pointId, boardId, year, content);
	}

	public FollowUp submit(Long followUpId, long expectedVersion) {
		return this.followUps.submit(followUpId, expectedVersion);
	}

	/**
	 * Corrects a submitted follow-up: a new, submitted record replaces it; the old one is kept and
	 * points to its correction.
	 */
	public FollowUp correct(Long followUpId, FollowUpContent content, String reason) {
		return this.followUps.correct(followUpId, content, reason);
	}

	public List<FollowUpEvidence> evidence(Long followUpId) {
		return this.followUps.evidence(followUpId);
	}

	public FollowUpEvidence evidenceFile(Long id) {
		return this.followUps.evidenceFile(id);
	}

	public byte[] evidenceContent(FollowUpEvidence file) {
		return this.followUps.evidenceContent(file);
	}

	public FollowUpEvidence addEvidence(Long followUpId, String filename, @Nullable String contentType, byte[] content) {
		return this.followUps.addEvidence(followUpId, filename, contentType, content);
	}

	/** Where a board stands with a year's follow-ups, point by point. */
	public BoardStatus status(Board board, int year) {
		return this.followUps.status(board, year);
	}

	/** Every board with control points for the year and what it has not yet followed up. */
	public List<BoardStatus> dashboard(int year) {
		return this.followUps.dashboard(year);
	}

	/** The executive board's consolidated report: every board of the municipality, every point. */
	public List<BoardStatus> consolidatedReport(Long municipalityId, int year) {
		return this.followUps.consolidatedReport(municipalityId, year);
	}

	LocalDate today() {
		return this.followUps.today();
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
