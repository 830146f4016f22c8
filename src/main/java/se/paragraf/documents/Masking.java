package se.paragraf.documents;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.paragraf.documents.masking.IdentityNumbers;
import se.paragraf.documents.masking.Mask;
import se.paragraf.documents.masking.MaskedHtml;
import se.paragraf.documents.masking.MaskedHtml.Range;
import se.paragraf.documents.masking.Masks;
import se.paragraf.documents.masking.ReviewMark;
import se.paragraf.documents.masking.ReviewMarks;
import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;
import se.paragraf.shared.Sweden;
import se.paragraf.shared.security.CurrentUser;

/**
 * Masks personal data in the published version of documents. Identity numbers (personnummer,
 * samordningsnummer) are detected by their check digit and masked unless the secretary removes
 * the mask, so a document published without review still hides them; passages the secretary marks
 * are masked wherever that text occurs in their section. The official version is never changed:
 * masks are applied when the published version is made.
 */
@Service
public class Masking {

	/** Longest passage one mask may cover. */
	public static final int MAX_PASSAGE = 500;

	/** Published documents are Swedish whatever the reader's language. */
	private static final Locale DOCUMENT_LANGUAGE = Sweden.LOCALE;

	/** Who proposes a detected number. */
	private static final String DETECTION = "system";

	private static final Safelist REVIEW_DISPLAY = Safelist.relaxed().addTags("mark", "s", "del", "ins", "section");

	private final ObjectProvider<MaskableDocuments> owners;

	private final Masks masks;

	private final ReviewMarks marks;

	private final MessageSource messages;

	private final Clock clock;

	// The owners are looked up on each call: they may themselves call Masking (meetings does).
	Masking(ObjectProvider<MaskableDocuments> owners, Masks masks, ReviewMarks marks, MessageSource messages,
			Clock clock) {
		this.owners = owners;
		this.masks = masks;
		this.marks = marks;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The section's HTML with its masks applied (text nodes only; elements stay as they are, and of
	 * attributes only what readers meet: {@code title}, {@code alt}, {@code aria-label},
	 * {@code href}). Each masked text becomes {@code <span class="masked" title="…">[maskerat]</span>}.
	 * A section with nothing to mask comes back exactly as given.
	 */
	@Transactional(readOnly = true)
	public String masked(String documentKey, MaskableSection section) {
		return apply(section.html(), this.masks.findByDocumentKeyAndSectionKeyOrderById(documentKey, section.key()));
	}

	/** The section's text as the public reads it, masks applied (for indexing and feeds). */
	@Transactional(readOnly = true)
	public String maskedPlainText(String documentKey, MaskableSection section) {
		return MaskedHtml.of(masked(documentKey, section)).plainText();
	}

	/** The document with this key from whichever module owns it. */
	public Optional<MaskableDocument> document(String documentKey) {
		return this.owners.orderedStream()
			.map(owner -> owner.find(documentKey))
			.flatMap(Optional::stream)
			.findFirst();
	}

	/**
	 * Proposals (detected numbers), confirmed, removed and added masks for review, section by
	 * section. Newly detected numbers are recorded as proposals, so each has an id to decide on.
	 * @throws NotFoundException if no module knows the document
	 */
	@Transactional
	public MaskReview review(String documentKey) {
		MaskableDocument document = require(documentKey);
		Map<String, List<Mask>> bySection = stored(documentKey);
		List<MaskReview.Section> sections = new ArrayList<>();
		for (MaskableSection section : document.sections()) {
			List<Mask> sectionMasks = bySection.computeIfAbsent(section.key(), k -> new ArrayList<>());
			Analysis analysis = analyse(section.html(), sectionMasks);
			for (IdentityNumbers.Found number : analysis.newNumbers()) {
				sectionMasks.add(this.masks.save(Mask.proposed(documentKey, section.key(), number.digits(), number.text(),
						DETECTION, now())));
			}
			sections.add(new MaskReview.Section(section, highlighted(section.html(), sectionMasks), apply(section.html(),
					sectionMasks), views(section, sectionMasks)));
		}
		ReviewMark mark = this.marks.findById(documentKey).orElse(null);
		return new MaskReview(document, sections,
				mark == null ? null : new MaskReview.Reviewed(mark.getReviewedBy(), mark.getReviewedAt()));
	}

	/**
	 * Whether the secretary has marked the document reviewed and no identity number has appeared in
	 * it since without a decision. (Unreviewed documents are still masked by default.)
	 */
	@Transactional(readOnly = true)
	public boolean isReviewed(String documentKey) {
		if (!this.marks.existsById(documentKey)) {
			return false;
		}
		Optional<MaskableDocument> document = document(documentKey);
		if (document.isEmpty()) {
			return true;
		}
		Map<String, List<Mask>> bySection = stored(documentKey);
		return document.get()
			.sections()
			.stream()
			.noneMatch(s -> analyse(s.html(), bySection.getOrDefault(s.key(), List.of())).undecided());
	}

