package se.paragraf.shared.files;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where files are kept and how large an upload may be: {@code store=local} (the default) keeps them
 * under {@code directory}, {@code store=s3} in the bucket described by {@code s3}.
 */
@ConfigurationProperties("paragraf.files")
public record FileSettings(@DefaultValue("local") Store store, @DefaultValue("./data/files") String directory,
		@DefaultValue("25MB") DataSize maxUploadSize, @DefaultValue S3 s3) {

	public enum Store {

		LOCAL, S3

	}

	/**
	 * An S3-compatible object store: its endpoint (empty for AWS itself), region, bucket, an optional
	 * key prefix, and credentials (empty: the AWS SDK's default chain, e.g. AWS_ACCESS_KEY_ID).
	 */
	public record S3(@Nullable String endpoint, @DefaultValue("us-east-1") String region,
			@DefaultValue("paragraf") String bucket, @Nullable String prefix, @Nullable String accessKey,
			@Nullable String secretKey) {
	}

}
