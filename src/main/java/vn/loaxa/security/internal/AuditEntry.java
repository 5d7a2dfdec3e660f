package vn.loaxa.security.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One change: who, when, what, on what, the value before and after, and whether it was refused. */
@Table("audit_entry")
public record AuditEntry(@Id Long id, Instant at, String actor, String action, String subject, String beforeValue,
		String afterValue, String outcome, String remote) {
}
