package se.paragraf.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import se.paragraf.shared.NotFoundException;
import se.paragraf.shared.RuleViolation;

/**
 * Masking personal data in the published version: detected numbers masked by default, the
 * secretary's removals and passages honoured, the markup kept, and the review mark.
 */
@SpringBootTest
@WithMockUser(username = "sekreterare", roles = "SECRETARY")
class MaskingIntegrationTests {

	private static final String MARKER = "<span class=\"masked\" title=\"Personuppgift maskerad i den publicerade versionen\">[maskerat]</span>";

	@Autowired
	Masking masking;

	@Autowired
	TestDocuments documents;

	@Test
	void masksDetectedIdentityNumbersWithoutAnyReview() {
		MaskableSection section = new MaskableSection("s1", "§ 1",
				"<p>Sökande: Anna Andersson, 19121212-1212, och Bo Berg (811218-9876).</p>");
		MaskableDocument document = this.documents.add("Protokoll", section);

		String masked = this.masking.masked(document.key(), section);

		assertThat(masked).doesNotContain("1212-1212", "9876")
			.isEqualTo("<p>Sökande: Anna Andersson, " + MARKER + ", och Bo Berg (" + MARKER + ").</p>");
		assertThat(this.masking.isReviewed(document.key())).isFalse();
	}

	@Test
	void masksNumbersEvenForADocumentNoModuleKnows() {
		MaskableSection section = new MaskableSection("s1", "§ 1", "<p>19121212-1212</p>");
		assertThat(this.masking.masked("unknown-" + System.nanoTime(), section)).doesNotContain("1212-1212");
	}

	@Test
	void leavesASectionWithoutPersonalDataExactlyAsGiven() {
		String html = "<p class=\"lead\">Diarienummer GSN2023/4, belopp 1 234 567 kr, tel 08-123 456 78.</p><br>";
		MaskableSection section = new MaskableSection("s1", "§ 1", html);
		MaskableDocument document = this.documents.add("Protokoll", section);
		assertThat(this.masking.masked(document.key(), section)).isEqualTo(html);
	}

	@Test
	void keepsTheMarkupAroundAMaskedNumber() {
		MaskableSection section = new MaskableSection("s1", "§ 1",
				"<table class=\"votes\"><tr><td align=\"left\"><strong>Anna</strong> 121212-1212</td></tr></table>");
		MaskableDocument document = this.documents.add("Protokoll", section);

		String masked = this.masking.masked(document.key(), section);

		assertThat(masked).contains("<table class=\"votes\">", "<td align=\"left\">", "<strong>Anna</strong> " + MARKER)
			.doesNotContain("1212-1212");
	}

	@Test
	void masksANumberSplitByInlineMarkupOnce() {
		MaskableSection section = new MaskableSection("s1", "§ 1", "<p>Nr 19121212-<em>1212</em> här.</p>");
		MaskableDocument document = this.documents.add("Protokoll", section);
		assertThat(this.masking.masked(document.key(), section)).isEqualTo("<p>Nr " + MARKER + "<em></em> här.</p>");
	}

	@Test
	void masksNumbersInAttributesReadersMeetToo() {
		MaskableSection section = new MaskableSection("s1", "§ 1",
				"<p><a href=\"mailto:x@example.se?subject=19121212-1212\" title=\"Ärende 19121212-1212\">Länk</a></p>");
		MaskableDocument document = this.documents.add("Protokoll", section);
		assertThat(this.masking.masked(document.key(), section)).doesNotContain("1212-1212").contains("Länk");
	}

	@Test
	void publishesANumberOnlyAfterTheSecretaryRemovesItsMask() {
		MaskableSection section = new MaskableSection("s1", "§ 1", "<p>Organisationens nummer 19121212-1212.</p>");
		MaskableDocument document = this.documents.add("Protokoll", section);
		MaskReview.Mask proposal = this.masking.review(document.key()).sections().get(0).masks().get(0);
		assertThat(proposal.state()).isEqualTo(MaskState.PROPOSED);
		assertThat(proposal.kind()).isEqualTo(MaskKind.IDENTITY_NUMBER);

		MaskReview.Mask removed = this.masking.remove(document.key(), proposal.id());

		assertThat(removed.decidedBy()).isEqualTo("sekreterare");
		assertThat(removed.decidedAt()).isNotNull();
		assertThat(this.masking.masked(document.key(), section)).contains("19121212-1212");
		this.masking.confirm(document.key(), proposal.id());
		assertThat(this.masking.masked(document.key(), section)).doesNotContain("19121212-1212");
	}

