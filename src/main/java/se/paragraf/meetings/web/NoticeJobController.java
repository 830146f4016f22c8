package se.paragraf.meetings.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import se.paragraf.meetings.NoticeJob;
import se.paragraf.meetings.NoticePublishing;

/**
 * How the publication of a notice goes, for the secretary's meeting page: htmx polls this fragment
 * every second while the job runs. When it has ended, the page reloads once to show the new
 * version (and the meeting's new version in its forms) with the outcome.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY')")
class NoticeJobController {

	static final String FRAGMENT = "meetings/notice-job :: job";

	private final NoticePublishing publishing;

	NoticeJobController(NoticePublishing publishing) {
		this.publishing = publishing;
	}

	@GetMapping("/meetings/{id}/notice-jobs/{jobId}")
	String job(@PathVariable Long id, @PathVariable String jobId, Model model, HttpServletResponse response) {
		NoticeJob job = this.publishing.job(id, jobId);
		if (!job.isRunning()) {
			response.setHeader("HX-Refresh", "true");
		}
		model.addAttribute("job", job);
		return FRAGMENT;
	}

}
