package se.paragraf.matters.word;

import java.util.List;

/**
 * An officer report read from a Word document, before anyone has saved it: the texts as sanitised
 * HTML (one block per line), the proposed resolution point by point, the recipients line by line,
 * and a notice for everything in the document that was not taken over or not recognised.
 */
public record ImportedReport(String heading, List<String> proposedResolution, String summary, String description,
		String financialImplications, List<String> decisionRecipients, List<Notice> notices) {

	public ImportedReport {
		proposedResolution = List.copyOf(proposedResolution);
		decisionRecipients = List.copyOf(decisionRecipients);
		notices = List.copyOf(notices);
	}

	/** Something the user should know about the import: a message key and its arguments. */
	public record Notice(String code, List<String> arguments) {

		public Notice {
			arguments = List.copyOf(arguments);
		}

		static Notice of(String code, String... arguments) {
			return new Notice(code, List.of(arguments));
		}

	}

}