	@Test
	void aRemovedNumberStaysPublishedInEveryFormButOnlyInItsSection() {
		MaskableSection first = new MaskableSection("s1", "§ 1", "<p>19121212-1212 och 121212-1212</p>");
		MaskableSection second = new MaskableSection("s2", "§ 2", "<p>1212121212</p>");
		MaskableDocument document = this.documents.add("Protokoll", first, second);
		MaskReview review = this.masking.review(document.key());
		assertThat(review.sections().get(0).masks()).singleElement()
			.satisfies(m -> assertThat(m.occurrences()).isEqualTo(2));

		this.masking.remove(document.key(), review.sections().get(0).masks().get(0).id());

		assertThat(this.masking.masked(document.key(), first)).contains("19121212-1212", "121212-1212");
		assertThat(this.masking.masked(document.key(), second)).doesNotContain("1212121212");
	}

	@Test
	void masksAMarkedPassageWhereverItOccursInItsSection() {
		MaskableSection section = new MaskableSection("s1", "§ 1",
				"<p>Anna <em>Svensson</em> har ansökt.</p><ul><li>Anna   Svensson bor på Storgatan 1.</li></ul>");
		MaskableSection other = new MaskableSection("s2", "§ 2", "<p>Anna Svensson</p>");
		MaskableDocument document = this.documents.add("Protokoll", section, other);

		MaskReview.Mask mask = this.masking.addPassage(document.key(), "s1", " Anna Svensson ");

		assertThat(mask.occurrences()).isEqualTo(2);
		assertThat(mask.state()).isEqualTo(MaskState.CONFIRMED);
		assertThat(mask.createdBy()).isEqualTo("sekreterare");
		String masked = this.masking.masked(document.key(), section);
		assertThat(masked).doesNotContain("Svensson")
			.contains("<ul><li>" + MARKER + " bor på Storgatan 1.</li></ul>", "<em></em> har ansökt.");
		assertThat(this.masking.masked(document.key(), other)).contains("Anna Svensson");
		assertThat(this.masking.maskedPlainText(document.key(), section)).doesNotContain("Svensson")
			.contains("[maskerat] har ansökt.");
	}

	@Test
	void neverMatchesAPassageAcrossParagraphs() {
		MaskableSection section = new MaskableSection("s1", "§ 1", "<p>Anna</p><p>Svensson</p>");
		MaskableDocument document = this.documents.add("Protokoll", section);
		assertThatThrownBy(() -> this.masking.addPassage(document.key(), "s1", "Anna Svensson"))
			.isInstanceOfSatisfying(RuleViolation.class, v -> {
				assertThat(v.field()).isEqualTo("passage");
				assertThat(v.code()).isEqualTo("masking.passage.notInSection");
			});
	}

	@Test
	void refusesPassagesThatAreBlankTooLongAbsentOrAlreadyMasked() {
		MaskableSection section = new MaskableSection("s1", "§ 1", "<p>Anna Svensson</p>");
		MaskableDocument document = this.documents.add("Protokoll", section);
		assertThat(rule(() -> this.masking.addPassage(document.key(), "s1", "  "))).isEqualTo("masking.passage.required");
		assertThat(rule(() -> this.masking.addPassage(document.key(), "s1", null))).isEqualTo("masking.passage.required");
		assertThat(rule(() -> this.masking.addPassage(document.key(), "s1", "x".repeat(501))))
			.isEqualTo("masking.passage.tooLong");
		assertThat(rule(() -> this.masking.addPassage(document.key(), "s1", "anna svensson")))
			.isEqualTo("masking.passage.notInSection");
		assertThat(rule(() -> this.masking.addPassage(document.key(), "nosuch", "Anna")))
			.isEqualTo("masking.section.unknown");
		this.masking.addPassage(document.key(), "s1", "Anna");
		assertThat(rule(() -> this.masking.addPassage(document.key(), "s1", "Anna")))
			.isEqualTo("masking.passage.alreadyMasked");
		assertThat(this.masking.review(document.key()).sections().get(0).masks()).hasSize(1);
	}

