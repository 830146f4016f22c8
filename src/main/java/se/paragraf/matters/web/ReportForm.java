package se.paragraf.matters.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import se.paragraf.matters.DecisionRecipient;
import se.paragraf.matters.OfficerReport;
import se.paragraf.matters.ProposalKind;
import se.paragraf.matters.ReportContent;

/**
 * The officer report as the form edits it: the proposed resolution one point per line, and the
 * decision recipients one per line, "Kommunstyrelsen för kännedom &lt;ks@ludvika.se&gt;".
 */
record ReportForm(@Size(max = 500) String heading, @NotNull ProposalKind proposalKind,
		@Size(max = 100_000) String proposedResolution, @Size(max = 100_000) String summary, @Size(max = 100_000) String description,
		@Size(max = 100_000) String financialImplications, @Nullable Long signatoryId,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate reportDate, @Size(max = 10_000) String decisionRecipients,
		@NotNull Long version) {

	private static final java.util.regex.Pattern RECIPIENT = java.util.regex.Pattern
		.compile("^(.+?)(\\s+för kännedom)?\\s*(?:<([^<>\\s]+@[^<>\\s]+)>)?\\s*$");

	private static final String FOR_INFORMATION = " för kännedom";

	static ReportForm of(OfficerReport report) {
		return new ReportForm(report.getHeading(), report.getProposalKind(),
				String.join("\n", report.getProposedResolution()), report.getSummary(), report.getDescription(),
				report.getFinancialImplications(), report.getSignatoryId(), report.getReportDate(),
				String.join("\n", report.getDecisionRecipients().stream().map(ReportForm::line).toList()),
				report.getVersion());
	}

	ReportContent content() {
		return new ReportContent(orEmpty(this.heading), this.proposalKind, lines(this.proposedResolution),
				orEmpty(this.summary), orEmpty(this.description), orEmpty(this.financialImplications), this.signatoryId,
				this.reportDate, recipients());
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
