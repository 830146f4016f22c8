package se.paragraf.meetings.reading;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

import se.paragraf.meetings.Meeting;
import se.paragraf.meetings.OfficialLinks;
import se.paragraf.people.Organisation;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;

/**
 * The reader: a meeting's notice and attachments in the browser (PDF.js), with the signed-in
 * account's private notes per page, written and read by fetch with the page's CSRF token. Staff and
 * the board's members and substitutes only; each sees nothing but her own notes. Never cached by a
 * shared cache: the answers are one person's.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER', 'MEMBER', 'SUBSTITUTE')")
class ReadingController {

	private static final CacheControl PRIVATE = CacheControl.noStore();

	private final Reading reading;

	private final Organisation organisation;

	private final MessageSource messages;

	ReadingController(Reading reading, Organisation organisation, MessageSource messages) {
		this.reading = reading;
		this.organisation = organisation;
		this.messages = messages;
	}

	@GetMapping("/meetings/{id}/reading")
	String showReader(@PathVariable Long id, Model model) {
		Meeting meeting = this.reading.readable(id);
		model.addAttribute("meeting", meeting);
		model.addAttribute("boardName", this.organisation.board(meeting.getBoardId()).getName());
		model.addAttribute("documents", this.reading.documents(id));
		model.addAttribute("noticeHtmlUrl", OfficialLinks.notice(id));
		return "meetings/reading";
	}

	@GetMapping(path = "/meetings/{id}/reading/notes", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<List<NoteView>> listNotes(@PathVariable Long id) {
		return ResponseEntity.ok()
			.cacheControl(PRIVATE)
			.body(this.reading.myNotes(id).stream().map(NoteView::of).toList());
	}

	@PostMapping(path = "/meetings/{id}/reading/notes", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<NoteView> addNote(@PathVariable Long id, @Valid @RequestBody NoteInput input) {
		PrivateNote note = this.reading.add(id, input);
		return ResponseEntity.created(URI.create("/meetings/" + id + "/reading/notes/" + note.getId()))
			.cacheControl(PRIVATE)
			.body(NoteView.of(note));
	}

	@PutMapping(path = "/meetings/{id}/reading/notes/{noteId}", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<NoteView> updateNote(@PathVariable Long id, @PathVariable Long noteId,
			@Valid @RequestBody NoteInput input) {
		return ResponseEntity.ok().cacheControl(PRIVATE).body(NoteView.of(this.reading.update(id, noteId, input)));
	}

	@DeleteMapping("/meetings/{id}/reading/notes/{noteId}")
	ResponseEntity<Void> deleteNote(@PathVariable Long id, @PathVariable Long noteId) {
		this.reading.delete(id, noteId);
		return ResponseEntity.noContent().build();
	}

	/** The newest notice with the reader's own notes in it; a personal copy, never an official one. */
	@GetMapping("/meetings/{id}/reading/notice-with-notes.pdf")
	ResponseEntity<byte[]> downloadNoticeWithNotes(@PathVariable Long id) {
		NotesPdf.Labels labels = new NotesPdf.Labels(text("reading.pdf.heading"), text("reading.pdf.intro"),
				text("reading.pdf.page"), text("reading.pdf.highlight"));
		byte[] pdf = this.reading.noticeWithNotes(id, labels);
		return ResponseEntity.ok()
			.cacheControl(PRIVATE)
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition",
					ContentDisposition.attachment().filename("kallelse-" + id + "-med-mina-anteckningar.pdf").build().toString())
			.body(pdf);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException ex) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getAllErrors()
			.stream()
			.map(e -> new FieldProblem(e instanceof org.springframework.validation.FieldError f ? field(f.getField())
					: e.getObjectName(), message(e)))
			.toList();
		return problem(HttpStatus.BAD_REQUEST, text("reading.invalid"), errors);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable() {
		return problem(HttpStatus.BAD_REQUEST, text("reading.unreadable"), List.of());
	}

	@ExceptionHandler(RuleViolation.class)
	ResponseEntity<ProblemDetail> rule(RuleViolation ex) {
		String message = this.messages.getMessage(ex.code(), ex.arguments(), ex.code(), locale());
		return problem(ex.field() != null ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT, message,
				ex.field() == null ? List.of() : List.of(new FieldProblem(ex.field(), message)));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound() {
		return problem(HttpStatus.NOT_FOUND, text("reading.notFound"), List.of());
	}

	/** Every constraint of {@link NoteInput} names its own message key, resolved by the validator. */
	private String message(org.springframework.validation.ObjectError error) {
		String resolved = error.getDefaultMessage();
		return resolved != null && !resolved.isBlank() && !resolved.startsWith("{") ? resolved
				: this.messages.getMessage(error, locale());
	}

	/** The validator names a rule of the whole note by its method ({@code bodyGivenForNote}); the reader, by the field. */
	private static String field(String field) {
		return switch (field) {
			case "bodyGivenForNote" -> "body";
			case "areaGivenForHighlight" -> "width";
			default -> field;
		};
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private String text(String code) {
		return this.messages.getMessage(code, null, code, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	/** A note as the reader's script sees it. */
	record NoteView(Long id, String document, int page, NoteKind kind, @Nullable String body, double x, double y,
			double width, double height) {

		static NoteView of(PrivateNote note) {
			return new NoteView(note.getId(), note.getDocument(), note.getPage(), note.getKind(), note.getBody(),
					note.getX(), note.getY(), note.getWidth(), note.getHeight());
		}

	}

	record FieldProblem(String field, String message) {
	}

}