	@Test
	void aRemovedPassageCanBeMarkedAgain() {
		MaskableSection section = new MaskableSection("s1", "§ 1", "<p>Anna Svensson</p>");
		MaskableDocument document = this.documents.add("Protokoll", section);
		MaskReview.Mask mask = this.masking.addPassage(document.key(), "s1", "Svensson");
		this.masking.remove(document.key(), mask.id());
		assertThat(this.masking.masked(document.key(), section)).contains("Svensson");

		MaskReview.Mask again = this.masking.addPassage(document.key(), "s1", "Svensson");

		assertThat(again.id()).isEqualTo(mask.id());
		assertThat(this.masking.masked(document.key(), section)).doesNotContain("Svensson");
	}

	@Test
	void refusesDecisionsOnAnotherDocumentsMask() {
		MaskableSection section = new MaskableSection("s1", "§ 1", "<p>Anna Svensson</p>");
		MaskableDocument one = this.documents.add("Ett", section);
		MaskableDocument other = this.documents.add("Annat", section);
		MaskReview.Mask mask = this.masking.addPassage(one.key(), "s1", "Anna");
		assertThatThrownBy(() -> this.masking.remove(other.key(), mask.id())).isInstanceOf(NotFoundException.class);
		assertThat(this.masking.masked(one.key(), section)).doesNotContain("Anna");
	}

	@Test
	void refusesToReviewADocumentNoModuleKnows() {
		assertThatThrownBy(() -> this.masking.review("no-such-document")).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.masking.markReviewed("no-such-document")).isInstanceOf(NotFoundException.class);
	}

	@Test
	void markingReviewedConfirmsOpenProposalsAndRecordsWhoAndWhen() {
		MaskableSection section = new MaskableSection("s1", "§ 1", "<p>19121212-1212 och 811218-9876</p>");
		MaskableDocument document = this.documents.add("Protokoll", section);
		assertThat(this.masking.review(document.key()).pending()).isEqualTo(2);

		MaskReview.Reviewed reviewed = this.masking.markReviewed(document.key());

		assertThat(reviewed.by()).isEqualTo("sekreterare");
		MaskReview review = this.masking.review(document.key());
		assertThat(review.isReviewed()).isTrue();
		assertThat(review.reviewMark()).isNotNull();
		assertThat(review.sections().get(0).masks()).extracting(MaskReview.Mask::state)
			.containsOnly(MaskState.CONFIRMED);
		assertThat(this.masking.isReviewed(document.key())).isTrue();
		assertThat(this.masking.masked(document.key(), section)).doesNotContain("1212-1212", "9876");
	}

	@Test
	void aNumberThatAppearsAfterTheReviewNeedsAReviewAgainButIsMaskedMeanwhile() {
		MaskableSection section = new MaskableSection("s1", "§ 1", "<p>19121212-1212</p>");
		MaskableDocument document = this.documents.add("Protokoll", section);
		this.masking.markReviewed(document.key());
		assertThat(this.masking.isReviewed(document.key())).isTrue();

		MaskableSection changed = new MaskableSection("s1", "§ 1", "<p>19121212-1212, nu också 640823-3234</p>");
		this.documents.change(document, changed);

		assertThat(this.masking.isReviewed(document.key())).isFalse();
		assertThat(this.masking.masked(document.key(), changed)).doesNotContain("3234");
		this.masking.markReviewed(document.key());
		assertThat(this.masking.isReviewed(document.key())).isTrue();
	}

	@Test
	void highlightsWhatIsMaskedForTheReviewWithoutScript() {
		MaskableSection section = new MaskableSection("s1", "§ 1",
				"<p onclick=\"x()\">Anna 19121212-1212</p><script>alert(1)</script>");
		MaskableDocument document = this.documents.add("Protokoll", section);
		MaskReview.Section reviewed = this.masking.review(document.key()).sections().get(0);
		assertThat(reviewed.highlightedHtml()).contains("<mark>19121212-1212</mark>").doesNotContain("script", "onclick");
		assertThat(reviewed.maskedHtml()).doesNotContain("19121212-1212");
	}

	private static String rule(Runnable action) {
		try {
			action.run();
		}
		catch (RuleViolation violation) {
			return violation.code();
		}
		throw new AssertionError("no rule violated");
	}

}
