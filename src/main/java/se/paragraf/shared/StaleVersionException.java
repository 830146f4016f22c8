package se.paragraf.shared;

/**
 * The client edited an older version of something that has changed since: nothing is saved, the
 * client must reload and apply its change again.
 */
public class StaleVersionException extends RuntimeException {

	public StaleVersionException(String what, Object id) {
		super(what + " " + id + " was changed by someone else");
	}

	/** Refuses the change unless the client saw the current version. */
	public static void check(String what, Object id, long current, Long expected) {
		if (expected == null || current != expected) {
			throw new StaleVersionException(what, id);
		}
	}

}
