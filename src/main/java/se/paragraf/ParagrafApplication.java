package se.paragraf;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

import se.paragraf.operations.VerifyCommand;

/**
 * Paragraf: the work of a Swedish municipal board, from registered matter to certified decision.
 */
@Modulithic(sharedModules = "shared")
@ConfigurationPropertiesScan
@SpringBootApplication
public class ParagrafApplication {

	public static void main(String[] args) {
		if (VerifyCommand.requested(args)) {
			System.exit(VerifyCommand.run(ParagrafApplication.class, System.out, args));
		}
		SpringApplication.run(ParagrafApplication.class, args);
	}

}
