package se.paragraf.meetings;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeProgressUnitTests {

	@Test
	void twoVariantsComposedSideBySideShowTheirItemsAndPagesAddedUpInOneJob() {
		NoticeJob job = new NoticeJob(1L, 0, Instant.EPOCH);
		NoticeProgress.Both both = new NoticeProgress.Both(job);

		both.first().rendering(0, 40, 0, 0);
		both.second().rendering(0, 40, 0, 0);
		both.first().rendering(10, 40, 50, 190);
		both.second().rendering(4, 40, 20, 200);

		assertThat(job.isOfficial()).isTrue();
		assertThat(job.getItems()).isEqualTo(14);
		assertThat(job.getItemsOf()).isEqualTo(80);
		assertThat(job.getPages()).isEqualTo(70);
		assertThat(job.getEstimatedPages()).isEqualTo(390);
	}

	@Test
	void beforeTheSecondVariantHasCountedItsItemsNoTotalIsShown() {
		NoticeJob job = new NoticeJob(1L, 0, Instant.EPOCH);
		NoticeProgress.Both both = new NoticeProgress.Both(job);

		both.first().rendering(3, 40, 12, 190);

		assertThat(job.getItemsOf()).isZero();
		assertThat(job.getEstimatedPages()).isZero();
	}

	@Test
	void theJobShowsTheStepOfTheVariantThatIsBehind() {
		NoticeJob job = new NoticeJob(1L, 0, Instant.EPOCH);
		NoticeProgress.Both both = new NoticeProgress.Both(job);

		both.first().step(NoticeProgress.Step.RENDERING);
		both.second().step(NoticeProgress.Step.RENDERING);
		both.first().step(NoticeProgress.Step.ASSEMBLING);
		assertThat(job.getStep()).isEqualTo("RENDERING");

		both.second().step(NoticeProgress.Step.ASSEMBLING);
		assertThat(job.getStep()).isEqualTo("ASSEMBLING");
	}

}
