package se.paragraf.publication.web;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.context.MessageSource;

import se.paragraf.people.Municipality;
import se.paragraf.publication.PublicNotice;
import se.paragraf.shared.Sweden;

/**
 * One municipality's notice board as an Atom feed (RFC 4287): an entry per announcement, newest
 * first, so that residents and journalists can follow certifications without visiting the board.
 */
final class NoticeBoardFeed {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private static final ZoneId SWEDEN = Sweden.ZONE;

	private final MessageSource messages;

	private final Locale locale;

	NoticeBoardFeed(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	/**
	 * @param baseUrl the site's address ("https://paragraf.example.se"), since Atom wants absolute links
	 */
	String write(Municipality municipality, List<PublicNotice> notices, String baseUrl) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("feed");
			xml.writeDefaultNamespace(ATOM);
			xml.writeAttribute("xml:lang", this.locale.getLanguage());
			String boardUrl = baseUrl + "/public/notice-boards/" + municipality.getCode();
			element(xml, "id", "urn:paragraf:notice-board:" + municipality.getCode());
			element(xml, "title", text("noticeBoard.title", municipality.getName()));
			element(xml, "subtitle", text("noticeBoard.intro"));
			element(xml, "updated", notices.isEmpty() ? "1970-01-01T00:00:00Z" : instant(posted(notices.get(0))));
			link(xml, "self", boardUrl + "/feed.atom", "application/atom+xml");
			link(xml, "alternate", boardUrl, "text/html");
			xml.writeStartElement("author");
			element(xml, "name", municipality.getName());
			xml.writeEndElement();
			for (PublicNotice notice : notices) {
				entry(xml, notice, baseUrl);
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Writing the notice board feed failed", ex);
		}
		return out.toString();
	}

	private void entry(XMLStreamWriter xml, PublicNotice notice, String baseUrl) throws XMLStreamException {
		String minutesUrl = baseUrl + "/public/meetings/" + notice.getMeetingId() + "/minutes/"
				+ notice.getMinutesVersion();
		xml.writeStartElement("entry");
		element(xml, "id", "urn:paragraf:public-notice:" + notice.getId());
		element(xml, "title", text("noticeBoard.feed.entryTitle", notice.getBoardName(), notice.getMeetingDate(),
				notice.getSectionRange()));
		element(xml, "published", instant(posted(notice)));
		element(xml, "updated", instant(posted(notice)));
		link(xml, "alternate", minutesUrl, "text/html");
		xml.writeStartElement("summary");
		xml.writeCharacters(String.join(" ",
				text("noticeBoard.feed.summary", notice.getBoardName(), notice.getMeetingDate(), notice.getSectionRange(),
						notice.getCertifiedOn(), posted(notice), notice.getKeptAt()),
				notice.getAppealEndsOn() == null ? "" : text("noticeBoard.appealText", notice.getAppealEndsOn())));
		xml.writeEndElement();
		xml.writeEndElement();
	}

	private static LocalDate posted(PublicNotice notice) {
		LocalDate posted = notice.getPostedOn();
		return posted != null ? posted : notice.getCertifiedOn();
	}

	/** A posting is a day; the feed says it began at midnight in Sweden. */
	private static String instant(LocalDate day) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(day.atStartOfDay(SWEDEN).toOffsetDateTime());
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args, this.locale);
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("href", href);
		xml.writeAttribute("type", type);
	}

}
