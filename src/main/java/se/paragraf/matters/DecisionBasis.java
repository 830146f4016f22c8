package se.paragraf.matters;

import java.util.List;

import org.jspecify.annotations.Nullable;

import se.paragraf.people.Organisation.Signatory;

/**
 * A matter's report as a document shows it: every text already rendered to safe HTML, live tables
 * resolved at this moment, the signatory and the attachments in order.
 */
public record DecisionBasis(Long matterId, DiaryNumber diaryNumber, String title, String heading,
		ProposalKind proposalKind, List<String> proposedResolutionHtml, String summaryHtml, String descriptionHtml,
		String financialImplicationsHtml, @Nullable Signatory signatory, List<DecisionRecipient> decisionRecipients,
		List<AttachmentView> attachments) {

	/** An attachment as a document lists it; a written one carries its rendered text. */
	public record AttachmentView(Long id, String title, AttachmentKind kind, boolean pdf, @Nullable String filename,
			@Nullable String sha256, @Nullable String html) {
	}

}
