package se.paragraf.meetings.reading;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * A note or highlight as the reader sends it: which document and page, and where on the page in
 * fractions of its width and height. A note needs text; a highlight needs an area.
 */
public record NoteInput(@NotNull(message = "{reading.document.required}") @Size(max = 40) @Pattern(regexp = "notice|attachment-[0-9]{1,18}",
		message = "{reading.document.invalid}") @Nullable String document,
		@NotNull(message = "{reading.page.required}") @Min(value = 1, message = "{reading.page.invalid}") @Max(value = 10000,
				message = "{reading.page.invalid}") @Nullable Integer page,
		@NotNull(message = "{reading.kind.required}") @Nullable NoteKind kind,
		@Size(max = 4000, message = "{reading.body.tooLong}") @Nullable String body,
		@DecimalMin(value = "0", message = "{reading.position.invalid}") @DecimalMax(value = "1",
				message = "{reading.position.invalid}") @Nullable Double x,
		@DecimalMin(value = "0", message = "{reading.position.invalid}") @DecimalMax(value = "1",
				message = "{reading.position.invalid}") @Nullable Double y,
		@DecimalMin(value = "0", message = "{reading.position.invalid}") @DecimalMax(value = "1",
				message = "{reading.position.invalid}") @Nullable Double width,
		@DecimalMin(value = "0", message = "{reading.position.invalid}") @DecimalMax(value = "1",
				message = "{reading.position.invalid}") @Nullable Double height) {

	/** A note says something; a highlight may say nothing, but marks an area. */
	@AssertTrue(message = "{reading.body.required}")
	public boolean isBodyGivenForNote() {
		return this.kind != NoteKind.NOTE || (this.body != null && !this.body.isBlank());
	}

	@AssertTrue(message = "{reading.area.required}")
	public boolean isAreaGivenForHighlight() {
		return this.kind != NoteKind.HIGHLIGHT || (w() > 0.005 && h() > 0.005 && x0() + w() <= 1.0001
				&& y0() + h() <= 1.0001);
	}

	double x0() {
		return this.x == null ? 0.02 : this.x;
	}

	double y0() {
		return this.y == null ? 0.02 : this.y;
	}

	double w() {
		return this.width == null ? 0 : this.width;
	}

	double h() {
		return this.height == null ? 0 : this.height;
	}

}
