package se.paragraf.operations.orphans;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sweep of files no record names: whether it runs, when ({@code cron}, and once when a node has
 * started, which is when a node killed mid-way comes back), and how old a file must be before it may
 * go ({@code grace}: longer than any change that stores a file and then commits may take).
 */
@ConfigurationProperties("paragraf.files.orphans")
public record OrphanFileSettings(@DefaultValue("true") boolean enabled, @DefaultValue("0 40 3 * * *") String cron,
		@DefaultValue("true") boolean onStart, @DefaultValue("P1D") Duration grace) {
}