	/**
	 * Confirms a mask: the text stays masked (a removed mask applies again).
	 * @throws NotFoundException if the document has no such mask
	 */
	@Transactional
	public MaskReview.Mask confirm(String documentKey, long maskId) {
		return decide(documentKey, maskId, MaskState.CONFIRMED);
	}

	/**
	 * Removes a mask: the text is published as written.
	 * @throws NotFoundException if the document has no such mask
	 */
	@Transactional
	public MaskReview.Mask remove(String documentKey, long maskId) {
		return decide(documentKey, maskId, MaskState.REMOVED);
	}

	/**
	 * Masks a passage wherever that text occurs in the section (whitespace runs match any
	 * whitespace; letter case as written). A passage once removed is masked again.
	 * @throws NotFoundException if no module knows the document
	 * @throws RuleViolation on field {@code section} if the document has no such section, on field
	 * {@code passage} if the passage is blank, too long, not in the section or already masked
	 */
	@Transactional
	public MaskReview.Mask addPassage(String documentKey, String sectionKey, @Nullable String passage) {
		MaskableDocument document = require(documentKey);
		MaskableSection section = document.sections()
			.stream()
			.filter(s -> s.key().equals(sectionKey))
			.findFirst()
			.orElseThrow(() -> RuleViolation.onField("section", "masking.section.unknown"));
		String normalised = passage == null ? "" : MaskedHtml.normalisedPassage(passage);
		if (normalised.isEmpty()) {
			throw RuleViolation.onField("passage", "masking.passage.required");
		}
		if (normalised.length() > MAX_PASSAGE) {
			throw RuleViolation.onField("passage", "masking.passage.tooLong", MAX_PASSAGE);
		}
		String text = MaskedHtml.of(section.html()).text();
		int occurrences = MaskedHtml.occurrences(normalised, text).size();
		if (occurrences == 0) {
			throw RuleViolation.onField("passage", "masking.passage.notInSection");
		}
		Optional<Mask> existing = this.masks.findByDocumentKeyAndSectionKeyAndKindAndMatchKey(documentKey, sectionKey,
				MaskKind.PASSAGE, normalised);
		Mask mask;
		if (existing.isPresent()) {
			mask = existing.get();
			if (mask.getState().masks()) {
				throw RuleViolation.onField("passage", "masking.passage.alreadyMasked");
			}
			mask.decide(MaskState.CONFIRMED, CurrentUser.name(), now());
		}
		else {
			mask = this.masks.save(Mask.passage(documentKey, sectionKey, normalised, CurrentUser.name(), now()));
		}
		return view(mask, occurrences);
	}

	/**
	 * Marks the document reviewed by the signed-in user: every detected number not yet decided on
	 * is confirmed as masked.
	 * @throws NotFoundException if no module knows the document
	 */
	@Transactional
	public MaskReview.Reviewed markReviewed(String documentKey) {
		MaskableDocument document = require(documentKey);
		Map<String, List<Mask>> bySection = stored(documentKey);
		String by = CurrentUser.name();
		Instant at = now();
		for (MaskableSection section : document.sections()) {
			List<Mask> sectionMasks = bySection.getOrDefault(section.key(), List.of());
			Analysis analysis = analyse(section.html(), sectionMasks);
			sectionMasks.stream().filter(m -> m.getState() == MaskState.PROPOSED).forEach(m -> m.decide(MaskState.CONFIRMED, by, at));
			analysis.newNumbers()
				.forEach(n -> this.masks.save(Mask.decided(documentKey, section.key(), n.digits(), n.text(),
						MaskState.CONFIRMED, by, at)));
		}
		ReviewMark mark = this.marks.findById(documentKey).orElse(null);
		if (mark == null) {
			this.marks.save(new ReviewMark(documentKey, by, at));
		}
		else {
			mark.renew(by, at);
		}
		return new MaskReview.Reviewed(by, at);
	}

	private MaskReview.Mask decide(String documentKey, long maskId, MaskState state) {
		Mask mask = this.masks.findById(maskId)
			.filter(m -> m.getDocumentKey().equals(documentKey))
			.orElseThrow(() -> new NotFoundException("Mask", maskId));
		mask.decide(state, CurrentUser.name(), now());
		int occurrences = document(documentKey).flatMap(d -> d.sections()
			.stream()
			.filter(s -> s.key().equals(mask.getSectionKey()))
			.findFirst()).map(s -> occurrences(mask, MaskedHtml.of(s.html()).text())).orElse(0);
		return view(mask, occurrences);
	}

	private MaskableDocument require(String documentKey) {
		return document(documentKey).orElseThrow(() -> new NotFoundException("Document", documentKey));
	}

	private Map<String, List<Mask>> stored(String documentKey) {
		return this.masks.findByDocumentKeyOrderById(documentKey)
			.stream()
			.collect(Collectors.groupingBy(Mask::getSectionKey, LinkedHashMap::new,
					Collectors.toCollection(ArrayList::new)));
	}

