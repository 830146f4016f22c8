package se.paragraf.meetings;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The structured source of a notice, item by item: what a secretary compares before publishing a
 * new version (which items, in which order, under which title, with which report, attachments and
 * secrecy). Kept with each published version; the PDF's bytes are never compared.
 *
 * @param itemId the agenda item
 * @param number its number on the agenda
 * @param secrecy the citation of the secrecy in force ("21 kap. 1 § OSL"), null for an open item
 * @param reportSha256 a digest of the officer report's texts, null for an item without a matter
 */
public record NoticeOutline(Long itemId, int number, String title, AgendaItemKind kind, @Nullable Long matterId,
		@Nullable String secrecy, @Nullable String reportSha256, List<Attachment> attachments) {

	/**
	 * An attachment as the notice lists it.
	 *
	 * @param secrecy the citation of its secrecy mark, null for an open attachment
	 * @param sha256 its content's digest
	 */
	public record Attachment(Long id, String title, @Nullable String secrecy, @Nullable String sha256) {
	}

}
