package se.paragraf.shared.persistence;

import java.util.List;

import jakarta.persistence.AttributeConverter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small ordered list kept in one column as JSON: it is always read and written whole with its
 * owner, and Envers keeps its history with the owner's. A module declares one subclass per element
 * type: {@code class Votes extends JsonListConverter<Vote> { Votes() { super(new TypeReference<>() {}); } }}.
 */
public abstract class JsonListConverter<T> implements AttributeConverter<List<T>, String> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final TypeReference<List<T>> type;

	protected JsonListConverter(TypeReference<List<T>> type) {
		this.type = type;
	}

	@Override
	public String convertToDatabaseColumn(List<T> list) {
		return JSON.writeValueAsString(list == null ? List.of() : list);
	}

	@Override
	public List<T> convertToEntityAttribute(String json) {
		return json == null || json.isBlank() ? List.of() : List.copyOf(JSON.readValue(json, this.type));
	}

}
