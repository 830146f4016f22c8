package se.paragraf.people.web;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import se.paragraf.documents.Letterhead;
import se.paragraf.documents.LetterheadOwner;
import se.paragraf.documents.LogoImage;
import se.paragraf.documents.Stationery;
import se.paragraf.people.Organisation;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.web.ApiController;

/**
 * Letterheads in the JSON API: every signed-in role reads them, only admins set or remove one. The
 * logo travels base64-encoded in the JSON body and is checked as on the admin page.
 */
@ApiController("/api/v1/letterheads")
@PreAuthorize("hasAnyRole('ADMIN', 'SECRETARY', 'CASE_OFFICER', 'ECONOMIST', 'MEMBER', 'SUBSTITUTE')")
class LetterheadApiController {

	private static final String ADMIN = "hasRole('ADMIN')";

	private final Stationery stationery;

	private final Organisation organisation;

	LetterheadApiController(Stationery stationery, Organisation organisation) {
		this.stationery = stationery;
		this.organisation = organisation;
	}

	@GetMapping
	List<LetterheadJson> letterheads() {
		return this.stationery.letterheads().stream().map(LetterheadJson::of).toList();
	}

	@GetMapping("/{kind}/{id}")
	LetterheadJson letterhead(@PathVariable String kind, @PathVariable Long id) {
		return LetterheadJson.of(this.stationery.letterhead(owner(kind, id), id));
	}

	/** The logo as stored (a cleaned SVG or a re-encoded PNG); never run as a document in a browser. */
	@GetMapping("/{kind}/{id}/logo")
	ResponseEntity<byte[]> logo(@PathVariable String kind, @PathVariable Long id) {
		Letterhead letterhead = this.stationery.letterhead(owner(kind, id), id);
		LogoImage logo = this.stationery.logo(letterhead)
			.orElseThrow(() -> new NotFoundException("Logo", kind + "/" + id));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(logo.mediaType()))
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.body(logo.content());
	}

	@PutMapping("/{kind}/{id}")
	@PreAuthorize(ADMIN)
	LetterheadJson setLetterhead(@PathVariable String kind, @PathVariable Long id,
			@Valid @RequestBody LetterheadBody body) {
		LetterheadOwner owner = owner(kind, id);
		byte[] logo = null;
		if (body.logo() != null && !body.logo().isBlank()) {
			try {
				logo = Base64.getMimeDecoder().decode(body.logo().strip());
			}
			catch (IllegalArgumentException ex) {
				throw RuleViolation.onField("logo", "letterhead.logo.base64");
			}
		}
		return LetterheadJson.of(this.stationery.save(owner, id, body.name(), body.address(), logo,
				Boolean.TRUE.equals(body.removeLogo())));
	}

	@DeleteMapping("/{kind}/{id}")
	@PreAuthorize(ADMIN)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	ResponseEntity<Void> removeLetterhead(@PathVariable String kind, @PathVariable Long id) {
		this.stationery.remove(owner(kind, id), id);
		return ResponseEntity.noContent().build();
	}

	/** "administration" or "board", naming one that exists. */
	private LetterheadOwner owner(String kind, Long id) {
		switch (kind) {
			case "administration" -> {
				this.organisation.administration(id);
				return LetterheadOwner.ADMINISTRATION;
			}
			case "board" -> {
				this.organisation.board(id);
				return LetterheadOwner.BOARD;
			}
			default -> throw new NotFoundException("Letterhead", kind + "/" + id);
		}
	}

	/**
	 * A letterhead to set: name, address (lines separated by line breaks), and optionally a logo,
	 * a PNG or SVG file encoded in base64; without one the present logo stays unless
	 * {@code removeLogo} is true.
	 */
	record LetterheadBody(@NotBlank @Size(max = 200) @Nullable String name, @Size(max = 500) @Nullable String address,
			@Size(max = 1_400_000) @Nullable String logo, @Nullable Boolean removeLogo) {
	}

	record LetterheadJson(String ownerKind, Long ownerId, String name, @Nullable String address,
			@Nullable String logoMediaType, @Nullable String logoSha256, Map<String, String> links) {

		static LetterheadJson of(Letterhead l) {
			String self = "/api/v1/letterheads/" + l.getOwnerKind().name().toLowerCase(Locale.ROOT) + "/" + l.getOwnerId();
			return new LetterheadJson(l.getOwnerKind().name().toLowerCase(Locale.ROOT), l.getOwnerId(), l.getName(),
					l.getAddress(), l.getLogoMediaType(), l.getLogo() == null ? null : l.getLogo().sha256(),
					l.hasLogo() ? Map.of("self", self, "logo", self + "/logo") : Map.of("self", self));
		}

	}

}
