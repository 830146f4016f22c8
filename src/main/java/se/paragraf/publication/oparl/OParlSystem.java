package se.paragraf.publication.oparl;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import se.paragraf.publication.oparl.OParlObject.Head;

/** OParl System: Paragraf itself. */
record OParlSystem(@JsonUnwrapped Head head, String oparlVersion, String body, String name, String website, String web)
		implements OParlObject {
}
