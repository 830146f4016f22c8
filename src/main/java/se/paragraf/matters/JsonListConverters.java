package se.paragraf.matters;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ordered lists kept in one column as JSON: they are always read and written whole with their
 * report, and Envers keeps their history with the report's.
 */
final class JsonListConverters {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonListConverters() {
	}

	@Converter
	static class Texts implements AttributeConverter<List<String>, String> {

		@Override
		public String convertToDatabaseColumn(List<String> texts) {
			return JSON.writeValueAsString(texts == null ? List.of() : texts);
		}

		@Override
		public List<String> convertToEntityAttribute(String json) {
			return json == null || json.isBlank() ? List.of() : JSON.readValue(json, new TypeReference<List<String>>() {
			});
		}

	}

	@Converter
	static class Recipients implements AttributeConverter<List<DecisionRecipient>, String> {

		@Override
		public String convertToDatabaseColumn(List<DecisionRecipient> recipients) {
			return JSON.writeValueAsString(recipients == null ? List.of() : recipients);
		}

		@Override
		public List<DecisionRecipient> convertToEntityAttribute(String json) {
			return json == null || json.isBlank() ? List.of()
					: JSON.readValue(json, new TypeReference<List<DecisionRecipient>>() {
					});
		}

	}

}
