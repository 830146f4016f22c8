package se.paragraf.matters.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

import se.paragraf.documents.Stationery;
import se.paragraf.documents.WordDocument;
import se.paragraf.matters.Attachment;
import se.paragraf.matters.DecisionBasis;
import se.paragraf.matters.AttachmentDownloads;
import se.paragraf.matters.DiaryNumber;
import se.paragraf.matters.Matter;
import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Board;
import se.paragraf.people.Organisation;
import se.paragraf.matters.word.ImportedReport;
import se.paragraf.matters.word.WordReportReader;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.Sweden;
import se.paragraf.shared.StaleVersionException;
import se.paragraf.shared.UploadTooLarge;
import se.paragraf.shared.text.RichText;
import se.paragraf.shared.web.Forms;
import se.paragraf.shared.web.HtmxRequests;

/**
 * The register's pages: the list of matters, registering one, and the matter with its officer report
 * and attachments.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER')")
class MatterController {

	private static final String LIST = "matters/list";

	private static final String DETAIL = "matters/detail";

	private final MatterRegister register;

	private final Organisation organisation;

	private final MessageSource messages;

	private final Clock clock;

	private final RichText richText;

	private final Stationery stationery;

	MatterController(MatterRegister register, Organisation organisation, MessageSource messages, Clock clock,
			RichText richText, Stationery stationery) {
		this.richText = richText;
		this.stationery = stationery;
		this.clock = clock;
		this.register = register;
		this.organisation = organisation;
		this.messages = messages;
	}

	@GetMapping("/matters")
	String listMatters(@RequestParam(required = false) @Nullable String board, Model model) {
		model.addAttribute("form", MatterForm.empty(board == null ? defaultBoard() : board));
		return list(board, model);
	}

	@PostMapping("/matters")
	String registerMatter(@Valid @ModelAttribute("form") MatterForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Matter matter = form.diaryNumber() == null || form.diaryNumber().isBlank()
						? this.register.register(form.board(), form.title())
						: this.register.registerMigrated(form.board(), form.title(), DiaryNumber.parse(form.diaryNumber()),
								LocalDate.now(this.clock));
				redirect.addFlashAttribute("message", text("matter.registered", matter.getDiaryNumber()));
				return "redirect:/matters/" + matter.getId();
			}
			catch (RuleViolation violation) {
				Forms.reject(result, violation);
			}
		}
		return list(form.board(), model);
	}

	@GetMapping("/matters/{id}")
	@Transactional(readOnly = true) // one session and one commit for the page's many reads
	String showMatter(@PathVariable Long id, Model model) {
		model.addAttribute("report", ReportForm.of(this.register.report(id)));
		model.addAttribute("text", TextAttachmentForm.empty());
		return detail(id, model);
	}

	@PostMapping("/matters/{id}/confidentiality")
	String classifyMatter(@PathVariable Long id, @ModelAttribute("confidentiality") ConfidentialityForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		try {
			this.register.classify(id, form.mark(), form.version());
			redirect.addFlashAttribute("message", text("confidentiality.saved"));
			return "redirect:/matters/" + id + "#confidentiality";
		}
		catch (StaleVersionException ex) {
			result.reject("common.stale");
		}
		catch (RuleViolation violation) {
			Forms.reject(result, violation);
		}
		model.addAttribute("report", ReportForm.of(this.register.report(id)));
		model.addAttribute("text", TextAttachmentForm.empty());
		return detail(id, model);
	}

	@PostMapping("/matters/{id}/attachments/{attachmentId}/confidentiality")
	String classifyAttachment(@PathVariable Long id, @PathVariable Long attachmentId,
			@RequestParam(required = false) @Nullable Boolean confidential,
			@RequestParam(required = false) @Nullable String legalGround, Model model, RedirectAttributes redirect) {
		Attachment attachment = this.register.attachment(attachmentId);
		if (!attachment.getMatterId().equals(id)) {
			throw new se.paragraf.shared.NotFoundException("Attachment", attachmentId);
		}
		try {
			this.register.classifyAttachment(attachmentId,
					se.paragraf.shared.Confidentiality.of(Boolean.TRUE.equals(confidential), legalGround));
			redirect.addFlashAttribute("message", text("confidentiality.saved"));
			return "redirect:/matters/" + id + "#attachments";
		}
		catch (RuleViolation violation) {
			// Shown beside the attachment's ground field, with what the user typed kept.
			model.addAttribute("attachmentMark", new AttachmentMark(attachmentId, Boolean.TRUE.equals(confidential),
					legalGround, text(violation.code(), violation.arguments())));
		}
		model.addAttribute("report", ReportForm.of(this.register.report(id)));
		model.addAttribute("text", TextAttachmentForm.empty());
		return detail(id, model);
	}

	@PostMapping("/matters/{id}/report")
	String writeReport(@PathVariable Long id, @Valid @ModelAttribute("report") ReportForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		String bad = form.badRecipient();
		if (bad != null) {
			result.rejectValue("decisionRecipients", "report.recipient.invalid", new Object[] { bad }, null);
		}
		if (!result.hasErrors()) {
			try {
				this.register.writeReport(id, form.content(this.richText::fromEditor), form.version());
				redirect.addFlashAttribute("message", text("common.saved"));
				return "redirect:/matters/" + id;
			}
			catch (StaleVersionException ex) {
				result.reject("common.stale");
			}
			catch (RuleViolation violation) {
				Forms.reject(result, violation);
			}
		}
		model.addAttribute("text", TextAttachmentForm.empty());
		return detail(id, model);
	}

	/**
	 * A report read from a Word document, shown for review in the report's form with a preview and a
	 * notice for everything not taken over; nothing is saved until the user saves the form.
	 */
	@PostMapping("/matters/{id}/report/import")
	String importReport(@PathVariable Long id, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			Model model, RedirectAttributes redirect) {
		ImportedReport imported;
		try {
			if (file == null || file.isEmpty()) {
				throw RuleViolation.onField("file", "report.import.empty");
			}
			if (file.getSize() > WordReportReader.MAX_BYTES) {
				throw RuleViolation.onField("file", "report.import.tooLarge", WordReportReader.MAX_BYTES / (1024 * 1024));
			}
			imported = WordReportReader.read(file.getBytes());
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("importError", text(violation.code(), violation.arguments()));
			return "redirect:/matters/" + id + "#word-import";
		}
		catch (IOException ex) {
			redirect.addFlashAttribute("importError", text("upload.unreadable"));
			return "redirect:/matters/" + id + "#word-import";
		}
		ImportedReport clean = new ImportedReport(imported.heading(), imported.proposedResolution(),
				this.richText.fromEditor(imported.summary()), this.richText.fromEditor(imported.description()),
				this.richText.fromEditor(imported.financialImplications()), imported.decisionRecipients(), imported.notices());
		model.addAttribute("report", ReportForm.imported(this.register.report(id), clean));
		model.addAttribute("text", TextAttachmentForm.empty());
		model.addAttribute("importedFrom", file.getOriginalFilename());
		model.addAttribute("importNotices", clean.notices()
			.stream()
			.map(n -> text(n.code(), n.arguments().stream().map(a -> a.startsWith("report.") ? text(a) : a).toArray()))
			.toList());
		model.addAttribute("importPreview", new ImportPreview(clean.proposedResolution(),
				this.richText.toHtml(clean.summary()), this.richText.toHtml(clean.description()),
				this.richText.toHtml(clean.financialImplications()), clean.decisionRecipients()));
		return detail(id, model);
	}

	/** The report as a Word document, under the board's letterhead, for staff to edit and send on. */
	@GetMapping("/matters/{id}/report.docx")
	ResponseEntity<byte[]> downloadReport(@PathVariable Long id) {
		Matter matter = this.register.matter(id);
		Board board = this.organisation.board(matter.getBoardId());
		Stationery.Heading letterhead = this.stationery.headingFor(board.getId(), board.getAdministrationId(), board.getName());
		DecisionBasis basis = this.register.basis(id);
		byte[] docx = WordDocument.of(letterhead.name(), letterhead.addressLines(), reportHtml(matter, basis));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(DOCX))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("tjansteskrivelse-" + matter.getDiaryNumber().toString().replaceAll("[^A-Za-z0-9-]", "-") + ".docx")
				.build()
				.toString())
			.body(docx);
	}

	/**
	 * The "Infoga tabell" menu: the board's live tables, read only when the menu is opened (the matter
	 * page drew them on every view, issue 12); without JS a page of its own to copy a line from.
	 */
	@GetMapping("/matters/{id}/embeds")
	String showEmbedMenu(@PathVariable Long id, Model model, HttpServletRequest request) {
		Matter matter = this.register.matter(id);
		model.addAttribute("matter", matter);
		model.addAttribute("embedOffers", this.richText.offers(this.organisation.board(matter.getBoardId()).getCode()));
		boolean htmx = HtmxRequests.isHtmx(request);
		model.addAttribute("insertable", htmx);
		return htmx ? DETAIL + " :: embedMenu" : "matters/embeds";
	}

	/** The matter's history, read only when its section is opened; without JS a page of its own. */
	@GetMapping("/matters/{id}/history")
	String showHistory(@PathVariable Long id, Model model, HttpServletRequest request) {
		model.addAttribute("matter", this.register.matter(id));
		model.addAttribute("history", this.register.history(id));
		return HtmxRequests.isHtmx(request) ? DETAIL + " :: history" : "matters/history";
	}

	/** The live table an embed line shows now, for the editor's menu to preview before inserting it. */
	@GetMapping("/matters/{id}/embeds/preview")
	ResponseEntity<String> previewEmbed(@PathVariable Long id, @RequestParam String token) {
		this.register.matter(id);
		String html = token.length() <= 300 && this.richText.isEmbed(token) ? this.richText.toHtml(token)
				: "<p class=\"embed-missing\" role=\"note\">" + escape(text("report.embeds.invalid")) + "</p>";
		return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
	}

	private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	/** The report as its PDF reads: heading, proposal with numbered points, the parts, the recipients. */
	private String reportHtml(Matter matter, DecisionBasis basis) {
		StringBuilder html = new StringBuilder();
		html.append("<p>").append(escape(documentText("report.title") + " · Dnr " + matter.getDiaryNumber())).append("</p>");
		html.append("<h1>").append(escape(basis.heading())).append("</h1>");
		if (!basis.proposedResolutionHtml().isEmpty()) {
			html.append("<h2>").append(escape(documentText("report.proposalKind." + basis.proposalKind().name()))).append("</h2><ol>");
			basis.proposedResolutionHtml().forEach(p -> html.append("<li>").append(p).append("</li>"));
			html.append("</ol>");
		}
		part(html, "report.summary", basis.summaryHtml());
		part(html, "report.description", basis.descriptionHtml());
		part(html, "report.financialImplications", basis.financialImplicationsHtml());
		if (basis.signatory() != null) {
			html.append("<p>").append(escape(basis.signatory().name() + ", " + basis.signatory().title())).append("</p>");
		}
		if (!basis.decisionRecipients().isEmpty()) {
			html.append("<h2>").append(escape(documentText("report.decisionRecipients"))).append("</h2><ul>");
			basis.decisionRecipients()
				.forEach(r -> html.append("<li>")
					.append(escape(r.name() + (r.forInformation() ? " för kännedom" : "")))
					.append("</li>"));
			html.append("</ul>");
		}
		return html.toString();
	}

	private void part(StringBuilder html, String heading, String body) {
		if (!body.isBlank()) {
			html.append("<h2>").append(escape(documentText(heading))).append("</h2>").append(body);
		}
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	/** Documents are Swedish whatever the reader's page language. */
	private String documentText(String code) {
		return this.messages.getMessage(code, null, code, Sweden.LOCALE);
	}

	/** What a Word import would put in the report, as the preview shows it. */
	record ImportPreview(List<String> proposedResolution, String summaryHtml, String descriptionHtml,
			String financialImplicationsHtml, List<String> decisionRecipients) {
	}

	@PostMapping("/matters/{id}/attachments")
	String attachFile(@PathVariable Long id, @RequestParam("file") MultipartFile file,
			@RequestParam(name = "title", defaultValue = "") String title, RedirectAttributes redirect) {
		try {
			if (file.isEmpty()) {
				throw RuleViolation.onField("file", "attachment.empty");
			}
			this.register.attachFile(id, title, file.getOriginalFilename(), file.getContentType(), file.getInputStream());
			redirect.addFlashAttribute("message", text("attachment.added", file.getOriginalFilename()));
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("error", text(violation.code(), violation.arguments()));
		}
		catch (UploadTooLarge ex) {
			redirect.addFlashAttribute("error", text("upload.tooLarge", ex.limitInMegabytes()));
		}
		catch (IOException ex) {
			redirect.addFlashAttribute("error", text("upload.unreadable"));
		}
		return "redirect:/matters/" + id + "#attachments";
	}

	@PostMapping("/matters/{id}/text-attachments")
	String attachText(@PathVariable Long id, @Valid @ModelAttribute("text") TextAttachmentForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			model.addAttribute("report", ReportForm.of(this.register.report(id)));
			return detail(id, model);
		}
		this.register.attachText(id, form.title(), form.body());
		redirect.addFlashAttribute("message", text("attachment.added", form.title()));
		return "redirect:/matters/" + id + "#attachments";
	}

	/**
	 * Takes an attachment off the report, recorded and restorable: the page says so with "Ångra" right
	 * away, and lists the removed attachments to restore later.
	 */
	@PostMapping("/matters/{id}/attachments/{attachmentId}/withdrawal")
	String withdrawAttachment(@PathVariable Long id, @PathVariable Long attachmentId, RedirectAttributes redirect) {
		Attachment attachment = attachmentOf(id, attachmentId);
		this.register.withdrawAttachment(attachmentId);
		redirect.addFlashAttribute("attachmentUndo", new AttachmentUndo(attachmentId,
				text("attachment.withdrawn", attachment.getTitle()), attachment.getTitle()));
		return "redirect:/matters/" + id + "#attachments";
	}

	/** Puts a removed attachment back with the report, in the place it had. */
	@PostMapping("/matters/{id}/attachments/{attachmentId}/restoration")
	String restoreAttachment(@PathVariable Long id, @PathVariable Long attachmentId, RedirectAttributes redirect) {
		Attachment attachment = attachmentOf(id, attachmentId);
		try {
			this.register.restoreAttachment(attachmentId);
			redirect.addFlashAttribute("message", text("attachment.restored", attachment.getTitle()));
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("error", text(violation.code(), violation.arguments()));
		}
		return "redirect:/matters/" + id + "#attachments";
	}

	private Attachment attachmentOf(Long matterId, Long attachmentId) {
		Attachment attachment = this.register.attachment(attachmentId);
		if (!attachment.getMatterId().equals(matterId)) {
			throw new se.paragraf.shared.NotFoundException("Attachment", attachmentId);
		}
		return attachment;
	}

	/**
	 * An attachment just removed, with what the page says and the button that undoes it. A flash
	 * attribute, so serializable: with sessions in the database it is kept there until the redirect.
	 */
	record AttachmentUndo(Long attachmentId, String message, String title) implements java.io.Serializable {
	}

	@GetMapping("/matters/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> downloadAttachment(@PathVariable Long id, @PathVariable Long attachmentId) {
		Attachment attachment = this.register.attachment(attachmentId);
		if (!attachment.getMatterId().equals(id)) {
			throw new se.paragraf.shared.NotFoundException("Attachment", attachmentId);
		}
		return AttachmentDownloads.download(attachment, this.register.content(attachment));
	}

	private String list(@Nullable String boardCode, Model model) {
		List<Board> boards = this.organisation.boards();
		Board board = boardCode == null ? null : this.organisation.findBoard(boardCode).orElse(null);
		model.addAttribute("boards", boards);
		model.addAttribute("board", board);
		model.addAttribute("matters", board == null ? this.register.allMatters() : this.register.matters(board.getId(), null));
		return LIST;
	}

	private String detail(Long id, Model model) {
		Matter matter = this.register.matter(id);
		model.addAttribute("matter", matter);
		if (!model.containsAttribute("confidentiality")) {
			model.addAttribute("confidentiality", ConfidentialityForm.of(matter));
		}
		model.addAttribute("board", this.organisation.board(matter.getBoardId()));
		model.addAttribute("basis", this.register.basis(id));
		List<Attachment> attachments = this.register.attachments(id);
		model.addAttribute("attachments", attachments.stream().filter(a -> !a.isWithdrawn()).toList());
		// The most recently removed first, as the agenda lists its removed items.
		model.addAttribute("withdrawnAttachments", attachments.stream()
			.filter(Attachment::isWithdrawn)
			.sorted(java.util.Comparator.comparing((Attachment a) -> a.getWithdrawnAt() == null ? a.getAddedAt() : a.getWithdrawnAt())
				.reversed())
			.toList());
		model.addAttribute("signatories", this.organisation.signatories());
		model.addAttribute("maxUploadMegabytes", this.register.maxUploadMegabytes());
		if (model.getAttribute("report") instanceof ReportForm form) {
			model.addAttribute("editorHtml", java.util.Map.of("summary", this.richText.toEditorHtml(form.summary()),
					"description", this.richText.toEditorHtml(form.description()), "financialImplications",
					this.richText.toEditorHtml(form.financialImplications())));
		}
		return DETAIL;
	}

	/** What the user asked for one attachment's mark, and why it was refused. */
	record AttachmentMark(Long attachmentId, boolean confidential, @Nullable String legalGround, String error) {
	}

	private String defaultBoard() {
		return this.organisation.boards().stream().findFirst().map(Board::getCode).orElse("");
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}
