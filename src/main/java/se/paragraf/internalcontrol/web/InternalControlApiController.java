package se.paragraf.internalcontrol.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

import se.paragraf.internalcontrol.ControlPlan;
import se.paragraf.internalcontrol.ControlPoint;
import se.paragraf.internalcontrol.ControlPointDefinition;
import se.paragraf.internalcontrol.FollowUp;
import se.paragraf.internalcontrol.FollowUpContent;
import se.paragraf.internalcontrol.FollowUpEvidence;
import se.paragraf.internalcontrol.FollowUpResult;
import se.paragraf.internalcontrol.InternalControlManagement;
import se.paragraf.internalcontrol.Measure;
import se.paragraf.internalcontrol.MeasureKind;
import se.paragraf.internalcontrol.Origin;
import se.paragraf.internalcontrol.Risk;
import se.paragraf.internalcontrol.RiskAnalysis;
import se.paragraf.internalcontrol.RiskMatrix;
import se.paragraf.people.Organisation;
import se.paragraf.shared.web.ApiController;

/**
 * Internal control in the JSON API: risk matrices and analyses, control plans and points,
 * follow-ups (record, submit, correct, evidence) and the dashboard. Every write goes through
 * {@link InternalControlManagement}, so the API keeps the same rules as the pages.
 */
@ApiController("/api/v1")
@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER', 'ECONOMIST', 'MEMBER', 'SUBSTITUTE')")
class InternalControlApiController {

	private static final String WRITE = "hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER')";

	private final InternalControlManagement control;

	private final Organisation organisation;

	InternalControlApiController(InternalControlManagement control, Organisation organisation) {
		this.control = control;
		this.organisation = organisation;
	}

	// Risk matrix and analyses

	@PostMapping("/risk-matrices")
	@PreAuthorize(WRITE)
	ResponseEntity<MatrixJson> defineMatrix(@Valid @RequestBody NewMatrix body) {
		return ResponseEntity.status(201)
			.body(MatrixJson.of(this.control.defineMatrix(body.municipalityId(), body.likelihoodLabels(),
					body.consequenceLabels())));
	}

	@GetMapping("/risk-matrices/{id}")
	MatrixJson showMatrix(@PathVariable Long id) {
		return MatrixJson.of(this.control.matrix(id));
	}

