package se.paragraf.shared.events;

import org.springframework.boot.task.ThreadPoolTaskExecutorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The executor that runs the {@code @ApplicationModuleListener}s: Spring Boot's application task
 * executor, kept to one thread in application.properties (reactions run in commit order, as the search
 * feed's own thread did), with each task running as the user whose commit handed it over.
 */
@Configuration(proxyBeanMethods = false)
class EventExecution {

	@Bean
	ThreadPoolTaskExecutorCustomizer eventListenerTasks(EventPublications publications) {
		return executor -> executor.setTaskDecorator(publications::decorate);
	}

}
