package se.paragraf.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page anyone may read, the same for every anonymous reader: a proxy or CDN may keep the anonymous
 * answer for {@link #maxAgeSeconds()} (with an ETag to revalidate it afterwards). Nothing tells a
 * shared cache that a publication changed the page, so the short age is what bounds how stale a
 * reader's copy can be. A signed-in user's answer is never marked public.
 * <p>
 * Only for a GET page rendered by a view (the header is set before it renders) with no per-visitor content: no form that posts (its CSRF token is the
 * visitor's), no flash message.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicPage {

	/** How long a shared cache may keep the page; a minute unless the page says otherwise. */
	int maxAgeSeconds() default 60;

}
