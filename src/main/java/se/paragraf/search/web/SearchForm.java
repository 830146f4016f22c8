package se.paragraf.search.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import org.springframework.web.util.UriComponentsBuilder;

import se.paragraf.search.EntryKind;
import se.paragraf.search.SearchQuery;

/**
 * The search form and the API's query parameters, as typed: everything arrives as text so that a
 * bad value is answered beside its field rather than as an unreadable request.
 */
public class SearchForm {

	static final int MAX_QUERY = 200;

	@Size(max = MAX_QUERY)
	private @Nullable String q;

	private List<@Size(max = 12) String> board = new ArrayList<>();

	private List<@Size(max = 4) String> year = new ArrayList<>();

	private List<@Size(max = 20) String> kind = new ArrayList<>();

	@Size(max = 10)
	private @Nullable String from;

	@Size(max = 10)
	private @Nullable String to;

	@Size(max = 10)
	private @Nullable String page;

	/** Whether the visitor asked anything yet (an empty page shows only the form). */
	public boolean isAsked() {
		return this.q != null;
	}

	void validate(Errors errors) {
		if (this.q == null || this.q.isBlank()) {
			errors.rejectValue("q", "search.q.required");
		}
		else if (this.q.length() > MAX_QUERY) {
			errors.rejectValue("q", "search.q.tooLong", new Object[] { MAX_QUERY }, null);
		}
		for (String value : this.year) {
			if (!value.matches("\\d{4}")) {
				errors.rejectValue("year", "search.year.invalid", new Object[] { value }, null);
				break;
			}
		}
		for (String value : this.kind) {
			if (!isKind(value)) {
				errors.rejectValue("kind", "search.kind.invalid", new Object[] { value }, null);
				break;
			}
		}
		LocalDate start = date("from", this.from, errors);
		LocalDate end = date("to", this.to, errors);
		if (start != null && end != null && start.isAfter(end)) {
			errors.rejectValue("to", "search.to.beforeFrom");
		}
		if (blankToNull(this.page) != null) {
			try {
				int number = Integer.parseInt(this.page.strip());
				// Deeper than a thousand pages is not reading, it is scraping; the index need not collect it.
				if (number < 0 || number > SearchQuery.MAX_PAGE) {
					errors.rejectValue("page", "search.page.invalid");
				}
			}
			catch (NumberFormatException ex) {
				errors.rejectValue("page", "search.page.invalid");
			}
		}
	}

	/** The query this form asks; call only after {@link #validate} found nothing. */
	SearchQuery toQuery() {
		String pageText = blankToNull(this.page);
		String fromText = blankToNull(this.from);
		String toText = blankToNull(this.to);
		return new SearchQuery(this.q == null ? "" : this.q.strip(),
				this.board.stream().filter(b -> !b.isBlank()).map(String::strip).distinct().toList(),
				this.year.stream().map(String::strip).map(Integer::valueOf).distinct().toList(),
				this.kind.stream().map(String::strip).map(EntryKind::valueOf).distinct().toList(),
				fromText == null ? null : LocalDate.parse(fromText), toText == null ? null : LocalDate.parse(toText),
				pageText == null ? 0 : Integer.parseInt(pageText));
	}

	/** The address of another page of the same search. */
	public String pageUrl(String path, int number) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path).queryParam("q", this.q == null ? "" : this.q);
		this.board.forEach(b -> uri.queryParam("board", b));
		this.year.forEach(y -> uri.queryParam("year", y));
		this.kind.forEach(k -> uri.queryParam("kind", k));
		if (blankToNull(this.from) != null) {
			uri.queryParam("from", this.from);
		}
		if (blankToNull(this.to) != null) {
			uri.queryParam("to", this.to);
		}
		return uri.queryParam("page", number).encode().build().toUriString();
	}

	private static boolean isKind(String value) {
		for (EntryKind kind : EntryKind.values()) {
			if (kind.name().equals(value.strip())) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable LocalDate date(String field, @Nullable String text, Errors errors) {
		String value = blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			errors.rejectValue(field, "search.date.invalid", new Object[] { value }, null);
			return null;
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	public @Nullable String getQ() {
		return this.q;
	}

	public void setQ(@Nullable String q) {
		this.q = q;
	}

	public List<String> getBoard() {
		return this.board;
	}

	public void setBoard(List<String> board) {
		this.board = board;
	}

	public List<String> getYear() {
		return this.year;
	}

	public void setYear(List<String> year) {
		this.year = year;
	}

	public List<String> getKind() {
		return this.kind;
	}

	public void setKind(List<String> kind) {
		this.kind = kind;
	}

	public @Nullable String getFrom() {
		return this.from;
	}

	public void setFrom(@Nullable String from) {
		this.from = from;
	}

	public @Nullable String getTo() {
		return this.to;
	}

	public void setTo(@Nullable String to) {
		this.to = to;
	}

	public @Nullable String getPage() {
		return this.page;
	}

	public void setPage(@Nullable String page) {
		this.page = page;
	}

}
