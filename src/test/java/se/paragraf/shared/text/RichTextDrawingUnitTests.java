package se.paragraf.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A report with a live table is drawn on every view of the signed-in pages (issue 12): the table is
 * read once and shown again until something is committed, and never kept from inside a writing
 * transaction, whose records may still roll back.
 */
class RichTextDrawingUnitTests {

	/** A live table that says how often it was read, and what it reads now. */
	static final class Counter implements EmbeddedContent {

		final AtomicInteger reads = new AtomicInteger();

		volatile String value = "100 tkr";

		@Override
		public String kind() {
			return "budget";
		}

		@Override
		public String render(String name, Map<String, String> arguments) {
			this.reads.incrementAndGet();
			return "<table><tr><td>" + this.value + "</td></tr></table>";
		}

	}

	private final Counter table = new Counter();

	private final AtomicLong changes = new AtomicLong();

	private final RichText richText = new RichText(List.of(this.table), new StaticMessageSource(), this.changes::get);

	private static final String REPORT = """
			Nämnden föreslås besluta om budgeten.

			{{budget.activities board=GSN year=2024}}

			Se tabellen.
			""";

	@Test
	void aLiveTableIsReadOnceUntilSomethingIsCommitted() {
		String first = this.richText.toHtml(REPORT);
		String second = this.richText.toHtml(REPORT);

		assertThat(second).isEqualTo(first).contains("100 tkr").contains("Se tabellen.");
		assertThat(this.table.reads).hasValue(1);
	}

	@Test
	void aCommittedChangeShowsOnTheNextView() {
		this.richText.toHtml(REPORT);

		this.table.value = "250 tkr";
		this.changes.incrementAndGet();

		assertThat(this.richText.toHtml(REPORT)).contains("250 tkr").doesNotContain("100 tkr");
		assertThat(this.table.reads).hasValue(2);
	}

	@Test
	void aTableDrawnInsideAWritingTransactionIsNeitherTakenFromNorKeptForLater() {
		this.richText.toHtml(REPORT);
		this.table.value = "uncommitted 999 tkr";
		TransactionSynchronizationManager.setActualTransactionActive(true);
		try {
			assertThat(this.richText.toHtml(REPORT)).contains("uncommitted 999 tkr");
		}
		finally {
			TransactionSynchronizationManager.setActualTransactionActive(false);
		}
		// Rolled back: what the records hold is still the first value, and the kept drawing says so.
		this.table.value = "100 tkr";
		assertThat(this.richText.toHtml(REPORT)).contains("100 tkr").doesNotContain("999");
		assertThat(this.table.reads).hasValue(2);
	}

	@Test
	void withoutACountOfChangesATableIsReadOnEveryView() {
		RichText uncounted = new RichText(List.of(this.table), new StaticMessageSource());

		uncounted.toHtml(REPORT);
		uncounted.toHtml(REPORT);

		assertThat(this.table.reads).hasValue(2);
	}

}
