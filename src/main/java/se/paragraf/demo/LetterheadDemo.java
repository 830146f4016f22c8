package se.paragraf.demo;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import se.paragraf.documents.LetterheadOwner;
import se.paragraf.documents.Stationery;
import se.paragraf.people.Administration;
import se.paragraf.people.Organisation;

/**
 * The demo's letterhead: IT-center's, with a made-up SVG emblem. The board GSN has none of its own
 * and so borrows it, as a board of that administration would.
 */
@Component
@Profile("demo")
class LetterheadDemo implements DemoStep {

	private final Organisation organisation;

	private final Stationery stationery;

	LetterheadDemo(Organisation organisation, Stationery stationery) {
		this.organisation = organisation;
		this.stationery = stationery;
	}

	@Override
	public int order() {
		return 5;
	}

	@Override
	public void load() {
		Administration itCenter = this.organisation.administrations()
			.stream()
			.filter(a -> a.getName().equals("IT-center"))
			.findFirst()
			.orElseThrow();
		try {
			byte[] logo = new ClassPathResource("demo/letterhead-logo.svg").getContentAsByteArray();
			this.stationery.save(LetterheadOwner.ADMINISTRATION, itCenter.getId(), "Ludvika kommun",
					"IT-center\n771 82 Ludvika\n0240-860 00", logo, false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
