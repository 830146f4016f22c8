package se.paragraf.shared.web;

import java.time.Clock;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("paragraf-lang");
		resolver.setDefaultLocale(SWEDISH);
		return resolver;
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
