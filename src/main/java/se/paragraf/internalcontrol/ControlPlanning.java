package se.paragraf.internalcontrol;

import static se.paragraf.internalcontrol.InternalControlRules.checkYear;
import static se.paragraf.internalcontrol.InternalControlRules.owner;
import static se.paragraf.internalcontrol.InternalControlRules.requireText;
import static se.paragraf.shared.Texts.blankToNull;

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

import se.paragraf.internalcontrol.InternalControlManagement.ApplicablePoint;
import se.paragraf.internalcontrol.InternalControlRules.Owner;
import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;

/**
 * The control plans, the executive board's municipality-wide ones and each board's own, their control
 * points, and which points each board follows up.
 */
@Service
@Transactional(readOnly = true)
class ControlPlanning {

	private final ControlPlans plans;

	private final ControlPoints points;

	private final RiskManagement riskManagement;

	private final Organisation organisation;

	ControlPlanning(ControlPlans plans, ControlPoints points, RiskManagement riskManagement, Organisation organisation) {
		this.plans = plans;
		this.points = points;
		this.riskManagement = riskManagement;
		this.organisation = organisation;
	}

	@Transactional
	public ControlPlan createPlan(Origin origin, @Nullable Long municipalityId, @Nullable String boardCode, int year,
			@Nullable Long riskAnalysisId, @Nullable String decidedBy, @Nullable LocalDate decidedOn) {
		Owner owner = owner(this.organisation, origin, municipalityId, boardCode);
		checkYear(year);
		Optional<ControlPlan> existing = origin == Origin.COMMON
				? this.plans.findByOriginAndMunicipalityIdAndYear(origin, owner.municipalityId(), year)
				: this.plans.findByOriginAndBoardIdAndYear(origin, Objects.requireNonNull(owner.boardId()), year);
		if (existing.isPresent()) {
			throw RuleViolation.onField("year", "internalcontrol.plan.exists", year);
		}
		if (riskAnalysisId != null) {
			RiskAnalysis analysis = this.riskManagement.analysis(riskAnalysisId);
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

	/** A board's own plans, newest first; municipality-wide plans have no board. */
	public List<ControlPlan> boardPlans(Long boardId) {
		return this.plans.findByBoardIdOrderByYearDesc(boardId);
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
			Risk risk = this.riskManagement.risk(definition.riskId());
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

	private static String normalised(String question) {
		return question.strip().replaceAll("\\s+", " ").replaceAll("[?.!]+$", "").toLowerCase(Locale.ROOT);
	}

}
