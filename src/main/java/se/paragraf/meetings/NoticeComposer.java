package se.paragraf.meetings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import se.paragraf.documents.PdfAssembly;
import se.paragraf.documents.PdfAssembly.Part;
import se.paragraf.documents.PdfRenderer;
import se.paragraf.matters.DecisionBasis;
import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Board;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.Person;

/**
 * Composes a meeting's notice from the agenda and the matters' reports: the PDF first, part by
 * part, so that each item's page range comes from the real pagination; then the cover with those
 * ranges; then the HTML page from the same template.
 */
@Component
class NoticeComposer {

	static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", SWEDISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", SWEDISH);

	private static final String TEMPLATE = "meetings/notice";

	private final ITemplateEngine templates;

	private final PdfRenderer renderer;

	private final PdfAssembly assembly;

	private final Organisation organisation;

	private final MatterRegister register;

	private final String printCss;

	NoticeComposer(ITemplateEngine templates, PdfRenderer renderer, PdfAssembly assembly, Organisation organisation,
			MatterRegister register) {
		this.templates = templates;
		this.renderer = renderer;
		this.assembly = assembly;
		this.organisation = organisation;
		this.register = register;
		this.printCss = read("static/css/notice-print.css");
	}

	/** The notice as it would be published now: the PDF, the HTML page and the agenda with pages. */
	Composed compose(Meeting meeting, String attachmentBase, String pdfHref) {
		View view = view(meeting);
		List<Item> items = view.items();

		// Each item's pages: its own rendering plus the PDF attachments merged after it.
		List<List<Part>> itemParts = new ArrayList<>();
		List<Integer> itemPages = new ArrayList<>();
		for (Item item : items) {
			List<Part> parts = new ArrayList<>();
			parts.add(new Part(this.renderer.render(render(view, "pdf", item.number(), attachmentBase)),
					item.number() + " " + item.title()));
			if (item.basis() != null) {
				for (DecisionBasis.AttachmentView attachment : item.basis().attachments()) {
					if (attachment.pdf()) {
						byte[] pdf = this.register.content(this.register.attachment(attachment.id()));
						if (this.assembly.isReadable(pdf)) {
							parts.add(new Part(pdf, attachment.title()));
						}
					}
				}
			}
			itemParts.add(parts);
			itemPages.add(parts.stream().mapToInt(p -> this.assembly.pageCount(p.pdf())).sum());
		}

		// The cover lists the ranges, so its own length decides where the items start.
		int coverPages = 1;
		View paged = view.withPages(pages(items, itemPages, coverPages));
		byte[] cover = this.renderer.render(render(paged, "pdf", 0, attachmentBase));
		for (int attempt = 0; attempt < 3 && this.assembly.pageCount(cover) != coverPages; attempt++) {
			coverPages = this.assembly.pageCount(cover);
			paged = view.withPages(pages(items, itemPages, coverPages));
			cover = this.renderer.render(render(paged, "pdf", 0, attachmentBase));
		}
		List<Part> all = new ArrayList<>();
		all.add(new Part(cover, "Kallelse"));
		itemParts.forEach(all::addAll);
		byte[] pdf = this.assembly.assemble(all, "Kallelse " + view.boardName() + " " + view.date());
		String html = render(paged, "web", null, attachmentBase, pdfHref);
		List<NoticeEntry> entries = paged.items()
			.stream()
			.map(i -> new NoticeEntry(i.number(), i.title(), i.diaryNumber(), i.kind(), i.matterId(), i.firstPage(),
					i.lastPage(), i.itemId()))
			.toList();
		return new Composed(html, pdf, this.assembly.pageCount(pdf), entries);
	}

	/** The notice page of a draft agenda, before pagination. */
	String draftHtml(Meeting meeting, String attachmentBase) {
		return render(view(meeting), "web", null, attachmentBase, null);
	}

	private View view(Meeting meeting) {
		Board board = this.organisation.board(meeting.getBoardId());
		LocalDate day = meeting.getStart().toLocalDate();
		List<Item> items = new ArrayList<>();
		for (AgendaItem agendaItem : meeting.getAgenda()) {
			DecisionBasis basis = agendaItem.getMatterId() == null ? null : this.register.basis(agendaItem.getMatterId());
			items.add(new Item(agendaItem.getId(), meeting.numberOf(agendaItem), agendaItem.getTitle(),
					basis == null ? null : basis.diaryNumber().toString(), agendaItem.getKind(), agendaItem.getMatterId(),
					basis, 0, 0));
		}
		return new View(board.getName(), board.getGenitiveName(), day.toString(), when(meeting), meeting.getLocation(),
				meeting.getKind() == MeetingKind.EXTRA, holder(board, MembershipRole.CHAIR, day),
				holder(board, MembershipRole.SECRETARY, day), items);
	}

	private List<Item> pages(List<Item> items, List<Integer> itemPages, int coverPages) {
		List<Item> paged = new ArrayList<>();
		int next = coverPages + 1;
		for (int i = 0; i < items.size(); i++) {
			int last = next + itemPages.get(i) - 1;
			paged.add(items.get(i).withPages(next, last));
			next = last + 1;
		}
		return paged;
	}

	private String render(View view, String mode, @Nullable Integer only, String attachmentBase) {
		return render(view, mode, only, attachmentBase, null);
	}

	private String render(View view, String mode, @Nullable Integer only, String attachmentBase,
			@Nullable String pdfHref) {
		Context context = new Context(SWEDISH, Map.of("notice", view, "mode", mode, "lang", "sv", "css", this.printCss,
				"attachmentBase", attachmentBase));
		context.setVariable("only", only);
		context.setVariable("pdfHref", pdfHref);
		return this.templates.process(TEMPLATE, context);
	}

	private String holder(Board board, MembershipRole role, LocalDate day) {
		return this.organisation.holder(board.getId(), role, day).map(Person::getFullName).orElse("");
	}

	/** "Tisdag 5 december 2023, kl. 10:00", as a Swedish notice says it. */
	static String when(Meeting meeting) {
		String date = DATE.format(meeting.getStart());
		return Character.toUpperCase(date.charAt(0)) + date.substring(1) + ", kl. " + TIME.format(meeting.getStart());
	}

	private static String read(String path) {
		try {
			return StreamUtils.copyToString(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The composed notice. */
	record Composed(String html, byte[] pdf, int pageCount, List<NoticeEntry> entries) {
	}

	/** What the template shows. */
	record View(String boardName, String boardGenitive, String date, String when, String location, boolean extra,
			String chair, String secretary, List<Item> items) {

		View withPages(List<Item> paged) {
			return new View(this.boardName, this.boardGenitive, this.date, this.when, this.location, this.extra,
					this.chair, this.secretary, paged);
		}

	}

	/** An agenda item as the template shows it, with its pages once they are known. */
	record Item(Long itemId, int number, String title, @Nullable String diaryNumber, AgendaItemKind kind,
			@Nullable Long matterId, @Nullable DecisionBasis basis, int firstPage, int lastPage) {

		Item withPages(int first, int last) {
			return new Item(this.itemId, this.number, this.title, this.diaryNumber, this.kind, this.matterId,
					this.basis, first, last);
		}

		/** "2", or "4 - 9"; empty until paginated. */
		public String pages() {
			return this.firstPage == 0 ? "" : NoticeEntry.pageRange(this.firstPage, this.lastPage);
		}

	}

}
