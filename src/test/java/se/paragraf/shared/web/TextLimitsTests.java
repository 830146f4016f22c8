package se.paragraf.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every text a page or API client can send has an upper bound, stated in its message, so that no
 * request can store a megabyte in a title or overflow a column.
 */
@SpringBootTest
class TextLimitsTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyTextOfEveryFormAndRequestBodyHasAnUpperBound() {
		List<String> unbounded = new ArrayList<>();
		Set<Class<?>> seen = new HashSet<>();
		for (HandlerMethod handler : this.mappings.getHandlerMethods().values()) {
			for (MethodParameter parameter : handler.getMethodParameters()) {
				boolean bound = parameter.hasParameterAnnotation(RequestBody.class)
						|| parameter.hasParameterAnnotation(ModelAttribute.class);
				if (bound) {
					collect(parameter.getParameterType(), seen, unbounded);
				}
			}
		}
		assertThat(unbounded).isEmpty();
	}

	private static void collect(Class<?> type, Set<Class<?>> seen, List<String> unbounded) {
		if (!type.getName().startsWith("se.paragraf.") || type.isEnum() || !seen.add(type)) {
			return;
		}
		for (Class<?> each = type; each != null && each != Object.class; each = each.getSuperclass()) {
			for (Field field : each.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
					continue;
				}
				check(type, field.getName(), field.getAnnotatedType(), field.getType(), sizeOf(type, field),
						seen, unbounded);
			}
		}
	}

	private static void check(Class<?> owner, String name, AnnotatedType annotated, Class<?> type,
			Size size, Set<Class<?>> seen, List<String> unbounded) {
		if (type == String.class) {
			if (size == null || size.max() == Integer.MAX_VALUE) {
				unbounded.add(owner.getName() + "." + name);
			}
		}
		else if (Collection.class.isAssignableFrom(type)
				&& annotated instanceof java.lang.reflect.AnnotatedParameterizedType parameterized) {
			AnnotatedType element = parameterized.getAnnotatedActualTypeArguments()[0];
			Class<?> elementType = element.getType() instanceof ParameterizedType p ? (Class<?>) p.getRawType()
					: (Class<?>) element.getType();
			check(owner, name + "[]", element, elementType, element.getAnnotation(Size.class), seen, unbounded);
		}
		else {
			collect(type, seen, unbounded);
		}
	}

	/** The constraint on a field, or on the record component it belongs to. */
	private static Size sizeOf(Class<?> owner, Field field) {
		Size size = field.getAnnotation(Size.class);
		if (size == null && owner.isRecord()) {
			for (var component : owner.getRecordComponents()) {
				if (component.getName().equals(field.getName())) {
					size = component.getAccessor().getAnnotation(Size.class);
				}
			}
		}
		return size;
	}

}
