package se.paragraf.publication.oparl;

/**
 * An OParl object or list that does not exist, or is not public.
 */
class OParlNotFound extends RuntimeException {

	OParlNotFound(String what) {
		super("Not found: " + what);
	}

}
