package se.paragraf.meetings;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A published notice's agenda, kept as JSON beside its frozen HTML and PDF.
 */
@Converter
class NoticeEntryConverter implements AttributeConverter<List<NoticeEntry>, String> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public String convertToDatabaseColumn(List<NoticeEntry> entries) {
		return JSON.writeValueAsString(entries);
	}

	@Override
	public List<NoticeEntry> convertToEntityAttribute(String json) {
		return JSON.readValue(json, new TypeReference<List<NoticeEntry>>() {
		});
	}

}
