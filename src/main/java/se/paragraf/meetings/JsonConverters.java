package se.paragraf.meetings;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Small lists kept in one column as JSON: always read and written whole with their owner.
 */
final class JsonConverters {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonConverters() {
	}

	private static <T> List<T> read(String json, TypeReference<List<T>> type) {
		return json == null || json.isBlank() ? List.of() : List.copyOf(JSON.readValue(json, type));
	}

	private static String write(List<?> list) {
		return JSON.writeValueAsString(list == null ? List.of() : list);
	}

	@Converter
	static class Attendances implements AttributeConverter<List<Attendance>, String> {

		@Override
		public String convertToDatabaseColumn(List<Attendance> list) {
			return write(list);
		}

		@Override
		public List<Attendance> convertToEntityAttribute(String json) {
			return read(json, new TypeReference<List<Attendance>>() {
			});
		}

	}

	@Converter
	static class Ids implements AttributeConverter<List<Long>, String> {

		@Override
		public String convertToDatabaseColumn(List<Long> list) {
			return write(list);
		}

		@Override
		public List<Long> convertToEntityAttribute(String json) {
			return read(json, new TypeReference<List<Long>>() {
			});
		}

	}

	@Converter
	static class Proposals implements AttributeConverter<List<Proposal>, String> {

		@Override
		public String convertToDatabaseColumn(List<Proposal> list) {
			return write(list);
		}

		@Override
		public List<Proposal> convertToEntityAttribute(String json) {
			return read(json, new TypeReference<List<Proposal>>() {
			});
		}

	}

	@Converter
	static class Votes implements AttributeConverter<List<Vote>, String> {

		@Override
		public String convertToDatabaseColumn(List<Vote> list) {
			return write(list);
		}

		@Override
		public List<Vote> convertToEntityAttribute(String json) {
			return read(json, new TypeReference<List<Vote>>() {
			});
		}

	}

	@Converter
	static class Dissents implements AttributeConverter<List<Dissent>, String> {

		@Override
		public String convertToDatabaseColumn(List<Dissent> list) {
			return write(list);
		}

		@Override
		public List<Dissent> convertToEntityAttribute(String json) {
			return read(json, new TypeReference<List<Dissent>>() {
			});
		}

	}

	@Converter
	static class Signatures implements AttributeConverter<List<Signature>, String> {

		@Override
		public String convertToDatabaseColumn(List<Signature> list) {
			return write(list);
		}

		@Override
		public List<Signature> convertToEntityAttribute(String json) {
			return read(json, new TypeReference<List<Signature>>() {
			});
		}

	}

}
