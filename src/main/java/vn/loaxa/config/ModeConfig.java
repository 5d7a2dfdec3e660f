package vn.loaxa.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class ModeConfig {

	/** The one place {@code loaxa.mode} is read; every module asks this bean. */
	@Bean
	LoaxaMode loaxaMode(Environment environment) {
		return LoaxaMode.of(environment);
	}
}
