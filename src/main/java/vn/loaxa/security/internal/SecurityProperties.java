package vn.loaxa.security.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code loaxa.admin.*}: the first administrator, created once on an empty user table. */
@ConfigurationProperties("loaxa.admin")
public record SecurityProperties(@DefaultValue("admin") String username, String password) {
}
