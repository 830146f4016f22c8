package se.paragraf.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Unit tests for {@link StaticAssets}: an asset's address carries a hash of its content, so a release
 * that changes the file changes the address, and browsers holding the old one for a year fetch the new.
 */
class StaticAssetsUnitTests {

	@TempDir
	Path assets;

	/** The address pages link to, as a newly started application (a release) derives it. */
	private String fingerprinted(String path) throws Exception {
		Registry registry = new Registry();
		StaticAssets.addHandler(registry, "/css/", this.assets.toUri().toString());
		Map<String, ResourceHttpRequestHandler> handlers = new HashMap<>();
		for (var each : registry.mapping().getUrlMap().entrySet()) {
			ResourceHttpRequestHandler handler = (ResourceHttpRequestHandler) each.getValue();
			handler.afterPropertiesSet();
			handlers.put(each.getKey(), handler);
		}
		ResourceUrlProvider provider = new ResourceUrlProvider();
		provider.setHandlerMap(handlers);
		return provider.getForLookupPath(path);
	}

	private static final class Registry extends ResourceHandlerRegistry {

		Registry() {
			super(new StaticApplicationContext(), new MockServletContext());
		}

		SimpleUrlHandlerMapping mapping() {
			return (SimpleUrlHandlerMapping) getHandlerMapping();
		}

	}

	@Test
	void aChangedFileGetsANewAddressAndAnUnchangedOneKeepsIt() throws Exception {
		Files.writeString(this.assets.resolve("site.css"), "body { color: black; }");
		String before = fingerprinted("/css/site.css");
		String again = fingerprinted("/css/site.css");

		Files.writeString(this.assets.resolve("site.css"), "body { color: navy; }");
		String after = fingerprinted("/css/site.css");

		assertThat(before).matches("/css/site-[0-9a-f]{32}\\.css");
		assertThat(StaticAssets.isFingerprinted(before)).isTrue();
		assertThat(again).isEqualTo(before);
		assertThat(after).matches("/css/site-[0-9a-f]{32}\\.css").isNotEqualTo(before);
	}

	@Test
	void onlyAddressesUnderTheAssetPrefixesAreAssets() {
		assertThat(StaticAssets.isAsset("/css/paragraf.css")).isTrue();
		assertThat(StaticAssets.isAsset("/webjars/htmx.org/2.0.4/dist/htmx.min.js")).isTrue();
		assertThat(StaticAssets.isAsset("/public/meetings/1")).isFalse();
		assertThat(StaticAssets.isAsset("/cssx/a.css")).isFalse();
	}

}
