package se.paragraf.matters.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import se.paragraf.matters.DecisionRecipient;
import se.paragraf.matters.OfficerReport;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;
import se.paragraf.matters.word.ImportedReport;

/**
 * The officer report as the form edits it: the proposed resolution one point per line, and the
 * decision recipients one per line, "Kommunstyrelsen för kännedom &lt;ks@ludvika.se&gt;".
 */
record ReportForm(@Size(max = 500) String heading, @NotNull ProposalKind proposalKind,
		@Size(max = 100_000) String proposedResolution, @Size(max = 100_000) String summary, @Size(max = 100_000) String description,
		@Size(max = 100_000) String financialImplications, @Nullable Long signatoryId,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate reportDate, @Size(max = 10_000) String decisionRecipients,
		@NotNull Long version, @Nullable @Size(max = 100) @Pattern(regexp = "[A-Za-z,]{0,100}") String editorFields) {

	/**
	 * The texts that come from the rich-text editor (or a Word import), by field name, comma separated:
	 * HTML that the server cleans and lays out before storing. The others are Markdown as typed.
	 */
	static final String ALL_TEXTS = "summary,description,financialImplications";

	private static final java.util.regex.Pattern RECIPIENT = java.util.regex.Pattern
		.compile("^(.+?)(\\s+för kännedom)?\\s*(?:<([^<>\\s]+@[^<>\\s]+)>)?\\s*$");

	private static final String FOR_INFORMATION = " för kännedom";

	static ReportForm of(OfficerReport report) {
		return new ReportForm(report.getHeading(), report.getProposalKind(),
				String.join("\n", report.getProposedResolution()), report.getSummary(), report.getDescription(),
				report.getFinancialImplications(), report.getSignatoryId(), report.getReportDate(),
				String.join("\n", report.getDecisionRecipients().stream().map(ReportForm::line).toList()),
				report.getVersion(), "");
	}

	/**
	 * The report as a Word document proposes it, on top of what is saved: the parts the document has
	 * replace those of the report, the signatory and date stay. Nothing is saved until the user saves.
	 */
	static ReportForm imported(OfficerReport report, ImportedReport imported) {
		ReportForm saved = of(report);
		return new ReportForm(imported.heading().isBlank() ? saved.heading() : imported.heading(), saved.proposalKind(),
				imported.proposedResolution().isEmpty() ? saved.proposedResolution()
						: String.join("\n", imported.proposedResolution()),
				imported.summary(), imported.description(), imported.financialImplications(), saved.signatoryId(),
				saved.reportDate(), imported.decisionRecipients().isEmpty() ? saved.decisionRecipients()
						: String.join("\n", imported.decisionRecipients()),
				saved.version(), ALL_TEXTS);
	}

	/** The content to store; {@code fromEditor} lays out and cleans texts that came from the editor. */
	ReportContent content(UnaryOperator<String> fromEditor) {
		java.util.Set<String> fromTheEditor = this.editorFields == null ? java.util.Set.of()
				: new java.util.HashSet<>(java.util.Arrays.asList(this.editorFields.split(",")));
		UnaryOperator<String> identity = UnaryOperator.identity();
		return new ReportContent(orEmpty(this.heading), this.proposalKind, lines(this.proposedResolution),
				(fromTheEditor.contains("summary") ? fromEditor : identity).apply(orEmpty(this.summary)),
				(fromTheEditor.contains("description") ? fromEditor : identity).apply(orEmpty(this.description)),
				(fromTheEditor.contains("financialImplications") ? fromEditor : identity)
					.apply(orEmpty(this.financialImplications)),
				this.signatoryId, this.reportDate, recipients());
	}

	/** The recipients; a line that cannot be read (a malformed address) is refused by {@link #badRecipient()}. */
	List<DecisionRecipient> recipients() {
		List<DecisionRecipient> recipients = new ArrayList<>();
		for (String line : lines(this.decisionRecipients)) {
			Matcher m = RECIPIENT.matcher(line);
			if (m.matches()) {
				recipients.add(new DecisionRecipient(m.group(1).strip(), m.group(2) != null, m.group(3)));
			}
		}
		return recipients;
	}

	/** The first recipient line that is not a name with an optional "för kännedom" and address. */
	@Nullable String badRecipient() {
		return lines(this.decisionRecipients).stream()
			.filter(line -> !RECIPIENT.matcher(line).matches() || (line.contains("<") && !line.matches(".*<[^<>\\s]+@[^<>\\s]+>\\s*$")))
			.findFirst()
			.orElse(null);
	}

	private static String line(DecisionRecipient recipient) {
		return recipient.name() + (recipient.forInformation() ? FOR_INFORMATION : "")
				+ (recipient.email() == null ? "" : " <" + recipient.email() + ">");
	}

	private static List<String> lines(@Nullable String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	private static String orEmpty(@Nullable String text) {
		return text == null ? "" : text;
	}

}
