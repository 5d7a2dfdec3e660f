package vn.loaxa.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code loaxa.admin.*}: the first administrator, created once on an empty user table. */
@ConfigurationProperties("loaxa.admin")
record SecurityProperties(@DefaultValue("admin") String username, String password) {
}
