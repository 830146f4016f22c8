package se.paragraf.meetings;

import jakarta.persistence.Converter;

import tools.jackson.core.type.TypeReference;

import se.paragraf.shared.persistence.JsonListConverter;

/**
 * The notice's small lists, each kept in one column as JSON (the meeting record's are in
 * {@code se.paragraf.proceedings.JsonConverters}).
 */
final class JsonConverters {

	private JsonConverters() {
	}

	/** A published notice's agenda, kept beside its frozen HTML and PDF. */
	@Converter
	static class NoticeEntries extends JsonListConverter<NoticeEntry> {

		NoticeEntries() {
			super(new TypeReference<>() {
			});
		}

	}

	/** A published notice's structured source, item by item. */
	@Converter
	static class NoticeOutlines extends JsonListConverter<NoticeOutline> {

		NoticeOutlines() {
			super(new TypeReference<>() {
			});
		}

	}

}
