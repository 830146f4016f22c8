package se.paragraf.matters.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

import se.paragraf.matters.Attachment;
import se.paragraf.matters.AttachmentDownloads;
import se.paragraf.matters.DecisionRecipient;
import se.paragraf.matters.DiaryNumber;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.matters.OfficerReport;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.people.Organisation;
import se.paragraf.people.ReadingRights;
import se.paragraf.shared.Confidentiality;
import se.paragraf.shared.web.ApiController;

/**
 * The register in the JSON API: matters, their officer reports and attachments. What is secret
 * goes only to those who may read the board's secrets ({@link ReadingRights}); the others (an
 * economist) get a secret matter's or attachment's entry with its title withheld ("Sekretess
 * enligt … OSL", "Bilaga undantagen enligt … OSL") and 403 for its content: the report, the file.
 */
@ApiController("/api/v1")
@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER', 'ECONOMIST')")
class MatterApiController {

	private final MatterRegister register;

	private final Organisation organisation;

	private final ReadingRights rights;

	private final Clock clock;

	MatterApiController(MatterRegister register, Organisation organisation, ReadingRights rights, Clock clock) {
		this.clock = clock;
		this.register = register;
		this.organisation = organisation;
		this.rights = rights;
	}

	@GetMapping("/boards/{code}/matters")
	List<MatterJson> matters(@PathVariable String code, @RequestParam(required = false) @Nullable Integer year) {
		Long boardId = this.organisation.board(code).getId();
		return this.register.matters(boardId, year).stream().map(this::json).toList();
	}

