package se.paragraf.shared.files;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FileRefUnitTests {

	private static final String KEY = "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b";

	private static final String SHA256 = FileStore.sha256Hex("protokoll".getBytes(StandardCharsets.UTF_8));

	@Test
	void aRefToAStoredFileKeepsItsKeyAndTheChecksumItWasStoredWith() {
		FileRef ref = FileRef.of(new FileStore.StoredFile(KEY, SHA256, 9));

		assertThat(ref.key()).isEqualTo(KEY);
		assertThat(ref.sha256()).isEqualTo(SHA256);
		assertThat(ref).isEqualTo(new FileRef(KEY, SHA256));
	}

	@Test
	void aFileKeyNeverTravelsWithoutItsHexChecksum() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FileRef(KEY, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new FileRef(KEY, ""));
		assertThatIllegalArgumentException().isThrownBy(() -> new FileRef(KEY, SHA256.substring(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new FileRef(KEY, SHA256.toUpperCase()));
	}

	@Test
	void aChecksumNeverTravelsWithoutAStoreKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FileRef(null, SHA256));
		assertThatIllegalArgumentException().isThrownBy(() -> new FileRef("", SHA256));
		assertThatIllegalArgumentException().isThrownBy(() -> new FileRef("../../etc/passwd", SHA256));
	}

	@Test
	void onlyTheFilesOwnChecksumIsRecognised() {
		FileRef ref = new FileRef(KEY, SHA256);

		assertThat(ref.hasSha256(SHA256)).isTrue();
		assertThat(ref.hasSha256(FileStore.sha256Hex(new byte[0]))).isFalse();
		assertThat(ref.hasSha256(SHA256.toUpperCase())).isFalse();
		assertThat(ref.hasSha256(null)).isFalse();
	}

}
