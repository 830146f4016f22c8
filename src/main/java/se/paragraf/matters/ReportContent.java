package se.paragraf.matters;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything a case officer writes in a report, as one value: the form and the API both produce it.
 */
public record ReportContent(String heading, ProposalKind proposalKind, List<String> proposedResolution,
		String summary, String description, String financialImplications, @Nullable Long signatoryId,
		@Nullable LocalDate reportDate, List<DecisionRecipient> decisionRecipients) {

	public ReportContent {
		proposedResolution = proposedResolution.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
		decisionRecipients = List.copyOf(decisionRecipients);
	}

}
