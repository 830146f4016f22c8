package se.paragraf.shared.mail;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import se.paragraf.shared.web.ApiController;

/**
 * "Försök igen" in the JSON API: sends a failed mail again and answers it as it now stands (resolved
 * when it went, else with one attempt more and the new error); 404 for no such failure, 409 when it is
 * already resolved. A meeting's failures are listed with its dispatches.
 */
@ApiController("/api/v1")
@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
class FailedMailApiController {

	private final MailDelivery delivery;

	FailedMailApiController(MailDelivery delivery) {
		this.delivery = delivery;
	}

	@PostMapping("/failed-mails/{id}/retry")
	FailedMailJson retry(@PathVariable Long id) {
		return FailedMailJson.of(this.delivery.retry(id));
	}

}
