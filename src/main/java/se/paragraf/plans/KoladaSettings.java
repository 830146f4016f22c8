package se.paragraf.plans;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Kolada's API is and how long to wait for it. Timeouts are short: a plan page must not hang
 * on a slow remote service.
 */
@ConfigurationProperties("paragraf.plans.kolada")
public record KoladaSettings(@DefaultValue("https://api.kolada.se/v3") URI baseUrl,
		@DefaultValue("3s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {
}
