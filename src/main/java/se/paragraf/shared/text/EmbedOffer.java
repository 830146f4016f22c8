package se.paragraf.shared.text;

/**
 * One live table a module can put into a document, as the editor's "Infoga tabell" menu lists it:
 * the line that embeds it ({@code {{budget.activities board=GSN year=2024}}}) and what to call it
 * in Swedish ("Budget 2024 – verksamheter").
 */
public record EmbedOffer(String token, String label) {
}
