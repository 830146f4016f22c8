package se.paragraf.documents.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import se.paragraf.documents.MaskKind;
import se.paragraf.documents.MaskReview;
import se.paragraf.documents.MaskState;
import se.paragraf.documents.Masking;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.web.ApiController;

/**
 * The masking review in the JSON API: a document's sections and masks, adding a passage,
 * confirming and removing masks, marking the document reviewed. The same rules as the review
 * screen, through {@link Masking}.
 */
@ApiController("/api/v1/masking")
@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
class MaskingApiController {

	private final Masking masking;

	MaskingApiController(Masking masking) {
		this.masking = masking;
	}

	@GetMapping("/{documentKey}")
	ReviewJson showReview(@PathVariable String documentKey) {
		return ReviewJson.of(this.masking.review(documentKey));
	}

	@PostMapping("/{documentKey}/masks")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<MaskJson> addPassage(@PathVariable String documentKey, @Valid @RequestBody NewPassage body) {
		if (body.section() == null || body.section().isBlank()) {
			throw RuleViolation.onField("section", "masking.section.required");
		}
		MaskReview.Mask mask = this.masking.addPassage(documentKey, body.section(), body.passage());
		return ResponseEntity.created(URI.create("/api/v1/masking/" + documentKey + "/masks/" + mask.id()))
			.body(MaskJson.of(mask));
	}

	@PostMapping("/{documentKey}/masks/{maskId}/confirmation")
	MaskJson confirmMask(@PathVariable String documentKey, @PathVariable long maskId) {
		return MaskJson.of(this.masking.confirm(documentKey, maskId));
	}

	/** The mask no longer applies; it stays on record as removed, and can be confirmed again. */
	@DeleteMapping("/{documentKey}/masks/{maskId}")
	MaskJson removeMask(@PathVariable String documentKey, @PathVariable long maskId) {
		return MaskJson.of(this.masking.remove(documentKey, maskId));
	}

	@PostMapping("/{documentKey}/review")
	ReviewedJson markReviewed(@PathVariable String documentKey) {
		MaskReview.Reviewed reviewed = this.masking.markReviewed(documentKey);
		return new ReviewedJson(reviewed.by(), reviewed.at());
	}

	record NewPassage(@Nullable @Size(max = 200) String section, @Nullable @Size(max = 10_000) String passage) {
	}

	record ReviewJson(String key, String title, String returnUrl, boolean reviewed, @Nullable ReviewedJson reviewedBy,
			long pending, List<SectionJson> sections) {

		static ReviewJson of(MaskReview review) {
			return new ReviewJson(review.document().key(), review.document().title(), review.document().returnUrl(),
					review.isReviewed(),
					review.reviewMark() == null ? null
							: new ReviewedJson(review.reviewMark().by(), review.reviewMark().at()),
					review.pending(), review.sections().stream().map(SectionJson::of).toList());
		}

	}

	record SectionJson(String key, String heading, List<MaskJson> masks) {

		static SectionJson of(MaskReview.Section section) {
			return new SectionJson(section.section().key(), section.section().heading(),
					section.masks().stream().map(MaskJson::of).toList());
		}

	}

	record MaskJson(long id, String section, MaskKind kind, String text, MaskState state, boolean masked,
			int occurrences, String createdBy, Instant createdAt, @Nullable String decidedBy,
			@Nullable Instant decidedAt) {

		static MaskJson of(MaskReview.Mask mask) {
			return new MaskJson(mask.id(), mask.sectionKey(), mask.kind(), mask.text(), mask.state(), mask.masks(),
					mask.occurrences(), mask.createdBy(), mask.createdAt(), mask.decidedBy(), mask.decidedAt());
		}

	}

	record ReviewedJson(String by, Instant at) {
	}

}
