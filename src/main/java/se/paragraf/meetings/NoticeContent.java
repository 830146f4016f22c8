package se.paragraf.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import se.paragraf.documents.PdfAssembly;
import se.paragraf.documents.Stationery;
import se.paragraf.matters.DecisionBasis;
import se.paragraf.matters.MatterRegister;
import se.paragraf.people.Board;
import se.paragraf.people.MembershipRole;
import se.paragraf.people.Organisation;
import se.paragraf.people.Person;
import se.paragraf.shared.Confidentiality;

/**
 * Reads what a notice says from the agenda, the matters' reports and attachments, in one variant:
 * the public pass withholds secret items and attachments, keeps out a PDF whose text it would mask,
 * and runs every report text through its filter. {@link NoticeComposer} makes the documents from it.
 */
@Component
class NoticeContent {

	private final Organisation organisation;

	private final MatterRegister register;

	private final MeetingPlanning planning;

	private final Stationery stationery;

	private final PdfAssembly assembly;

	NoticeContent(Organisation organisation, MatterRegister register, MeetingPlanning planning, Stationery stationery,
			PdfAssembly assembly) {
		this.organisation = organisation;
		this.register = register;
		this.planning = planning;
		this.stationery = stationery;
		this.assembly = assembly;
	}

	/** The meeting's agenda and reports as the pass's variant shows them: what the notice template draws. */
	NoticeComposer.View read(Meeting meeting, PublicText.Pass pass) {
		Board board = this.organisation.board(meeting.getBoardId());
		LocalDate day = meeting.getStart().toLocalDate();
		List<NoticeComposer.Item> items = new ArrayList<>();
		for (AgendaItem agendaItem : meeting.getAgenda()) {
			int number = meeting.numberOf(agendaItem);
			DecisionBasis basis = agendaItem.getMatterId() == null ? null : this.register.basis(agendaItem.getMatterId());
			String diaryNumber = basis == null ? null : basis.diaryNumber().toString();
			Confidentiality mark = this.planning.confidentialityOf(agendaItem);
			if (pass.isPublic() && mark.isConfidential()) {
				// Number and diary number stay (the register shows them); title, report and
				// attachments are withheld.
				pass.withheld();
				items.add(new NoticeComposer.Item(agendaItem.getId(), number, agendaItem.getTitle(), diaryNumber, agendaItem.getKind(),
						agendaItem.getMatterId(), null, List.of(), mark.citation(), 0, 0));
				continue;
			}
			List<NoticeComposer.AttachmentLine> attachments = new ArrayList<>();
			if (basis != null) {
				for (DecisionBasis.AttachmentView attachment : basis.attachments()) {
					Confidentiality attachmentMark = this.register.attachment(attachment.id()).getConfidentiality();
					if (pass.isPublic() && attachmentMark.isConfidential()) {
						pass.withheld();
						attachments.add(new NoticeComposer.AttachmentLine(attachment, null,
								Confidentiality.withheldAttachmentMark(String.valueOf(attachmentMark.citation()))));
					}
					else if (pass.isPublic() && attachment.pdf()
							&& holdsMaskedText(pass, agendaItem.getId() + ".file-" + attachment.id(),
									number + ". " + attachment.title(), attachment.id())) {
						// A file cannot be masked in place; it stays out until the secretary lifts the masks.
						pass.withheld();
						attachments.add(new NoticeComposer.AttachmentLine(attachment, null,
								"Bilaga undantagen: innehåller personuppgifter"));
					}
					else {
						String html = attachment.html() == null ? null
								: pass.of(agendaItem.getId() + ".attachment-" + attachment.id(),
										number + ". " + attachment.title(), attachment.html());
						attachments.add(new NoticeComposer.AttachmentLine(attachment, html, null));
					}
				}
				basis = shown(basis, agendaItem.getId(), number + ". " + basis.heading(), pass);
			}
			items.add(new NoticeComposer.Item(agendaItem.getId(), number, agendaItem.getTitle(), diaryNumber, agendaItem.getKind(),
					agendaItem.getMatterId(), basis, attachments, null, 0, 0));
		}
		return new NoticeComposer.View(board.getName(), board.getGenitiveName(), day.toString(), NoticeComposer.when(meeting), meeting.getLocation(),
				meeting.getKind() == MeetingKind.EXTRA, holder(board, MembershipRole.CHAIR, day),
				holder(board, MembershipRole.SECRETARY, day), items,
				this.stationery.headingFor(board.getId(), board.getAdministrationId(), board.getName()));
	}

	/** The report's texts as the variant shows them, each its own section ("{itemId}.summary"). */
	private static DecisionBasis shown(DecisionBasis basis, Long itemId, String heading, PublicText.Pass pass) {
		List<String> resolution = new ArrayList<>();
		for (int i = 0; i < basis.proposedResolutionHtml().size(); i++) {
			resolution.add(pass.of(itemId + ".resolution-" + (i + 1), heading + " – förslag till beslut, punkt " + (i + 1),
					basis.proposedResolutionHtml().get(i)));
		}
		return new DecisionBasis(basis.matterId(), basis.diaryNumber(), basis.title(), basis.heading(),
				basis.proposalKind(), resolution, pass.of(itemId + ".summary", heading + " – sammanfattning",
						basis.summaryHtml()),
				pass.of(itemId + ".description", heading + " – beskrivning av ärendet", basis.descriptionHtml()),
				pass.of(itemId + ".financial", heading + " – ekonomiska konsekvenser", basis.financialImplicationsHtml()),
				basis.signatory(), basis.decisionRecipients(), basis.attachments());
	}

	/**
	 * Whether a PDF attachment's text holds something the public variant masks (an identity number
	 * the secretary has not cleared, a marked passage). Its text goes through the pass like any
	 * section, so the review screen shows it and a removed mask lets the file out.
	 */
	private boolean holdsMaskedText(PublicText.Pass pass, String sectionKey, String heading, Long attachmentId) {
		String text = this.assembly.text(this.register.content(this.register.attachment(attachmentId)));
		if (text.isBlank()) {
			return false;
		}
		String html = "<p>" + HtmlUtils.htmlEscape(text.strip())
			.replaceAll("\\R\\s*\\R", "</p><p>")
			.replaceAll("\\R", "<br>") + "</p>";
		return !pass.of(sectionKey, heading, html).equals(html);
	}

	private String holder(Board board, MembershipRole role, LocalDate day) {
		return this.organisation.holder(board.getId(), role, day).map(Person::getFullName).orElse("");
	}

}