	@PostMapping("/risk-analyses")
	@PreAuthorize(WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<AnalysisJson> startAnalysis(@Valid @RequestBody NewAnalysis body) {
		RiskAnalysis analysis = this.control.startAnalysis(body.origin(), body.municipalityId(), body.board(), body.year());
		return ResponseEntity.created(URI.create("/api/v1/risk-analyses/" + analysis.getId())).body(analysis(analysis));
	}

	@GetMapping("/risk-analyses/{id}")
	AnalysisJson showAnalysis(@PathVariable Long id) {
		return analysis(this.control.analysis(id));
	}

	@PostMapping("/risk-analyses/{id}/risks")
	@PreAuthorize(WRITE)
	ResponseEntity<RiskJson> addRisk(@PathVariable Long id, @Valid @RequestBody NewRisk body) {
		return ResponseEntity.status(201)
			.body(RiskJson.of(this.control.addRisk(id, body.category(), body.description(), body.likelihood(),
					body.consequence(), body.rationale() == null ? "" : body.rationale())));
	}

	@PostMapping("/risk-analyses/{id}/remap")
	@PreAuthorize(WRITE)
	AnalysisJson remap(@PathVariable Long id, @Valid @RequestBody Remap body) {
		return analysis(this.control.remap(id, body.matrixId(), body.likelihoodMap(), body.consequenceMap()));
	}

	// Plans and points

	@GetMapping("/control-plans")
	List<PlanJson> listPlans(@RequestParam(required = false) @Nullable Integer year) {
		List<ControlPlan> plans = year == null ? this.control.allPlans() : this.control.plans(year);
		return plans.stream().map(this::plan).toList();
	}

	@PostMapping("/control-plans")
	@PreAuthorize(WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<PlanJson> createPlan(@Valid @RequestBody NewPlan body) {
		ControlPlan plan = this.control.createPlan(body.origin(), body.municipalityId(), body.board(), body.year(),
				body.riskAnalysisId(), body.decidedBy(), body.decidedOn());
		return ResponseEntity.created(URI.create("/api/v1/control-plans/" + plan.getId())).body(plan(plan));
	}

	@GetMapping("/control-plans/{id}")
	PlanJson showPlan(@PathVariable Long id) {
		return plan(this.control.plan(id));
	}

	@PostMapping("/control-plans/{id}/points")
	@PreAuthorize(WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<PointJson> addPoint(@PathVariable Long id, @Valid @RequestBody NewPoint body) {
		ControlPoint point = this.control.addPoint(id, new ControlPointDefinition(body.question(), body.riskId(),
				body.method(), body.frequency(), body.responsiblePersonId(), body.responsible(), body.reportsTo()));
		return ResponseEntity.created(URI.create("/api/v1/control-points/" + point.getId())).body(PointJson.of(point));
	}

	@GetMapping("/control-points/{id}")
	PointJson showPoint(@PathVariable Long id) {
		return PointJson.of(this.control.point(id));
	}

	// Follow-ups

	@GetMapping("/follow-ups")
	List<FollowUpJson> listFollowUps(@RequestParam String board, @RequestParam int year) {
		Long boardId = this.organisation.board(board).getId();
		return this.control.applicablePoints(boardId, year)
			.stream()
			.flatMap(a -> this.control.history(a.point().getId(), boardId, year).stream())
			.map(this::followUp)
			.toList();
	}

	@GetMapping("/follow-ups/{id}")
	FollowUpJson showFollowUp(@PathVariable Long id) {
		return followUp(this.control.followUp(id));
	}

	@PostMapping("/follow-ups")
	@PreAuthorize(WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<FollowUpJson> recordFollowUp(@Valid @RequestBody NewFollowUp body) {
		Long boardId = this.organisation.board(body.board()).getId();
		FollowUp followUp = this.control.recordFollowUp(body.controlPointId(), boardId, body.year(), body.content());
		if (Boolean.TRUE.equals(body.submit())) {
			followUp = this.control.submit(followUp.getId(), followUp.getVersion());
		}
		return ResponseEntity.created(URI.create("/api/v1/follow-ups/" + followUp.getId())).body(followUp(followUp));
	}

	@PostMapping("/follow-ups/{id}/submission")
	@PreAuthorize(WRITE)
	FollowUpJson submit(@PathVariable Long id, @Valid @RequestBody Submission body) {
		return followUp(this.control.submit(id, body.version()));
	}

	@PostMapping("/follow-ups/{id}/corrections")
	@PreAuthorize(WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<FollowUpJson> correct(@PathVariable Long id, @Valid @RequestBody Correction body) {
		FollowUp correction = this.control.correct(id, body.followUp().content(), body.reason());
		return ResponseEntity.created(URI.create("/api/v1/follow-ups/" + correction.getId())).body(followUp(correction));
	}

	@PostMapping(path = "/follow-ups/{id}/evidence", consumes = "multipart/form-data")
	@PreAuthorize(WRITE)
	ResponseEntity<EvidenceJson> addEvidence(@PathVariable Long id, @RequestPart("file") MultipartFile file) {
		try {
			FollowUpEvidence evidence = this.control.addEvidence(id, String.valueOf(file.getOriginalFilename()),
					file.getContentType(), file.getBytes());
			return ResponseEntity.status(201).body(EvidenceJson.of(evidence));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/follow-ups/dashboard")
	List<BoardStatusJson> dashboard(@RequestParam int year) {
		return this.control.dashboard(year).stream().map(BoardStatusJson::of).toList();
	}

	@GetMapping("/follow-ups/report")
	List<BoardStatusJson> consolidatedReport(@RequestParam Long municipality, @RequestParam int year) {
		return this.control.consolidatedReport(municipality, year).stream().map(BoardStatusJson::of).toList();
	}

	private AnalysisJson analysis(RiskAnalysis analysis) {
		return new AnalysisJson(analysis.getId(), analysis.getOrigin(), analysis.getMunicipalityId(),
				analysis.getBoardId() == null ? null : this.organisation.board(analysis.getBoardId()).getCode(),
				analysis.getYear(), analysis.getMatrixId(),
				this.control.risks(analysis.getId()).stream().map(RiskJson::of).toList(), analysis.getVersion());
	}

	private PlanJson plan(ControlPlan plan) {
		return new PlanJson(plan.getId(), plan.getOrigin(), plan.getMunicipalityId(),
				plan.getBoardId() == null ? null : this.organisation.board(plan.getBoardId()).getCode(), plan.getYear(),
				plan.getRiskAnalysisId(), plan.getDecidedBy(), plan.getDecidedOn(), plan.reportDue(),
				this.control.points(plan.getId()).stream().map(PointJson::of).toList(),
				this.control.boardsFollowing(plan).stream().map(b -> b.getCode()).toList(), plan.getVersion());
	}

	private FollowUpJson followUp(FollowUp f) {
		return new FollowUpJson(f.getId(), f.getControlPointId(), this.organisation.board(f.getBoardId()).getCode(),
				f.getYear(), f.isPerformed(), f.getResult(), f.getRemark(), f.getDate(),
				f.getMeasures().stream().map(MeasureJson::of).toList(), f.getStatus().name(), f.getSubmittedAt(),
				f.getSubmittedBy(), f.getReplacesId(), f.getReplacedById(), f.getCorrectionReason(),
				this.control.evidence(f.getId()).stream().map(EvidenceJson::of).toList(), f.getVersion());
	}

	record NewMatrix(@NotNull Long municipalityId, @NotEmpty List<@Size(max = 100) String> likelihoodLabels,
			@NotEmpty List<@Size(max = 100) String> consequenceLabels) {
	}

	record NewAnalysis(@NotNull Origin origin, @Nullable Long municipalityId, @Nullable @Size(max = 12) String board,
			@NotNull Integer year) {
	}

	record NewRisk(@NotBlank @Size(max = 200) String category, @NotBlank @Size(max = 100_000) String description,
			@NotNull Integer likelihood, @NotNull Integer consequence, @Nullable @Size(max = 100_000) String rationale) {
	}

	record Remap(@NotNull Long matrixId, @NotEmpty List<Integer> likelihoodMap, @NotEmpty List<Integer> consequenceMap) {
	}

	record NewPlan(@NotNull Origin origin, @Nullable Long municipalityId, @Nullable @Size(max = 12) String board,
			@NotNull Integer year, @Nullable Long riskAnalysisId, @Nullable @Size(max = 500) String decidedBy,
			@Nullable LocalDate decidedOn) {
	}

	record NewPoint(@NotBlank @Size(max = 1000) String question, @Nullable Long riskId, @NotBlank @Size(max = 100_000) String method,
			@NotBlank @Size(max = 200) String frequency, @Nullable Long responsiblePersonId,
			@NotBlank @Size(max = 200) String responsible, @NotBlank @Size(max = 200) String reportsTo) {
	}

	record MeasureBody(@NotNull MeasureKind kind, @NotBlank @Size(max = 100_000) String description, @NotBlank @Size(max = 200) String owner,
			@NotNull LocalDate dueDate) {
	}

	record FollowUpBody(@NotNull Boolean performed, @Nullable FollowUpResult result, @Nullable @Size(max = 100_000) String remark,
			@NotNull LocalDate date, @Nullable List<@Valid MeasureBody> measures) {

		FollowUpContent content() {
			return new FollowUpContent(this.performed, this.result, this.remark, this.date,
					this.measures == null ? List.of()
							: this.measures.stream()
								.map(m -> new Measure(m.kind(), m.description().strip(), m.owner().strip(), m.dueDate()))
								.toList());
		}

	}

	record NewFollowUp(@NotNull Long controlPointId, @NotBlank @Size(max = 12) String board, @NotNull Integer year,
			@NotNull Boolean performed, @Nullable FollowUpResult result, @Nullable @Size(max = 100_000) String remark,
			@NotNull LocalDate date, @Nullable List<@Valid MeasureBody> measures, @Nullable Boolean submit) {

		FollowUpContent content() {
			return new FollowUpBody(this.performed, this.result, this.remark, this.date, this.measures).content();
		}

	}

	record Submission(@NotNull Long version) {
	}

	record Correction(@Valid @NotNull FollowUpBody followUp, @NotBlank @Size(max = 5000) String reason) {
	}

	record MatrixJson(Long id, Long municipalityId, int matrixVersion, List<String> likelihoodLabels,
			List<String> consequenceLabels, Instant createdAt) {
		static MatrixJson of(RiskMatrix m) {
			return new MatrixJson(m.getId(), m.getMunicipalityId(), m.getMatrixVersion(), m.getLikelihoodLabels(),
					m.getConsequenceLabels(), m.getCreatedAt());
		}
	}

	record AnalysisJson(Long id, Origin origin, Long municipalityId, @Nullable String board, int year, Long matrixId,
			List<RiskJson> risks, long version) {
	}

	record RiskJson(Long id, String category, String description, int likelihood, int consequence, int score,
			String rationale, long version) {
		static RiskJson of(Risk r) {
			return new RiskJson(r.getId(), r.getCategory(), r.getDescription(), r.getLikelihood(), r.getConsequence(),
					r.getScore(), r.getRationale(), r.getVersion());
		}
	}

	record PlanJson(Long id, Origin origin, Long municipalityId, @Nullable String board, int year,
			@Nullable Long riskAnalysisId, @Nullable String decidedBy, @Nullable LocalDate decidedOn,
			LocalDate reportDue, List<PointJson> points, List<String> boardsFollowing, long version) {
	}

	record PointJson(Long id, Long planId, int position, String question, @Nullable Long riskId, String method,
			String frequency, @Nullable Long responsiblePersonId, String responsible, String reportsTo, long version) {
		static PointJson of(ControlPoint p) {
			return new PointJson(p.getId(), p.getPlanId(), p.getPosition(), p.getQuestion(), p.getRiskId(), p.getMethod(),
					p.getFrequency(), p.getResponsiblePersonId(), p.getResponsible(), p.getReportsTo(), p.getVersion());
		}
	}

	record MeasureJson(MeasureKind kind, String description, String owner, LocalDate dueDate) {
		static MeasureJson of(Measure m) {
			return new MeasureJson(m.getKind(), m.getDescription(), m.getOwner(), m.getDueDate());
		}
	}

	record EvidenceJson(Long id, String filename, String contentType, long size, String sha256) {
		static EvidenceJson of(FollowUpEvidence e) {
			return new EvidenceJson(e.getId(), e.getFilename(), e.getContentType(), e.getSize(), e.getSha256());
		}
	}

	record FollowUpJson(Long id, Long controlPointId, String board, int year, boolean performed,
			@Nullable FollowUpResult result, String remark, LocalDate date, List<MeasureJson> measures, String status,
			@Nullable Instant submittedAt, @Nullable String submittedBy, @Nullable Long replacesId,
			@Nullable Long replacedById, @Nullable String correctionReason, List<EvidenceJson> evidence, long version) {
	}

	record PointStatusJson(Long controlPointId, Origin origin, String question, String status,
			@Nullable Long followUpId) {
	}

	record BoardStatusJson(String board, int year, LocalDate due, boolean overdue, int missing,
			List<PointStatusJson> points) {
		static BoardStatusJson of(InternalControlManagement.BoardStatus s) {
			return new BoardStatusJson(s.board().getCode(), s.year(), s.due(), s.overdue(), s.missing().size(),
					s.points()
						.stream()
						.map(p -> new PointStatusJson(p.point().getId(), p.plan().getOrigin(), p.point().getQuestion(),
								p.followedUp() ? "SUBMITTED" : p.drafted() ? "DRAFT" : "MISSING",
								p.followUp() == null ? null : p.followUp().getId()))
						.toList());
		}
	}

}
