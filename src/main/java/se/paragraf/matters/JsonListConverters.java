package se.paragraf.matters;

import jakarta.persistence.Converter;

import tools.jackson.core.type.TypeReference;

import se.paragraf.shared.persistence.JsonListConverter;

/**
 * The report's ordered lists, each kept in one column as JSON.
 */
final class JsonListConverters {

	private JsonListConverters() {
	}

	@Converter
	static class Texts extends JsonListConverter<String> {

		Texts() {
			super(new TypeReference<>() {
			});
		}

	}

	@Converter
	static class Recipients extends JsonListConverter<DecisionRecipient> {

		Recipients() {
			super(new TypeReference<>() {
			});
		}

	}

}
