package se.paragraf.documents;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the secretary reviews before a document is published: each section with the masks that
 * apply to it, detected identity numbers among them, and whether the review is done.
 * @param document the document as its owning module gives it
 * @param sections one entry per section, in the document's order
 * @param reviewMark who marked the document reviewed and when; {@code null} while it is not
 */
public record MaskReview(MaskableDocument document, List<Section> sections, @Nullable Reviewed reviewMark) {

	/** Whether the document is marked reviewed and no number has turned up since. */
	public boolean isReviewed() {
		return this.reviewMark != null && this.sections.stream()
			.flatMap(s -> s.masks().stream())
			.noneMatch(m -> m.state() == MaskState.PROPOSED);
	}

	/** The masks still waiting for the secretary's decision. */
	public long pending() {
		return this.sections.stream().flatMap(s -> s.masks().stream()).filter(m -> m.state() == MaskState.PROPOSED).count();
	}

	/**
	 * One section under review.
	 * @param section the section, unmasked
	 * @param highlightedHtml the section's HTML with every detected number and marked passage in
	 * a {@code <mark>}, cleaned for display on an internal page
	 * @param maskedHtml the section as it will be published
	 * @param masks the masks of this section, identity numbers first, then passages
	 */
	public record Section(MaskableSection section, String highlightedHtml, String maskedHtml, List<Mask> masks) {
	}

	/**
	 * One mask.
	 * @param id identifies the mask (for confirm and remove)
	 * @param sectionKey the section it belongs to
	 * @param kind an identity number or a passage
	 * @param text the masked text as written in the section
	 * @param state proposed, confirmed or removed
	 * @param occurrences how often the text occurs in the section now
	 * @param decidedBy who last confirmed or removed it ({@code null} for a proposal)
	 * @param decidedAt when
	 */
	public record Mask(long id, String sectionKey, MaskKind kind, String text, MaskState state, int occurrences,
			String createdBy, Instant createdAt, @Nullable String decidedBy, @Nullable Instant decidedAt) {

		/** Whether the text is masked in the published version. */
		public boolean masks() {
			return this.state.masks();
		}

	}

	/** The mark that the secretary has reviewed the document. */
	public record Reviewed(String by, Instant at) {
	}

}