	@PostMapping("/matters")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER')")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<MatterJson> register(@Valid @RequestBody NewMatter request) {
		Matter matter = request.diaryNumber() == null || request.diaryNumber().isBlank()
				? this.register.register(request.board(), request.title())
				: this.register.registerMigrated(request.board(), request.title(), DiaryNumber.parse(request.diaryNumber()),
						request.registeredOn() == null ? LocalDate.now(this.clock) : request.registeredOn());
		return ResponseEntity.created(URI.create("/api/v1/matters/" + matter.getId())).body(json(matter));
	}

	@GetMapping("/matters/{id}")
	MatterJson matter(@PathVariable Long id) {
		return json(this.register.matter(id));
	}

	@PutMapping("/matters/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER')")
	MatterJson retitle(@PathVariable Long id, @Valid @RequestBody MatterUpdate request) {
		this.register.retitle(id, request.title(), request.version());
		return json(this.register.matter(id));
	}

	/** Marks the matter secret with its OSL ground, or lifts the mark; the version the client saw. */
	@PutMapping("/matters/{id}/confidentiality")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER')")
	MatterJson classify(@PathVariable Long id, @Valid @RequestBody MatterMark request) {
		this.register.classify(id, Confidentiality.of(request.confidential(), request.legalGround()), request.version());
		return json(this.register.matter(id));
	}

	@GetMapping("/matters/{id}/report")
	ReportJson report(@PathVariable Long id) {
		Matter matter = this.register.matter(id);
		if (matter.isConfidential()) {
			this.rights.requireSecretsOf(matter.getBoardId());
		}
		return ReportJson.of(this.register.report(id));
	}

	@PutMapping("/matters/{id}/report")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER')")
	ReportJson writeReport(@PathVariable Long id, @Valid @RequestBody ReportUpdate request) {
		this.register.writeReport(id, request.content(), request.version());
		return ReportJson.of(this.register.report(id));
	}

	@GetMapping("/matters/{id}/attachments")
	List<AttachmentJson> attachments(@PathVariable Long id) {
		this.register.matter(id);
		return this.register.attachments(id).stream().map(this::attachmentJson).toList();
	}

	@PostMapping(path = "/matters/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER')")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<AttachmentJson> attachFile(@PathVariable Long id, @RequestPart("file") MultipartFile file,
			@RequestParam(name = "title", defaultValue = "") String title) {
		Attachment attachment;
		try {
			attachment = this.register.attachFile(id, title, file.getOriginalFilename(), file.getContentType(),
					file.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ResponseEntity.created(URI.create("/api/v1/attachments/" + attachment.getId()))
			.body(attachmentJson(attachment));
	}

	@PostMapping("/matters/{id}/text-attachments")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER')")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<AttachmentJson> attachText(@PathVariable Long id, @Valid @RequestBody TextAttachment request) {
		Attachment attachment = this.register.attachText(id, request.title(), request.body());
		return ResponseEntity.created(URI.create("/api/v1/attachments/" + attachment.getId()))
			.body(attachmentJson(attachment));
	}

	@GetMapping("/attachments/{id}")
	AttachmentJson attachment(@PathVariable Long id) {
		return attachmentJson(this.register.attachment(id));
	}

	@GetMapping("/attachments/{id}/content")
	ResponseEntity<byte[]> content(@PathVariable Long id) {
		Attachment attachment = this.register.attachment(id);
		if (this.register.confidentialityOf(attachment).isConfidential()) {
			this.rights.requireSecretsOf(this.register.matter(attachment.getMatterId()).getBoardId());
		}
		return AttachmentDownloads.download(attachment, this.register.content(attachment));
	}

	@PutMapping("/attachments/{id}/confidentiality")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER')")
	AttachmentJson classifyAttachment(@PathVariable Long id, @Valid @RequestBody AttachmentMark request) {
		return attachmentJson(this.register.classifyAttachment(id,
				Confidentiality.of(request.confidential(), request.legalGround())));
	}

	@PostMapping("/attachments/{id}/withdrawal")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	ResponseEntity<Void> withdraw(@PathVariable Long id) {
		this.register.withdrawAttachment(id);
		return ResponseEntity.noContent().build();
	}

	/** Undoes a withdrawal; 409 if the attachment is not withdrawn. */
	@PostMapping("/attachments/{id}/restoration")
	@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER')")
	AttachmentJson restore(@PathVariable Long id) {
		return attachmentJson(this.register.restoreAttachment(id));
	}

	private AttachmentJson attachmentJson(Attachment attachment) {
		Confidentiality mark = this.register.confidentialityOf(attachment);
		AttachmentJson json = AttachmentJson.of(attachment, mark, attachment.isConfidential());
		if (mark.isConfidential()
				&& !this.rights.readsSecretsOf(this.register.matter(attachment.getMatterId()).getBoardId())) {
			return json.withheld(Confidentiality.withheldAttachmentMark(String.valueOf(mark.citation())));
		}
		return json;
	}

	/** The matter's entry; a secret one's title withheld from a reader who may not read the board's secrets. */
	private MatterJson json(Matter matter) {
		String title = matter.isConfidential() && !this.rights.readsSecretsOf(matter.getBoardId())
				? Confidentiality.withheldMark(String.valueOf(matter.getConfidentiality().citation())) : matter.getTitle();
		return new MatterJson(matter.getId(), matter.getDiaryNumber().toString(),
				this.organisation.board(matter.getBoardId()).getCode(), title, matter.getStatus().name(),
				matter.getRegisteredOn(), MarkJson.of(matter.getConfidentiality(), false), matter.getVersion(), new MatterLinks("/api/v1/matters/" + matter.getId() + "/report",
						"/api/v1/matters/" + matter.getId() + "/attachments", "/matters/" + matter.getId()));
	}

	/** A matter to register; a diary number only for a matter migrated from another register. */
	record NewMatter(@NotBlank @Size(max = 12) String board, @NotBlank @Size(max = 500) String title,
			@Nullable @Size(max = 30) String diaryNumber, @Nullable LocalDate registeredOn) {
	}

	record MatterUpdate(@NotBlank @Size(max = 500) String title, @NotNull Long version) {
	}

	record MatterJson(Long id, String diaryNumber, String board, String title, String status, LocalDate registeredOn,
			MarkJson confidentiality, long version, MatterLinks links) {
	}

	/** A secrecy mark to set: a ground in OSL is required when confidential. */
	record MatterMark(@NotNull Boolean confidential, @Nullable @Size(max = 200) String legalGround,
			@NotNull Long version) {
	}

	record AttachmentMark(@NotNull Boolean confidential, @Nullable @Size(max = 200) String legalGround) {
	}

	/**
	 * A secrecy mark as read: whether secret, the ground ("21 kap. 1 §") and its citation; for an
	 * attachment, whether the mark comes from its matter rather than its own.
	 */
	record MarkJson(boolean confidential, @Nullable String legalGround, @Nullable String citation,
			boolean inheritedFromMatter) {

		static MarkJson of(Confidentiality mark, boolean inherited) {
			return new MarkJson(mark.isConfidential(), mark.getLegalGround(), mark.citation(), inherited);
		}

	}

	record MatterLinks(String report, String attachments, String page) {
	}

	record RecipientJson(@NotBlank @Size(max = 200) String name, @Nullable Boolean forInformation,
			@Nullable @jakarta.validation.constraints.Email @Size(max = 254) String email) {
	}

	record ReportUpdate(@Size(max = 500) @Nullable String heading, @Nullable ProposalKind proposalKind,
			@NotNull List<@NotBlank @Size(max = 2000) String> proposedResolution,
			@Nullable @Size(max = 100_000) String summary, @Nullable @Size(max = 100_000) String description,
			@Nullable @Size(max = 100_000) String financialImplications, @Nullable Long signatoryId,
			@Nullable LocalDate reportDate, @NotNull List<@Valid RecipientJson> decisionRecipients,
			@NotNull Long version) {

		ReportContent content() {
			return new ReportContent(orEmpty(this.heading),
					this.proposalKind == null ? ProposalKind.ADMINISTRATION_PROPOSAL : this.proposalKind,
					this.proposedResolution, orEmpty(this.summary), orEmpty(this.description),
					orEmpty(this.financialImplications), this.signatoryId, this.reportDate,
					this.decisionRecipients.stream()
						.map(r -> new DecisionRecipient(r.name().strip(), Boolean.TRUE.equals(r.forInformation()), r.email()))
						.toList());
		}

		private static String orEmpty(@Nullable String text) {
			return text == null ? "" : text;
		}

	}

	record ReportJson(Long matterId, String heading, ProposalKind proposalKind, List<String> proposedResolution,
			String summary, String description, String financialImplications, @Nullable Long signatoryId,
			@Nullable LocalDate reportDate, List<DecisionRecipient> decisionRecipients, long version) {

		static ReportJson of(OfficerReport report) {
			return new ReportJson(report.getMatterId(), report.getHeading(), report.getProposalKind(),
					report.getProposedResolution(), report.getSummary(), report.getDescription(),
					report.getFinancialImplications(), report.getSignatoryId(), report.getReportDate(),
					report.getDecisionRecipients(), report.getVersion());
		}

	}

	record TextAttachment(@NotBlank @Size(max = 500) String title, @NotBlank @Size(max = 100_000) String body) {
	}

	record AttachmentJson(Long id, Long matterId, String title, String kind, @Nullable String filename,
			@Nullable String contentType, long size, @Nullable String sha256, boolean withdrawn,
			MarkJson confidentiality, String content) {

		/** {@code effective} is the mark that governs the attachment: its own, or else its matter's. */
		static AttachmentJson of(Attachment a, Confidentiality effective, boolean ownMark) {
			return new AttachmentJson(a.getId(), a.getMatterId(), a.getTitle(), a.getKind().name(), a.getFilename(),
					a.getContentType(), a.getSize(), a.getSha256(), a.isWithdrawn(),
					MarkJson.of(effective, effective.isConfidential() && !ownMark),
					"/api/v1/attachments/" + a.getId() + "/content");
		}

		/** The entry of a secret attachment for a reader who may not read it: the mark in place of its title and file. */
		AttachmentJson withheld(String mark) {
			return new AttachmentJson(this.id, this.matterId, mark, this.kind, null, null, 0, null, this.withdrawn,
					this.confidentiality, this.content);
		}

	}

}
