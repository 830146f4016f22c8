package se.paragraf.internalcontrol;

import static se.paragraf.internalcontrol.InternalControlRules.checkYear;
import static se.paragraf.internalcontrol.InternalControlRules.clean;
import static se.paragraf.internalcontrol.InternalControlRules.owner;
import static se.paragraf.internalcontrol.InternalControlRules.requireText;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.internalcontrol.InternalControlRules.Owner;
import se.paragraf.people.Organisation;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;

/**
 * The regulation, the municipality's risk matrix and the risk analyses scored on it, which precede
 * the control plans.
 */
@Service
@Transactional(readOnly = true)
class RiskManagement {

	private static final int MIN_LEVELS = 2;

	private static final int MAX_LEVELS = 10;

	private final ControlRegulations regulations;

	private final RiskMatrices matrices;

	private final RiskAnalyses analyses;

	private final Risks risks;

	private final Organisation organisation;

	private final Clock clock;

	RiskManagement(ControlRegulations regulations, RiskMatrices matrices, RiskAnalyses analyses, Risks risks,
			Organisation organisation, Clock clock) {
		this.regulations = regulations;
		this.matrices = matrices;
		this.analyses = analyses;
		this.risks = risks;
		this.organisation = organisation;
		this.clock = clock;
	}

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
		Owner owner = owner(this.organisation, origin, municipalityId, boardCode);
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

	private static List<String> strip(List<String> labels) {
		return labels.stream().map(String::strip).toList();
	}

}
