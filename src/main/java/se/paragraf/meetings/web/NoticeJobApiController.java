package se.paragraf.meetings.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import se.paragraf.meetings.NoticeJob;
import se.paragraf.meetings.NoticePublishing;
import se.paragraf.meetings.PublicLinks;
import se.paragraf.shared.web.ApiController;

/**
 * Publishing a notice in the JSON API: a job (a large agenda takes seconds to render), started with
 * 202 Accepted and followed through its status resource.
 */
@ApiController("/api/v1")
@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
class NoticeJobApiController {

	private final NoticePublishing publishing;

	private final MessageSource messages;

	NoticeJobApiController(NoticePublishing publishing, MessageSource messages) {
		this.publishing = publishing;
		this.messages = messages;
	}

	/**
	 * Starts publishing the notice: 202 Accepted, with the job's status resource as Location. The
	 * same version asked for again gets the same job; a stale version is a 409 at once.
	 */
	@PostMapping("/meetings/{id}/notices")
	@ResponseStatus(HttpStatus.ACCEPTED)
	ResponseEntity<NoticeJobJson> publish(@PathVariable Long id, @Valid @RequestBody Publication request) {
		NoticeJob job = this.publishing.start(id, request.version());
		return ResponseEntity.accepted().location(URI.create(location(job))).body(NoticeJobJson.of(job, this.messages));
	}

	@GetMapping("/meetings/{id}/notice-jobs/{jobId}")
	NoticeJobJson job(@PathVariable Long id, @PathVariable String jobId) {
		return NoticeJobJson.of(this.publishing.job(id, jobId), this.messages);
	}

	static String location(NoticeJob job) {
		return "/api/v1/meetings/" + job.getMeetingId() + "/notice-jobs/" + job.getId();
	}

	/** Which version of the meeting to publish the notice of. */
	record Publication(@NotNull Long version) {
	}

	/**
	 * A publication under way or ended: state RUNNING, DONE or FAILED; the step (READING,
	 * RENDERING, ASSEMBLING, SAVING); items and pages rendered so far of about how many; once done
	 * the version published, once failed why nothing was (code and message).
	 */
	record NoticeJobJson(String id, String state, String step, boolean official, int items, int itemsOf, int pages,
			int estimatedPages, @Nullable Integer version, @Nullable String errorCode, @Nullable String errorMessage,
			Map<String, String> links) {

		static NoticeJobJson of(NoticeJob job, MessageSource messages) {
			Map<String, String> links = new LinkedHashMap<>();
			links.put("self", location(job));
			if (job.getVersion() != null) {
				links.put("notice", PublicLinks.notice(job.getMeetingId(), job.getVersion()));
				links.put("noticePdf", PublicLinks.noticePdf(job.getMeetingId(), job.getVersion()));
			}
			String error = job.getErrorCode() == null ? null
					: messages.getMessage(job.getErrorCode(), job.getErrorArguments(), job.getErrorCode(),
							LocaleContextHolder.getLocale());
			return new NoticeJobJson(job.getId(), job.getState().name(), job.getStep(), job.isOfficial(), job.getItems(),
					job.getItemsOf(), job.getPages(), job.getEstimatedPages(), job.getVersion(), job.getErrorCode(), error,
					links);
		}

	}

}
