package se.paragraf.meetings.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import se.paragraf.meetings.NoticeJob;
import se.paragraf.meetings.NoticePublishing;
import se.paragraf.meetings.PublicLinks;
import se.paragraf.shared.web.ApiController;

/**
 * The status of a notice's publication, started by {@code POST /api/v1/meetings/{id}/notices}
 * (202 Accepted with this resource as its Location).
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

	@GetMapping("/meetings/{id}/notice-jobs/{jobId}")
	NoticeJobJson job(@PathVariable Long id, @PathVariable String jobId) {
		return NoticeJobJson.of(this.publishing.job(id, jobId), this.messages);
	}

	static String location(NoticeJob job) {
		return "/api/v1/meetings/" + job.getMeetingId() + "/notice-jobs/" + job.getId();
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
