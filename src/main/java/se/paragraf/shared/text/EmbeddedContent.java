package se.paragraf.shared.text;

import java.util.List;
import java.util.Map;

/**
 * Live content a module offers to documents: a budget table, a plan's goals, a follow-up. A line
 * of its own in a text, {@code {{budget.activities board=GSN year=2024}}}, is replaced by the
 * HTML of the module whose {@link #kind()} matches the part before the first dot. The HTML is
 * produced by Paragraf itself, so it must escape everything it takes from data.
 */
public interface EmbeddedContent {

	/** The prefix this module answers, e.g. {@code budget}. */
	String kind();

	/**
	 * Renders the embed {@code name} (the full name, e.g. {@code budget.activities}) with its
	 * arguments. An embed that cannot be rendered throws {@link EmbedRefused} with the reason, which
	 * the document shows in its place; arguments are checked (see {@link EmbedArguments}) before
	 * anything is read from the database, so that a bad one cannot spoil the reader's transaction.
	 */
	String render(String name, Map<String, String> arguments);

	/**
	 * The embeds this module can offer for a board's documents, newest first, for the editor's menu;
	 * none by default. Only names and years are read: nothing confidential is listed.
	 */
	default List<EmbedOffer> offers(String boardCode) {
		return List.of();
	}

}
