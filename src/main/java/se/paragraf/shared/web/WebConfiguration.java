package se.paragraf.shared.web;

import java.time.Clock;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Swedish by default; {@code ?lang=en} switches to English and is remembered in a cookie.
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

	private final HandlerInterceptor[] interceptors;

	WebConfiguration(java.util.List<HandlerInterceptor> interceptors) {
		this.interceptors = interceptors.toArray(HandlerInterceptor[]::new);
	}

	static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

	/** Where a visitor's choice of language is remembered. */
	static final String LANGUAGE_COOKIE = "paragraf-lang";

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
		resolver.setDefaultLocale(SWEDISH);
		return resolver;
	}

	@Bean
	FrozenResponseCache frozenResponseCache(@Value("${paragraf.web.frozen-cache-size:64MB}") DataSize capacity,
			@Value("${paragraf.web.frozen-newest-ttl:60s}") java.time.Duration newestTtl) {
		return new FrozenResponseCache(capacity, newestTtl);
	}

	/** First in line: a kept public document needs neither security nor the dispatcher. */
	@Bean
	FilterRegistrationBean<FrozenResponseCache> frozenResponseCacheRegistration(FrozenResponseCache cache) {
		FilterRegistrationBean<FrozenResponseCache> registration = new FilterRegistrationBean<>(cache);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/public/*");
		return registration;
	}

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		registry.addInterceptor(interceptor);
		for (HandlerInterceptor each : this.interceptors) {
			registry.addInterceptor(each);
		}
	}

}
