package se.paragraf.shared.files;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where files are kept and how large an upload may be.
 */
@ConfigurationProperties("paragraf.files")
public record FileSettings(@DefaultValue("./data/files") String directory,
		@DefaultValue("25MB") DataSize maxUploadSize) {
}
