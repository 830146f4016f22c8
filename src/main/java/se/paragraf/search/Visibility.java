package se.paragraf.search;

/**
 * Who may find an entry: everyone, or only signed-in users (and among them, for secret entries,
 * only those whose role or board lets them read it).
 */
public enum Visibility {

	PUBLIC, INTERNAL

}
