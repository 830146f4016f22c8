package se.paragraf.shared.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.util.FastStringWriter;

/**
 * A page drawn by Thymeleaf into memory and sent as one block of bytes, with its length.
 *
 * <p>A page that fails halfway sends nothing, so the server answers with the error page; drawn straight into
 * the servlet's writer, it went out cut off under status 200 once it had filled the 8 kB response buffer.
 *
 * <p>Drawn straight into the servlet's writer, every page also went through the JDK's character encoder, whose
 * loop for text that is not ASCII (å, ä, ö, the dash) ran in the interpreter for the first minutes of a busy
 * server on two cores: it is called only a few times per page, each time for thousands of characters, so
 * the JIT compiled it late, and only on-stack. That was 7 % of the conduct page's CPU time.
 * {@link String#getBytes(Charset)}, which the whole application uses, encodes the same page in microseconds.
 */
public class WholePageView extends ThymeleafView {

	/** A page's characters as they are drawn; most pages are 10–40 kB. */
	private static final int EXPECTED_SIZE = 32 * 1024;

	@Override
	public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		DrawnPage page = new DrawnPage(response);
		super.render(model, request, page);
		page.send();
	}

	/** Every Thymeleaf page is drawn as a whole page (the resolver Spring Boot configures is kept otherwise). */
	static BeanPostProcessor forEveryPage() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof ThymeleafViewResolver resolver) {
					resolver.setViewClass(WholePageView.class);
				}
				return bean;
			}
		};
	}

	/** The response as the view sees it: its writer only fills memory. */
	private static final class DrawnPage extends HttpServletResponseWrapper {

		private final FastStringWriter characters = new FastStringWriter(EXPECTED_SIZE);

		private final PrintWriter writer = new PrintWriter(this.characters);

		DrawnPage(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			return this.writer;
		}

		void send() throws IOException {
			this.writer.flush();
			HttpServletResponse response = (HttpServletResponse) getResponse();
			byte[] bytes = this.characters.toString().getBytes(Charset.forName(response.getCharacterEncoding()));
			response.setContentLength(bytes.length);
			response.getOutputStream().write(bytes);
		}

	}

}