	/** The ranges to mask in a text, given the section's stored masks. */
	private List<Range> ranges(String text, List<Mask> sectionMasks) {
		Map<String, Mask> numbers = numbers(sectionMasks);
		List<Range> ranges = new ArrayList<>();
		for (IdentityNumbers.Found number : IdentityNumbers.find(text, today())) {
			Mask decision = numbers.get(number.digits());
			if (decision == null || decision.getState().masks()) {
				ranges.add(new Range(number.start(), number.end()));
			}
		}
		for (Mask passage : sectionMasks) {
			if (passage.getKind() == MaskKind.PASSAGE && passage.getState().masks()) {
				ranges.addAll(MaskedHtml.occurrences(passage.getMatchKey(), text));
			}
		}
		return ranges;
	}

	private String apply(String html, List<Mask> sectionMasks) {
		MaskedHtml document = MaskedHtml.of(html);
		List<Range> ranges = ranges(document.text(), sectionMasks);
		String marker = text("documents.masked");
		boolean[] attributeMasked = { false };
		document.replaceInAttributes(value -> {
			List<Range> inValue = ranges(value, sectionMasks);
			attributeMasked[0] |= !inValue.isEmpty();
			return inValue.isEmpty() ? value : MaskedHtml.replaceRanges(value, inValue, marker);
		});
		if (ranges.isEmpty() && !attributeMasked[0]) {
			return html;
		}
		String explanation = text("documents.masked.explanation");
		return document.mask(ranges, () -> new Element("span").addClass("masked").attr("title", explanation).text(marker))
			.html();
	}

	private String highlighted(String html, List<Mask> sectionMasks) {
		MaskedHtml document = MaskedHtml.of(html);
		List<Range> ranges = new ArrayList<>();
		for (IdentityNumbers.Found number : IdentityNumbers.find(document.text(), today())) {
			ranges.add(new Range(number.start(), number.end()));
		}
		for (Mask passage : sectionMasks) {
			if (passage.getKind() == MaskKind.PASSAGE && passage.getState().masks()) {
				ranges.addAll(MaskedHtml.occurrences(passage.getMatchKey(), document.text()));
			}
		}
		return Jsoup.clean(document.highlight(ranges).html(), REVIEW_DISPLAY);
	}

	/** The section's masks for review: numbers that occur now, then every passage. */
	private List<MaskReview.Mask> views(MaskableSection section, List<Mask> sectionMasks) {
		String text = MaskedHtml.of(section.html()).text();
		return sectionMasks.stream()
			.map(m -> view(m, occurrences(m, text)))
			.filter(m -> m.kind() == MaskKind.PASSAGE || m.occurrences() > 0)
			.sorted(Comparator.comparing(MaskReview.Mask::kind).thenComparing(MaskReview.Mask::id))
			.toList();
	}

	private int occurrences(Mask mask, String text) {
		if (mask.getKind() == MaskKind.PASSAGE) {
			return MaskedHtml.occurrences(mask.getMatchKey(), text).size();
		}
		return (int) IdentityNumbers.find(text, today()).stream().filter(n -> n.digits().equals(mask.getMatchKey())).count();
	}

	private Analysis analyse(String html, List<Mask> sectionMasks) {
		Map<String, Mask> numbers = numbers(sectionMasks);
		Map<String, IdentityNumbers.Found> fresh = new LinkedHashMap<>();
		boolean proposalOpen = false;
		for (IdentityNumbers.Found number : IdentityNumbers.find(MaskedHtml.of(html).text(), today())) {
			Mask known = numbers.get(number.digits());
			if (known == null) {
				fresh.putIfAbsent(number.digits(), number);
			}
			else {
				proposalOpen |= known.getState() == MaskState.PROPOSED;
			}
		}
		return new Analysis(List.copyOf(fresh.values()), proposalOpen || !fresh.isEmpty());
	}

	private static Map<String, Mask> numbers(List<Mask> sectionMasks) {
		return sectionMasks.stream()
			.filter(m -> m.getKind() == MaskKind.IDENTITY_NUMBER)
			.collect(Collectors.toMap(Mask::getMatchKey, Function.identity(), (a, b) -> a));
	}

	private MaskReview.Mask view(Mask mask, int occurrences) {
		return new MaskReview.Mask(mask.getId() == null ? 0 : mask.getId(), mask.getSectionKey(), mask.getKind(),
				mask.getText(), mask.getState(), occurrences, mask.getCreatedBy(), mask.getCreatedAt(), mask.getDecidedBy(),
				mask.getDecidedAt());
	}

	private String text(String code) {
		return this.messages.getMessage(code, null, code, DOCUMENT_LANGUAGE);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private Instant now() {
		return this.clock.instant();
	}

	/**
	 * Detected numbers of a section measured against its stored masks.
	 * @param newNumbers numbers with no mask yet (one per ten digits)
	 * @param undecided whether a number in the section awaits a decision (new, or proposed)
	 */
	private record Analysis(List<IdentityNumbers.Found> newNumbers, boolean undecided) {
	}

}
