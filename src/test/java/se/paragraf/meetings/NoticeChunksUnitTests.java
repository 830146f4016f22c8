package se.paragraf.meetings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeChunksUnitTests {

	@Test
	void everyItemIsRenderedOnceInAgendaOrderInTwoDocumentsPerRenderingThread() {
		List<Integer> weights = Collections.nCopies(40, 5_000);

		List<List<Integer>> chunks = NoticeChunks.of(weights, 2);

		assertThat(chunks).hasSize(4);
		assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(IntStream.range(0, 40).boxed().toList());
		assertThat(chunks).allSatisfy(chunk -> assertThat(chunk).hasSize(10));
	}

	@Test
	void aLongReportGetsADocumentOfItsOwnAndShortItemsShareOne() {
		List<Integer> weights = new ArrayList<>(Collections.nCopies(12, 1_000));
		weights.set(3, 100_000);

		List<List<Integer>> chunks = NoticeChunks.of(weights, 2);

		assertThat(chunks).hasSize(4).contains(List.of(3));
		assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(IntStream.range(0, 12).boxed().toList());
	}

	@Test
	void noDocumentHoldsMoreThanTenItemsSoThatTheProgressMoves() {
		List<List<Integer>> chunks = NoticeChunks.of(Collections.nCopies(95, 1_000), 2);

		assertThat(chunks).hasSizeGreaterThanOrEqualTo(10).allSatisfy(chunk -> assertThat(chunk).hasSizeLessThanOrEqualTo(10));
		assertThat(chunks.stream().mapToInt(List::size).sum()).isEqualTo(95);
	}

	@Test
	void aShortAgendaRendersOneItemPerDocument() {
		assertThat(NoticeChunks.of(List.of(1_000, 1_000, 1_000), 2)).containsExactly(List.of(0), List.of(1),
				List.of(2));
	}

}
