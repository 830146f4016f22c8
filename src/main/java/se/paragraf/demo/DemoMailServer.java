package se.paragraf.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The demo's own SMTP server, on a free loopback port, for a demo started without a mail server:
 * the notices, certifications, reminders and extracts the demo sends are delivered and kept in memory,
 * as they would be by the municipality's server, instead of every one of them failing and filling the
 * secretary's screens with "E-post kunde inte levereras". Off with {@code paragraf.demo.mail-server=false}
 * or by giving a mail server ({@code PARAGRAF_MAIL_HOST}, {@code spring.mail.*}); never outside the demo profile.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
// Only where no mail server was given: spring.mail.host and port as application.properties leaves them.
@ConditionalOnExpression("${paragraf.demo.mail-server:true} and '${spring.mail.host:localhost}' == 'localhost' "
		+ "and '${spring.mail.port:25}' == '25'")
class DemoMailServer {

	private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

	@Bean(destroyMethod = "stop")
	GreenMail demoSmtpServer() {
		GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		log.info("Demo: mail is delivered to the demo's own SMTP server on 127.0.0.1:{} and kept in memory",
				server.getSmtp().getPort());
		return server;
	}

	/** Points the application's mail sender at the demo's server, whatever spring.mail.* said. */
	@Bean
	static BeanPostProcessor demoMailSender(ObjectProvider<GreenMail> server) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof JavaMailSenderImpl sender) {
					sender.setHost("127.0.0.1");
					sender.setPort(server.getObject().getSmtp().getPort());
				}
				return bean;
			}
		};
	}

}
