package se.paragraf.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.hibernate.cfg.AvailableSettings;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import se.paragraf.shared.Sweden;
import se.paragraf.shared.files.FileSettings;

/**
 * Swedish by default; {@code ?lang=en} switches to English and is remembered in a cookie.
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

	private final HandlerInterceptor[] interceptors;

	WebConfiguration(java.util.List<HandlerInterceptor> interceptors) {
		this.interceptors = interceptors.toArray(HandlerInterceptor[]::new);
	}

	/** Where a visitor's choice of language is remembered. */
	static final String LANGUAGE_COOKIE = "paragraf-lang";

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
		resolver.setDefaultLocale(Sweden.LOCALE);
		return resolver;
	}

	/** Pages are drawn into memory and sent encoded at once (see {@link WholePageView}). */
	@Bean
	static BeanPostProcessor wholePageViews() {
		return WholePageView.forEveryPage();
	}

	/**
	 * Published documents, and (unless switched off, for a CDN that does the same) rendered public pages
	 * for anonymous readers.
	 */
	@Bean
	FrozenResponseCache frozenResponseCache(@Value("${paragraf.web.frozen-cache-size:64MB}") DataSize capacity,
			@Value("${paragraf.web.frozen-newest-ttl:60s}") java.time.Duration newestTtl,
			@Value("${paragraf.web.page-cache.enabled:true}") boolean pagesKept,
			@Value("${paragraf.web.page-cache.size:32MB}") DataSize pageCapacity) {
		return new FrozenResponseCache(capacity, newestTtl, pagesKept ? pageCapacity : null);
	}

	/** Every committed write to the records drops the kept pages (see {@link PublicPageEviction}). */
	@Bean
	HibernatePropertiesCustomizer publicPageEviction(FrozenResponseCache cache) {
		PublicPageEviction eviction = new PublicPageEviction(cache);
		return properties -> properties.put(AvailableSettings.INTERCEPTOR, eviction);
	}

	/**
	 * Ahead of security, which would read a form body for its CSRF check: a body too large for its
	 * caller is refused unread. (Only the container's handling of forwarded headers comes earlier.)
	 */
	@Bean
	FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
			@Value("${paragraf.web.max-anonymous-request-size:64KB}") DataSize anonymousLimit,
			@Value("${paragraf.web.max-request-size:2MB}") DataSize signedInLimit, FileSettings files,
			ApplicationContext context) {
		// An upload's other fields and the multipart framing come on top of the file itself.
		DataSize uploadLimit = DataSize.ofBytes(files.maxUploadSize().toBytes() + DataSize.ofMegabytes(1).toBytes());
		FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
				new RequestSizeLimit(anonymousLimit, signedInLimit, uploadLimit,
						() -> context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/**
	 * Early: a kept public document or asset needs neither security nor the dispatcher. Off with
	 * {@code paragraf.web.frozen.enabled=false} where a CDN or proxy in front does the caching: every
	 * request then reaches the controllers, which still answer with ETags and Cache-Control.
	 */
	@Bean
	FilterRegistrationBean<FrozenResponseCache> frozenResponseCacheRegistration(FrozenResponseCache cache,
			@Value("${paragraf.web.frozen.enabled:true}") boolean enabled) {
		FilterRegistrationBean<FrozenResponseCache> registration = new FilterRegistrationBean<>(cache);
		registration.setEnabled(enabled);
		// After forwarded headers are applied, so a kept answer is told apart by scheme (HSTS).
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		registration.addUrlPatterns("/public/*", "/oparl/*");
		StaticAssets.PREFIXES.forEach(prefix -> registration.addUrlPatterns(prefix + "*"));
		return registration;
	}

	/**
	 * Earlier still for fingerprinted assets: once kept, Tomcat answers them before any filter
	 * ({@link AssetValve}); same switch as the cache itself.
	 */
	@Bean
	TomcatContextCustomizer assetsFromMemory(FrozenResponseCache cache,
			@Value("${paragraf.web.frozen.enabled:true}") boolean enabled) {
		return context -> {
			if (enabled) {
				context.getPipeline().addValve(new AssetValve(cache));
			}
		};
	}

	/**
	 * Replaces Spring Boot's filter, which looks up every link of a page as a resource (Boot backs off
	 * when it finds a registration of this exact type).
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> assetLinkEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new StaticAssets.LinkEncodingFilter());
		registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR);
		return registration;
	}

	@Bean
	FilterRegistrationBean<PublicPageCaching.Etags> publicPageEtags() {
		FilterRegistrationBean<PublicPageCaching.Etags> registration = new FilterRegistrationBean<>(
				new PublicPageCaching.Etags());
		registration.addUrlPatterns("/public/*", "/oparl/*");
		return registration;
	}

	/** Spring Boot's default mapping ({@code /**}, every path a possible resource) is switched off. */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		StaticAssets.addHandlers(registry);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		registry.addInterceptor(interceptor);
		registry.addInterceptor(new PublicPageCaching());
		registry.addInterceptor(new StaticAssets.Caching())
			.addPathPatterns(StaticAssets.PREFIXES.stream().map(prefix -> prefix + "**").toArray(String[]::new));
		for (HandlerInterceptor each : this.interceptors) {
			registry.addInterceptor(each);
		}
	}

}
