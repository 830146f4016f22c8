package se.paragraf.matters;

import org.jspecify.annotations.Nullable;

/**
 * Whom a decision is sent to (beslut skickas till), and whether only for information (för
 * kännedom). Recipients with an e-mail address get the extract by mail.
 */
public record DecisionRecipient(String name, boolean forInformation, @Nullable String email) {

	/** As the report prints it: "Kommunstyrelsen för kännedom". */
	public String label() {
		return this.forInformation ? this.name + " för kännedom" : this.name;
	}

}
