package vn.loaxa.security.internal;

import org.springframework.data.repository.ListCrudRepository;

public interface AuditRepository extends ListCrudRepository<AuditEntry, Long> {
}
