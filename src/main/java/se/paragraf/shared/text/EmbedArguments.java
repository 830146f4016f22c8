package se.paragraf.shared.text;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads an embed's arguments, refusing what no document can mean: a year outside the years
 * Paragraf keeps plans, budgets and meetings for, or a number that is no number.
 */
public final class EmbedArguments {

	public static final int MIN_YEAR = 2000;

	public static final int MAX_YEAR = 2100;

	private EmbedArguments() {
	}

	/** The embed's full name, if it is one of those the module offers. */
	public static String name(String name, Set<String> offered) {
		if (!offered.contains(name)) {
			throw new EmbedRefused("embed.name.unknown", name);
		}
		return name;
	}

	/** The required argument {@code name}, one of {@code choices} (at least two). */
	public static String choice(Map<String, String> arguments, String name, String... choices) {
		String value = arguments.getOrDefault(name, "");
		if (!Arrays.asList(choices).contains(value)) {
			throw new EmbedRefused("embed.choice.invalid", name,
					String.join(", ", Arrays.copyOf(choices, choices.length - 1)), choices[choices.length - 1]);
		}
		return value;
	}

	/** The required {@code year}, from {@link #MIN_YEAR} to {@link #MAX_YEAR}. */
	public static int year(Map<String, String> arguments) {
		String text = arguments.get("year");
		if (text == null || text.isBlank()) {
			throw new EmbedRefused("embed.argument.required", "year");
		}
		if (!text.matches("-?\\d{1,10}")) {
			throw yearOutOfRange(text);
		}
		long year = Long.parseLong(text);
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw yearOutOfRange(text);
		}
		return (int) year;
	}

	/** An optional whole number from {@code min} to {@code max}; null when the argument is absent. */
	public static @Nullable Integer number(Map<String, String> arguments, String name, int min, int max) {
		String text = arguments.get(name);
		if (text == null) {
			return null;
		}
		if (!text.matches("-?\\d{1,10}") || Long.parseLong(text) < min || Long.parseLong(text) > max) {
			throw new EmbedRefused("embed.number.range", name, text, String.valueOf(min), String.valueOf(max));
		}
		return Integer.valueOf(text);
	}

	private static EmbedRefused yearOutOfRange(String text) {
		// Years as text, so that the message does not group them as "2 000".
		return new EmbedRefused("embed.year.range", text, String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR));
	}

	/** The required {@code board} code. */
	public static String board(Map<String, String> arguments) {
		String code = arguments.get("board");
		if (code == null || code.isBlank()) {
			throw new EmbedRefused("embed.argument.required", "board");
		}
		return code;
	}

}
