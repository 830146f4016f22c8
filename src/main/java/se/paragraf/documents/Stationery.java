package se.paragraf.documents;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.files.FileRef;
import se.paragraf.shared.files.FileStore;

/**
 * The municipality's stationery: the letterheads of its administrations and boards, kept by the
 * admin, and the heading each document is printed under. A board's documents carry the board's
 * letterhead, else its administration's, else just the board's name.
 */
@Service
@Transactional(readOnly = true)
public class Stationery {

	static final int MAX_NAME = 200;

	static final int MAX_ADDRESS = 500;

	private final Letterheads letterheads;

	private final FileStore files;

	Stationery(Letterheads letterheads, FileStore files) {
		this.letterheads = letterheads;
		this.files = files;
	}

	public List<Letterhead> letterheads() {
		return this.letterheads.findAll();
	}

	public Optional<Letterhead> find(LetterheadOwner kind, Long ownerId) {
		return this.letterheads.findByOwnerKindAndOwnerId(kind, ownerId);
	}

	public Letterhead letterhead(LetterheadOwner kind, Long ownerId) {
		return find(kind, ownerId).orElseThrow(() -> new NotFoundException("Letterhead", kind + "/" + ownerId));
	}

	/**
	 * Sets an owner's letterhead: name and address, and the logo when one is given (checked and
	 * cleaned, see {@link LogoImage}); {@code removeLogo} takes the logo away. Nothing is saved when
	 * any of it is refused.
	 */
	@Transactional
	public Letterhead save(LetterheadOwner kind, Long ownerId, @Nullable String name, @Nullable String address,
			byte @Nullable [] logo, boolean removeLogo) {
		String shownName = name == null ? "" : name.strip();
		if (shownName.isEmpty()) {
			throw RuleViolation.onField("name", "letterhead.name.required");
		}
		if (shownName.length() > MAX_NAME) {
			throw RuleViolation.onField("name", "letterhead.name.tooLong", MAX_NAME);
		}
		String shownAddress = address == null || address.isBlank() ? null
				: address.strip().replace("\r\n", "\n").replace('\r', '\n');
		if (shownAddress != null && shownAddress.length() > MAX_ADDRESS) {
			throw RuleViolation.onField("address", "letterhead.address.tooLong", MAX_ADDRESS);
		}
		LogoImage image = logo == null || logo.length == 0 ? null : LogoImage.of(logo);
		Letterhead letterhead = find(kind, ownerId).orElseGet(() -> new Letterhead(kind, ownerId));
		letterhead.describe(shownName, shownAddress);
		if (image != null) {
			letterhead.logo(FileRef.of(this.files.store(image.content())), image.mediaType());
		}
		else if (removeLogo) {
			letterhead.logo(null, null);
		}
		return this.letterheads.saveAndFlush(letterhead);
	}

	@Transactional
	public void remove(LetterheadOwner kind, Long ownerId) {
		this.letterheads.delete(letterhead(kind, ownerId));
	}

	/** The logo as stored, already checked and cleaned. */
	public Optional<LogoImage> logo(Letterhead letterhead) {
		FileRef ref = letterhead.getLogo();
		if (ref == null || letterhead.getLogoMediaType() == null) {
			return Optional.empty();
		}
		return Optional.of(new LogoImage(this.files.read(ref), letterhead.getLogoMediaType()));
	}

	/**
	 * The heading a board's documents are printed under: the board's letterhead, else its
	 * administration's, else the board's name alone.
	 */
	public Heading headingFor(Long boardId, @Nullable Long administrationId, String boardName) {
		Optional<Letterhead> own = find(LetterheadOwner.BOARD, boardId);
		if (own.isEmpty() && administrationId != null) {
			own = find(LetterheadOwner.ADMINISTRATION, administrationId);
		}
		return own.map(this::heading).orElseGet(() -> Heading.plain(boardName));
	}

	/** The heading an administration's documents are printed under, or its name alone. */
	public Heading headingForAdministration(Long administrationId, String administrationName) {
		return find(LetterheadOwner.ADMINISTRATION, administrationId).map(this::heading)
			.orElseGet(() -> Heading.plain(administrationName));
	}

	private Heading heading(Letterhead letterhead) {
		String address = letterhead.getAddress();
		List<String> lines = address == null ? List.of() : Arrays.stream(address.split("\n")).map(String::strip)
			.filter(l -> !l.isEmpty())
			.toList();
		return new Heading(letterhead.getName(), lines, logo(letterhead).map(LogoImage::dataUri).orElse(null));
	}

	/**
	 * What a document prints at its top: a name, the address lines, and the logo as a data URI
	 * (embedded, so the archival PDF needs nothing from outside); no logo and no address for a plain
	 * heading.
	 */
	public record Heading(String name, List<String> addressLines, @Nullable String logo) {

		public static Heading plain(String name) {
			return new Heading(name, List.of(), null);
		}

		public boolean hasLogo() {
			return this.logo != null;
		}

		/** A name alone: the document's own heading already says it. */
		public boolean isPlain() {
			return this.logo == null && this.addressLines.isEmpty();
		}

	}

}
