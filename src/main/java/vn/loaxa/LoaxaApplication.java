package vn.loaxa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LoaxaApplication {

	public static void main(String[] args) {
		SpringApplication.run(LoaxaApplication.class, args);
	}

}
