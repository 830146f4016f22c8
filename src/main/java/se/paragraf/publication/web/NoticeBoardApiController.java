package se.paragraf.publication.web;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

import se.paragraf.publication.Appeal;
import se.paragraf.publication.NoticeBoard;
import se.paragraf.publication.PublicNotice;
import se.paragraf.shared.web.ApiController;

/**
 * The notice boards in the JSON API: the posting date of a notice (the appeal period of all
 * partners follows the last posting) and appeals registered against a decision.
 */
@ApiController("/api/v1")
@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
class NoticeBoardApiController {

	private final NoticeBoard board;

	NoticeBoardApiController(NoticeBoard board) {
		this.board = board;
	}

	@PutMapping("/public-notices/{id}")
	PublicNoticeJson recordPosting(@PathVariable Long id, @Valid @RequestBody Posting request) {
		return PublicNoticeJson.of(this.board.post(id, request.postedOn()));
	}

	@PostMapping("/meetings/{id}/appeals")
	ResponseEntity<AppealJson> registerAppeal(@PathVariable Long id, @Valid @RequestBody NewAppeal request) {
		Appeal appeal = this.board.registerAppeal(id, request.section(), request.receivedOn(), request.note());
		return ResponseEntity.status(201)
			.body(new AppealJson(appeal.getId(), appeal.getSectionNumber(), appeal.getReceivedOn(), appeal.getNote()));
	}

	record Posting(@NotNull LocalDate postedOn) {
	}

	record NewAppeal(@NotNull @Min(1) Integer section, @NotNull LocalDate receivedOn,
			@Nullable @Size(max = 2000) String note) {
	}

	record AppealJson(Long id, int section, LocalDate receivedOn, @Nullable String note) {
	}

	record PublicNoticeJson(Long id, String municipality, @Nullable LocalDate postedOn, @Nullable LocalDate takeDownOn,
			@Nullable LocalDate appealEndsOn, LocalDate postingDueBy) {

		static PublicNoticeJson of(PublicNotice n) {
			return new PublicNoticeJson(n.getId(), n.getMunicipalityName(), n.getPostedOn(), n.getTakeDownOn(),
					n.getAppealEndsOn(), n.getDueBy());
		}

	}

}
