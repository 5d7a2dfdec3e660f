package vn.loaxa.config;

import java.util.Optional;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.NamingStrategy;

/**
 * Unquoted identifiers, so the same lower-case names work on H2 and PostgreSQL (Spring Data JDBC
 * would otherwise quote them in the H2 dialect's upper case).
 */
@Configuration(proxyBeanMethods = false)
class JdbcConfig extends AbstractJdbcConfiguration {

	@Override
	public JdbcMappingContext jdbcMappingContext(Optional<NamingStrategy> namingStrategy,
			JdbcCustomConversions customConversions, RelationalManagedTypes jdbcManagedTypes) {
		JdbcMappingContext context = super.jdbcMappingContext(namingStrategy, customConversions, jdbcManagedTypes);
		context.setForceQuote(false);
		return context;
	}
}
